// The scale benchmark's team: 8 specialists (one per tool domain), each of which calls its tool
// once and answers, against the mock LLM server at a fixed latency per call. Shared by the
// benchmark's run process and its workers.
import OpenAI from 'openai';
import { z } from 'zod';
import { defineTool } from '../../src/core/tool.ts';
import { openaiModel } from '../../src/providers/openai/index.ts';
import type { MockRule } from '../../src/testing/index.ts';

export const SPECIALISTS = 8;
const DOMAINS = Array.from({ length: SPECIALISTS }, (_, i) => `area${i + 1}`);

/** One read-only tool per domain. */
export const TEAM_TOOLS = DOMAINS.map((domain) =>
  defineTool({
    name: `lookup_${domain}`,
    domain,
    description: `Look a record up in ${domain}.`,
    input: z.object({ id: z.string() }),
    run: ({ id }) => ({ id, domain, value: `${domain}:${id}` }),
  }),
);

export const TEAM_REQUEST = `Check record 7 in each of ${DOMAINS.join(', ')} and summarise.`;

const PLAN = JSON.stringify({
  subtasks: DOMAINS.map((domain) => ({
    id: domain,
    specialist: domain,
    task: `Look up record 7 in ${domain}.`,
    dependsOn: [],
  })),
});

/** The mock server's rules: every reply after `delayMs`. */
export function teamRules(delayMs: number): MockRule[] {
  return [
    { match: { system: 'Plan the request' }, reply: { text: PLAN, delayMs } },
    ...DOMAINS.flatMap((domain): MockRule[] => [
      {
        match: { system: `You are the ${domain} specialist`, lastMessage: 'Look up record 7' },
        reply: { toolCalls: [{ name: `lookup_${domain}`, arguments: { id: '7' } }], delayMs },
      },
      {
        match: { system: `You are the ${domain} specialist` },
        reply: { text: `${domain}: record 7 is fine.`, delayMs },
      },
    ]),
    { reply: { text: 'All records are fine.', delayMs } },
  ];
}

/** The real `openai` client against the mock server. */
export function teamModel(baseURL: string) {
  const client = new OpenAI({ apiKey: 'mock', baseURL, maxRetries: 0 });
  return openaiModel(client, { model: 'gpt-4.1-mini', api: 'chat' });
}

/** What a worker process of the benchmark is told (`BENCH_SCALE_WORKER`, JSON). */
export interface WorkerConfig {
  readonly redisPort: number;
  readonly queue: string;
  readonly secret: string;
  readonly baseURL: string;
  readonly concurrency: number;
}

/** The configuration a worker process was started with. */
export const workerConfig = () =>
  JSON.parse(process.env.BENCH_SCALE_WORKER ?? '{}') as WorkerConfig;
