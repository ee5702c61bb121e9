// One contract, two journals: memoryJournal and redisJournal (on a real redis-server) store,
// read back, expire, and reserve a run's budget the same way.
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { BudgetExceededError, createTierup } from 'tierup';
import { redisJournal } from 'tierup/bullmq';
import { type JournaledRun, memoryJournal, type RunJournal } from 'tierup/durable';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../escalating-run.ts';
import { redisServerAvailable, startRedis, type TestRedis } from '../redis-server.ts';
import { TEAM_TASK, teamTools } from './durable-team.ts';
import { scriptedTeam } from './scripted-team.ts';

const RUN: JournaledRun = {
  version: 1,
  startedAt: 1,
  task: { input: 'hi', tools: [], output: false },
  options: { maxTokens: 100 },
};
const answer = {
  type: 'model' as const,
  response: {
    text: 'hello',
    toolCalls: [],
    finishReason: { unified: 'stop' as const, raw: 'stop' },
    usage: { inputTokens: 3, outputTokens: 1, cachedInputTokens: 0 },
    warnings: [],
  },
};

/** The journals under test; each case gets a fresh one (`ttlMs` short for the expiry case). */
interface Subject {
  readonly name: string;
  journal(ttlMs?: number): RunJournal;
  /** Two clients of one store (for Redis, two connections: as two processes see it). */
  pair(): [RunJournal, RunJournal];
  /** Lets `ms` pass for the journal's clock. */
  pass(ms: number): Promise<void>;
}

let redis: TestRedis | undefined;
const clients: Redis[] = [];
const connect = () => {
  const client = new Redis((redis as TestRedis).url);
  clients.push(client);
  return client;
};
let clock = 0;
const subjects: Subject[] = [
  {
    name: 'memoryJournal',
    journal: (ttlMs) => memoryJournal({ now: () => clock, ...(ttlMs ? { ttlMs } : {}) }),
    pair: () => {
      const journal = memoryJournal();
      return [journal, journal];
    },
    pass: async (ms) => {
      clock += ms;
    },
  },
];
if (redisServerAvailable()) {
  let prefix = 0;
  subjects.push({
    name: 'redisJournal',
    journal: (ttlMs) =>
      redisJournal({ connection: connect(), prefix: `t${++prefix}`, ...(ttlMs ? { ttlMs } : {}) }),
    pair: () => {
      const at = `t${++prefix}`;
      return [
        redisJournal({ connection: connect(), prefix: at }),
        redisJournal({ connection: connect(), prefix: at }),
      ];
    },
    pass: (ms) => sleep(ms),
  });
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await redis?.stop();
  });
}

describe.each(subjects)('$name', (subject) => {
  it('opens a run once, and reads back its entries and end as written', async () => {
    const journal = subject.journal();
    expect(await journal.read('r1')).toBeUndefined();
    expect(await journal.begin('r1', RUN)).toBe(true);
    expect(await journal.begin('r1', { ...RUN, startedAt: 2 })).toBe(false);
    await journal.write('r1', 'direct/direct/model:1', answer);
    await journal.write('r1', 'agent/agent/tool:1:c1', {
      type: 'tool-started',
      tool: 'refund',
      callId: 'c1',
      arguments: { amount: 1 },
      idempotencyKey: 'k',
    });
    await journal.end('r1', { status: 'finished', at: 5 });
    const read = await journal.read('r1');
    expect(read?.run).toEqual(RUN);
    expect(Object.fromEntries(read?.entries ?? [])).toEqual({
      'direct/direct/model:1': answer,
      'agent/agent/tool:1:c1': expect.objectContaining({
        type: 'tool-started',
        arguments: { amount: 1 },
      }),
    });
    expect(read?.end).toEqual({ status: 'finished', at: 5 });
  });

  it('forgets a run ttlMs after its last write', async () => {
    // Margins of 400 ms either way, for a busy machine.
    const journal = subject.journal(1_000);
    await journal.begin('r2', RUN);
    await subject.pass(600);
    await journal.write('r2', 'k', answer);
    await subject.pass(600);
    expect((await journal.read('r2'))?.entries.size).toBe(1);
    await subject.pass(1_400);
    expect(await journal.read('r2')).toBeUndefined();
  });

  it('reserves a run budget atomically across clients, replaces a key, and settles a key once', async () => {
    const [a, b] = subject.pair();
    await a.begin('r3', RUN);
    const limits = { maxTokens: 500 };
    // Two clients (two processes, for Redis) ask for 60 reservations of 10 tokens at once.
    const asked = Array.from({ length: 60 }, (_, i) =>
      (i % 2 ? a : b).reserve?.('r3', `call:${i}`, { tokens: 10, usd: 0 }, limits),
    );
    const answers = await Promise.all(asked);
    expect(answers.filter((r) => r?.ok)).toHaveLength(50);
    expect(answers.find((r) => r?.ok === false)).toEqual({
      ok: false,
      limit: 'maxTokens',
      committed: 500,
    });
    // A key reserved again replaces its reservation; settling frees it and counts what was used.
    expect(await a.reserve?.('r3', 'call:0', { tokens: 10, usd: 0 }, limits)).toEqual({ ok: true });
    await a.settle?.('r3', 'call:0', { tokens: 4, usd: 0 });
    await a.settle?.('r3', 'call:0', { tokens: 4, usd: 0 });
    expect(await a.reserve?.('r3', 'next', { tokens: 7, usd: 0 }, limits)).toEqual({
      ok: false,
      limit: 'maxTokens',
      committed: 494,
    });
    expect(await a.reserve?.('r3', 'next', { tokens: 6, usd: 0 }, limits)).toEqual({ ok: true });
    expect(
      await a.reserve?.('r3', 'usd', { tokens: 0, usd: 0.5 }, { maxCostUsd: 0.4 }),
    ).toMatchObject({ ok: false, limit: 'maxCostUsd' });
  });

  it("stops a run whose budget the run's other processes spent, before its first model call", async () => {
    const [journal, other] = subject.pair();
    const model = scriptedTeam();
    const tierup = createTierup({ model, tools: teamTools({ onEffect: () => {} }), journal });
    // Another process of run 'r4' spent all but 50 of its 2,000 tokens.
    await other.begin('r4', RUN);
    await other.reserve?.('r4', 'elsewhere', { tokens: 1_950, usd: 0 }, {});
    await other.settle?.('r4', 'elsewhere', { tokens: 1_950, usd: 0 });
    const stopped = await failure(tierup.resume('r4', { maxTokens: 2_000 }));
    expect(stopped).toBeInstanceOf(BudgetExceededError);
    expect(stopped).toMatchObject({ budget: 'maxTokens', limit: 2_000 });
    expect(model.calls).toHaveLength(0);
    // The same run with the budget to itself goes through.
    const alone = await tierup.run(TEAM_TASK, { runId: 'r5', maxTokens: 20_000 });
    expect(alone.tier).toBe('multi-agent');
  });
});
