// What OpenTelemetry tracing costs a run (a row of `npm run bench`, and `npm run bench:telemetry`).
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
import { createTierup, defineTool, type LanguageModel } from '../../src/index.ts';
import { openaiModel } from '../../src/providers/openai/index.ts';
import { scriptedModel } from '../../src/testing/index.ts';
import {
  AGENT_INSTRUCTIONS,
  agentAnswer,
  agentRequest,
  MODEL,
  ORDER_TOOL,
  orderId,
  orderStatus,
} from '../side-by-side/fixtures.ts';
import { startMockProcess } from '../side-by-side/start-mock.ts';
import { median } from '../stats.ts';

/** How much to measure. */
export interface TelemetrySettings {
  readonly rounds: number;
  readonly batch: number;
  readonly warmup: number;
}

/** One configuration's figures. */
export interface TelemetryFigures {
  readonly config: Config;
  /** Median CPU per run, µs. */
  readonly cpuMicros: number;
  /** Median over rounds of this configuration's CPU over `off`'s in the same round. */
  readonly ratio: number;
}

/** The figures of one model setup (over HTTP, or scripted). */
export interface TelemetrySetupRow {
  readonly setup: 'http' | 'scripted';
  readonly spansPerRun: number;
  readonly figures: readonly TelemetryFigures[];
}

/** What the telemetry scenario measured. */
export interface TelemetryRow {
  readonly rounds: number;
  readonly batch: number;
  readonly warmup: number;
  readonly setups: readonly TelemetrySetupRow[];
}

const STEPS = 4;
export const CONFIGS = ['off', 'no SDK', 'SDK'] as const;
type Config = (typeof CONFIGS)[number];

const getOrder = defineTool({
  ...ORDER_TOOL,
  domain: 'commerce',
  input: z.object({ orderId: z.string() }),
  run: ({ orderId: id }) => orderStatus(id),
});

function instances(model: LanguageModel, tracer: ReturnType<TracerProvider['getTracer']>) {
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

async function measureSetup(
  setup: TelemetrySetupRow['setup'],
  model: LanguageModel,
  settings: TelemetrySettings,
  tracer: ReturnType<TracerProvider['getTracer']>,
  exporter: InMemorySpanExporter,
  progress: (note: string) => void,
): Promise<TelemetrySetupRow> {
  const tierups = instances(model, tracer);
  const request = agentRequest(STEPS);
  const run = async (config: Config) => {
    const result = await tierups[config].run(request);
    if (result.output !== agentAnswer(STEPS) || result.tier !== 'agent') {
      throw new Error(`${config}: unexpected run (${result.tier}): ${String(result.output)}`);
    }
  };
  for (let i = 0; i < settings.warmup; i++) for (const config of CONFIGS) await run(config);
  const cpu: Record<Config, number[]> = { off: [], 'no SDK': [], SDK: [] };
  const ratios: Record<Config, number[]> = { off: [], 'no SDK': [], SDK: [] };
  for (let round = 0; round < settings.rounds; round++) {
    progress(`telemetry, ${setup}: round ${round + 1} of ${settings.rounds}`);
    const order = CONFIGS.map((_, i) => CONFIGS[(i + round) % CONFIGS.length] as Config);
    const perRun = { off: 0, 'no SDK': 0, SDK: 0 };
    for (const config of order) {
      const before = process.cpuUsage();
      for (let i = 0; i < settings.batch; i++) await run(config);
      const used = process.cpuUsage(before);
      perRun[config] = (used.user + used.system) / settings.batch;
      cpu[config].push(perRun[config]);
    }
    for (const config of CONFIGS) ratios[config].push(perRun[config] / perRun.off);
    exporter.reset();
  }
  const spansPerRun = (await tierups.SDK.run(request)).trace.length;
  return {
    setup,
    spansPerRun,
    figures: CONFIGS.map((config) => ({
      config,
      cpuMicros: median(cpu[config]),
      ratio: median(ratios[config]),
    })),
  };
}

/**
 * Measures the three configurations over HTTP (the mock server in a child process) and with a
 * scripted model.
 */
export async function measureTelemetry(
  settings: TelemetrySettings,
  progress: (note: string) => void = () => {},
): Promise<TelemetryRow> {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({
    spanProcessors: [
      new BatchSpanProcessor({ exporter, maxQueueSize: 65_536, scheduledDelayMillis: 200 }),
    ],
  });
  const tracer = provider.getTracer('bench');
  const setups: TelemetrySetupRow[] = [];
  try {
    const mock = await startMockProcess({ kind: 'agent', steps: STEPS, delayMs: 0 });
    try {
      const client = new OpenAI({ apiKey: 'bench', baseURL: mock.baseURL, maxRetries: 0 });
      const model = openaiModel(client, { model: MODEL });
      setups.push(await measureSetup('http', model, settings, tracer, exporter, progress));
    } finally {
      await mock.close();
    }
    setups.push(await measureSetup('scripted', scripted, settings, tracer, exporter, progress));
  } finally {
    await provider.shutdown();
  }
  return { ...settings, setups };
}

/** The figures as a markdown table. */
export function telemetryTable(row: TelemetryRow): string {
  const lines = [
    '| model | spans per run | off: CPU per run | no SDK: CPU, vs off | SDK + exporter: CPU, vs off |',
    '|---|---|---|---|---|',
  ];
  for (const { setup, spansPerRun, figures } of row.setups) {
    const [off, none, sdk] = figures;
    const cell = (f: TelemetryFigures | undefined) =>
      f ? `${f.cpuMicros.toFixed(0)} µs, ${((f.ratio - 1) * 100).toFixed(1)}%` : '-';
    const label = setup === 'http' ? 'OpenAI client over loopback HTTP' : 'scripted (no HTTP)';
    lines.push(
      `| ${label} | ${spansPerRun} | ${off?.cpuMicros.toFixed(0)} µs | ${cell(none)} | ${cell(sdk)} |`,
    );
  }
  return lines.join('\n');
}
