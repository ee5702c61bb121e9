// What OpenTelemetry tracing costs a run: `npm run bench:telemetry`.
// The same agent run (4 model calls, 3 tool calls, the router included) through three createTierup
// instances measured side by side in one process, the order rotating every round:
//   off      no `telemetry` option;
//   no SDK   `telemetry: {}` with no OpenTelemetry SDK registered (the global tracer records nothing);
//   SDK      `telemetry: { tracer }` on an SDK TracerProvider with a BatchSpanProcessor and an
//            in-memory exporter (every span recorded, exported in batches).
// Twice: over the official OpenAI client against the mock server in a child process (its CPU is
// not counted), and with a scripted model (no HTTP: tierup's own work alone, the worst case for the
// ratio). CPU is process.cpuUsage (user + system) per run; the figure is the median over rounds.
import { BatchSpanProcessor, InMemorySpanExporter, TracerProvider } from '@opentelemetry/sdk-trace';
import OpenAI from 'openai';
import { z } from 'zod';
import { createTierup, defineTool, type LanguageModel } from '../src/index.ts';
import { openaiModel } from '../src/providers/openai/index.ts';
import { scriptedModel } from '../src/testing/index.ts';
import {
  AGENT_INSTRUCTIONS,
  agentAnswer,
  agentRequest,
  MODEL,
  ORDER_TOOL,
  orderId,
  orderStatus,
} from './side-by-side/fixtures.ts';
import { startMockProcess } from './side-by-side/start-mock.ts';

const QUICK = process.env.BENCH_QUICK === '1';
const STEPS = 4;
const ROUNDS = Number(process.env.ROUNDS ?? (QUICK ? 6 : 30));
const BATCH = Number(process.env.BATCH ?? (QUICK ? 20 : 100));
const WARMUP = QUICK ? 50 : 300;
const CONFIGS = ['off', 'no SDK', 'SDK'] as const;
type Config = (typeof CONFIGS)[number];

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({
  spanProcessors: [
    new BatchSpanProcessor({ exporter, maxQueueSize: 65_536, scheduledDelayMillis: 200 }),
  ],
});
const tracer = provider.getTracer('bench');

const getOrder = defineTool({
  ...ORDER_TOOL,
  domain: 'commerce',
  input: z.object({ orderId: z.string() }),
  run: ({ orderId: id }) => orderStatus(id),
});

function instances(model: LanguageModel) {
  const base = { model, instructions: AGENT_INSTRUCTIONS, tools: [getOrder] };
  return {
    off: createTierup(base),
    'no SDK': createTierup({ ...base, telemetry: {} }),
    SDK: createTierup({ ...base, telemetry: { tracer } }),
  } satisfies Record<Config, unknown>;
}

/** The scripted agent: tool call k after k tool results, then the answer (as the mock plays it). */
const scripted = scriptedModel(
  (request) => {
    const k = request.messages.filter((m) => m.role === 'tool').length;
    return k < STEPS - 1
      ? { toolCalls: [{ name: ORDER_TOOL.name, arguments: { orderId: orderId(k) } }] }
      : agentAnswer(STEPS);
  },
  { modelId: MODEL },
);

async function measure(label: string, model: LanguageModel): Promise<void> {
  const tierups = instances(model);
  const request = agentRequest(STEPS);
  const run = async (config: Config) => {
    const result = await tierups[config].run(request);
    if (result.output !== agentAnswer(STEPS) || result.tier !== 'agent') {
      throw new Error(`${config}: unexpected run (${result.tier}): ${String(result.output)}`);
    }
  };
  for (let i = 0; i < WARMUP; i++) for (const config of CONFIGS) await run(config);
  const cpu: Record<Config, number[]> = { off: [], 'no SDK': [], SDK: [] };
  const ratios: Record<Exclude<Config, 'off'>, number[]> = { 'no SDK': [], SDK: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = CONFIGS.map((_, i) => CONFIGS[(i + round) % CONFIGS.length] as Config);
    const perRun: Partial<Record<Config, number>> = {};
    for (const config of order) {
      const before = process.cpuUsage();
      for (let i = 0; i < BATCH; i++) await run(config);
      const used = process.cpuUsage(before);
      perRun[config] = (used.user + used.system) / BATCH;
      cpu[config].push(perRun[config]);
    }
    ratios['no SDK'].push((perRun['no SDK'] ?? 0) / (perRun.off ?? 1));
    ratios.SDK.push((perRun.SDK ?? 0) / (perRun.off ?? 1));
    exporter.reset();
  }
  const spans = (await tierups.SDK.run(request)).trace.length;
  console.log(
    `\n${label}: ${ROUNDS} rounds of ${BATCH} runs per configuration, ${spans} spans per run`,
  );
  console.log('| configuration | CPU per run (median) | vs off (median of per-round ratios) |');
  console.log('|---|---|---|');
  for (const config of CONFIGS) {
    const ratio = config === 'off' ? '1.000' : median(ratios[config]).toFixed(3);
    console.log(`| ${config} | ${median(cpu[config]).toFixed(1)} µs | ${ratio} |`);
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const mock = await startMockProcess({ kind: 'agent', steps: STEPS, delayMs: 0 });
try {
  const client = new OpenAI({ apiKey: 'bench', baseURL: mock.baseURL, maxRetries: 0 });
  await measure(
    'agent run over the OpenAI client and the mock server (its CPU not counted)',
    openaiModel(client, { model: MODEL }),
  );
} finally {
  await mock.close();
}
await measure('agent run with a scripted model (no HTTP: tierup alone)', scripted);
await provider.shutdown();
