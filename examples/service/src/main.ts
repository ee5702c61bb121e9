// A support service that adopts tierup: its existing OpenAI call serves the direct tier, the
// agent and multi-agent tiers use the same client through tierup/openai, and three zod tools do
// the work. Offline it talks to tierup's mock LLM server; `npm start` prints one line per request
// and exits non-zero when a request did not finish on the tier it should.
import OpenAI from 'openai';
import { createTierup, fromFunction, type LifecycleEvent } from 'tierup';
import { sseResponse } from 'tierup/http';
import { openaiModel } from 'tierup/openai';
import { startMockLlmServer } from 'tierup/testing';
import { answerWithOpenAI } from './existing-call.ts';
import { rules } from './mock-rules.ts';
import { tools } from './tools.ts';

const server = await startMockLlmServer({ rules });
const client = new OpenAI({ apiKey: 'offline', baseURL: `${server.url}/v1`, maxRetries: 0 });
const finished: LifecycleEvent<'onFinish'>[] = [];

const tierup = createTierup({
  model: openaiModel(client, { model: 'gpt-4.1-mini' }),
  // The call the service already made answers what needs no tool; named after its model, so
  // that its (estimated) usage is priced and `maxCostUsd` can hold.
  models: {
    direct: fromFunction(answerWithOpenAI(client, 'gpt-4.1-mini'), { modelId: 'gpt-4.1-mini' }),
  },
  tools,
  instructions: 'You are the support desk of a small shop.',
  budgets: { maxCostUsd: 0.05, timeoutMs: 30_000 },
  onFinish: (event) => {
    finished.push(event);
  },
});

const requests = [
  {
    tier: 'direct',
    input:
      'Summarize this customer message in one sentence: "Hi, I ordered headphones last week and wonder when they arrive."',
  },
  { tier: 'agent', input: 'Where is my order 30418?' },
  {
    tier: 'multi-agent',
    input:
      'Order 88123 arrived damaged. Check what the customer paid, refund the card charge and email them a confirmation.',
  },
] as const;

let failures = 0;
try {
  for (const request of requests) {
    const result = await tierup.run(request.input);
    const ok =
      result.tier === request.tier && typeof result.output === 'string' && result.output !== '';
    if (!ok) failures++;
    const cost = result.usage.costUsd === null ? 'unpriced' : `$${result.usage.costUsd.toFixed(6)}`;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${request.tier.padEnd(11)} finished on ${result.tier}, ${result.usage.calls} model calls, ${cost}: ${result.output}`,
    );
  }
  // The same agent request served as server-sent events: only the final answer's text.
  const response = sseResponse(tierup.stream('Where is my order 30418?'), { keepAliveMs: 0 });
  const events = (await response.text()).split('\n\n').filter(Boolean);
  const names = events.map((event) => event.split('\n')[0]?.slice('event: '.length));
  const text = events
    .filter((event) => event.startsWith('event: text'))
    .map((event) => JSON.parse(event.split('\n')[1]?.slice('data: '.length) ?? '{}').delta)
    .join('');
  const sseOk = names.at(-1) === 'finish' && text.startsWith('Order 30418 is in transit');
  if (!sseOk) failures++;
  console.log(`${sseOk ? 'ok  ' : 'FAIL'} sse         ${names.length} events, text: ${text}`);
  if (finished.length !== requests.length + 1) failures++;
} finally {
  await server.close();
}

if (failures > 0) {
  console.error(`${failures} checks failed`);
  process.exitCode = 1;
} else {
  console.log(`all ${requests.length + 1} requests as expected`);
}
