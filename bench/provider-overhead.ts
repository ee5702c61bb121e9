// Provider overhead: `npm run bench:providers`.
// The time tierup's LanguageModel adds over calling the same official SDK directly, both against
// the loopback mock server with no delay, measured side by side in one run (A B A B ...).
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import type { LanguageModel } from '../src/index.ts';
import { anthropicModel } from '../src/providers/anthropic/index.ts';
import { openaiModel } from '../src/providers/openai/index.ts';
import { startMockLlmServer } from '../src/testing/index.ts';

const WARMUP = 300;
const PAIRS = Number(process.env.PAIRS ?? 2_000);

const server = await startMockLlmServer({
  rules: [
    { reply: { text: 'Order 30418 ships tomorrow.', usage: { inputTokens: 20, outputTokens: 7 } } },
  ],
});
const openai = new OpenAI({ apiKey: 'bench', baseURL: server.baseURL.openai, maxRetries: 0 });
const anthropic = new Anthropic({
  apiKey: 'bench',
  baseURL: server.baseURL.anthropic,
  maxRetries: 0,
});
const messages = [{ role: 'user' as const, content: 'Where is order 30418?' }];

const cases: { name: string; raw: () => Promise<unknown>; tierup: LanguageModel }[] = [
  {
    name: 'OpenAI Chat Completions',
    raw: () => openai.chat.completions.create({ model: 'gpt-bench', messages }, { maxRetries: 0 }),
    tierup: openaiModel(openai, { model: 'gpt-bench', api: 'chat' }),
  },
  {
    name: 'OpenAI Responses',
    raw: () =>
      openai.responses.create(
        { model: 'gpt-bench', input: messages, store: false },
        { maxRetries: 0 },
      ),
    tierup: openaiModel(openai, { model: 'gpt-bench', api: 'responses' }),
  },
  {
    name: 'Anthropic Messages',
    raw: () =>
      anthropic.messages.create(
        { model: 'claude-bench', max_tokens: 4096, messages },
        { maxRetries: 0 },
      ),
    tierup: anthropicModel(anthropic, { model: 'claude-bench' }),
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const pct = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor(q * xs.length)] ?? 0;

console.log(
  `Node ${process.version}; ${PAIRS} interleaved pairs per API after ${WARMUP} warm-up pairs`,
);
for (const { name, raw, tierup } of cases) {
  const rawTimes: number[] = [];
  const tierupTimes: number[] = [];
  for (let i = 0; i < WARMUP + PAIRS; i++) {
    let t = performance.now();
    await raw();
    const a = performance.now() - t;
    t = performance.now();
    await tierup.generate({ messages });
    const b = performance.now() - t;
    if (i >= WARMUP) {
      rawTimes.push(a);
      tierupTimes.push(b);
    }
  }
  const rawMedian = median(rawTimes);
  const tierupMedian = median(tierupTimes);
  console.log(
    `${name}: SDK ${rawMedian.toFixed(3)} ms (p10-p90 ${pct(rawTimes, 0.1).toFixed(3)}-${pct(rawTimes, 0.9).toFixed(3)}), ` +
      `tierup ${tierupMedian.toFixed(3)} ms (p10-p90 ${pct(tierupTimes, 0.1).toFixed(3)}-${pct(tierupTimes, 0.9).toFixed(3)}), ` +
      `overhead ${(tierupMedian - rawMedian).toFixed(3)} ms (${((tierupMedian / rawMedian - 1) * 100).toFixed(1)}%)`,
  );
}
await server.close();
