// A process that runs (or resumes) the team's run against the mock LLM server, over the real
// `openai` client, with the Redis journal; test/durable/killed-run.test.ts starts it, kills it
// with SIGKILL mid-run, and starts another to resume. Settings come from the environment:
//   REDIS_URL, OPENAI_BASE_URL, RUN_ID, MODE (run | resume), EFFECTS_FILE (a line per side
//   effect done), REFUND_MS (how long the refund takes), IDEMPOTENT (1: the refund is idempotent).
// It prints one line of JSON: { ok: true, outcome } or { ok: false, error }.
import { appendFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { redisJournal } from '../../src/bullmq/index.ts';
import { createTierup, type RoutedRunResult } from '../../src/index.ts';
import { openaiModel } from '../../src/providers/openai/index.ts';
import { TEAM_TASK, teamTools } from './durable-team.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const connection = new Redis(env('REDIS_URL'), { maxRetriesPerRequest: 50 });
const client = new OpenAI({ apiKey: 'test', baseURL: env('OPENAI_BASE_URL'), maxRetries: 0 });
const tools = teamTools({
  refundMs: Number(process.env.REFUND_MS ?? 0),
  idempotentRefund: process.env.IDEMPOTENT === '1',
  onEffect: (effect) => appendFileSync(env('EFFECTS_FILE'), `${JSON.stringify(effect)}\n`),
});
const tierup = createTierup({
  model: openaiModel(client, { model: 'gpt-4.1-mini', api: 'chat' }),
  tools,
  journal: redisJournal({ connection }),
});
const runId = env('RUN_ID');

try {
  const result: RoutedRunResult<string> =
    env('MODE') === 'resume'
      ? await tierup.resume<string>(runId)
      : await tierup.run(TEAM_TASK, { runId });
  const outcome = {
    output: result.output,
    tier: result.tier,
    calls: result.usage.calls,
    inputTokens: result.usage.inputTokens,
    outputTokens: result.usage.outputTokens,
    toolErrors: result.toolErrors.length,
  };
  console.log(JSON.stringify({ ok: true, outcome }));
} catch (error) {
  const { name, code, tool, callId, key, message } = error as Record<string, unknown>;
  console.log(JSON.stringify({ ok: false, error: { name, code, tool, callId, key, message } }));
} finally {
  connection.disconnect();
}
