// What OpenTelemetry tracing costs a run (a row of `npm run bench`, and `npm run bench:telemetry`).
// The same agent run (4 model calls, 3 tool calls, the router included) through six createTierup
// instances measured in interleaved rounds in one process:
//   off        no `telemetry` option;
//   off again  a second instance without it: the A/A comparison, whose spread is the noise floor;
//   no SDK     `telemetry: {}` with no OpenTelemetry SDK registered;
//   tierup's   `telemetry: { tracer }` on a tracer whose spans record and keep nothing: tierup's own
//              telemetry work alone, without an SDK's;
//   SDK        `telemetry: { tracer }` on an SDK TracerProvider with a BatchSpanProcessor and an
//              in-memory exporter (every span recorded, exported in batches);
//   sampled    the same with a ParentBased(TraceIdRatioBased(0.1)) sampler: one run in ten
//              recorded, what production tracing commonly does.
// Each round runs a batch of each in a random order (seeded), so what one configuration leaves to
// the next (garbage not yet collected) falls on each other one alike over the rounds. (A Williams
// design balances that within a round only: across its rounds' boundaries one configuration
// followed the SDK's batches twice as often as the others, and paid for their garbage.) An SDK's
// batch ends with a flush of its processor, inside the measurement; its exporter is emptied after
// it, outside. (Collecting the heap before each batch was tried and rejected: it made the next
// batch's runs 50% slower, a different workload.) CPU is process.cpuUsage (user + system) per run.
// Per round, each configuration's CPU over off's in the same round; over the rounds, the median of
// those ratios, their interquartile range and a bootstrap 95% interval of the median.
// Twice: over the official OpenAI client against the mock server in a child process (its CPU is
// not counted), and with a scripted model (no HTTP: tierup's own work alone, the worst case for the
// ratio).
import {
  BatchSpanProcessor,
  InMemorySpanExporter,
  ParentBasedSampler,
  type Sampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
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
import { bootstrapMedian, median, quantile, ratios, seededRandom } from '../stats.ts';
import { discardingTracer } from './discarding-tracer.ts';

/** How much to measure. */
export interface TelemetrySettings {
  /** Rounds per setup. */
  readonly rounds: number;
  /** Runs per configuration per round over HTTP; the scripted setup runs ten times as many. */
  readonly batch: number;
  readonly warmup: number;
}

/** A configuration's CPU against off's in the same rounds (1.05 is 5% more). */
export interface RatioSpread {
  readonly median: number;
  /** The interquartile range of the per-round ratios. */
  readonly q1: number;
  readonly q3: number;
  /** The bootstrap 95% interval of the median. */
  readonly low: number;
  readonly high: number;
}

/** One configuration's figures. */
export interface TelemetryFigures extends RatioSpread {
  readonly config: Config;
  /** Median CPU per run, µs. */
  readonly cpuMicros: number;
}

/** The figures of one model setup (over HTTP, or scripted). */
export interface TelemetrySetupRow {
  readonly setup: 'http' | 'scripted';
  readonly batch: number;
  /** Spans the exporter received for one run. */
  readonly spansPerRun: number;
  readonly figures: readonly TelemetryFigures[];
  /**
   * The SDK's own work, every span recorded: per round, SDK's CPU less the discarding tracer's,
   * over off's (1.07 is 7% of a run).
   */
  readonly sdkOwn: RatioSpread;
}

/** What the telemetry scenario measured. */
export interface TelemetryRow {
  readonly rounds: number;
  readonly batch: number;
  readonly warmup: number;
  readonly setups: readonly TelemetrySetupRow[];
}

const STEPS = 4;
export const CONFIGS = ['off', 'off again', 'no SDK', "tierup's", 'SDK', 'sampled'] as const;
type Config = (typeof CONFIGS)[number];

/** A random order of the configurations (Fisher-Yates), from a seeded generator. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const getOrder = defineTool({
  ...ORDER_TOOL,
  domain: 'commerce',
  input: z.object({ orderId: z.string() }),
  run: ({ orderId: id }) => orderStatus(id),
});

function instances(model: LanguageModel, { full, sampled }: Tracing) {
  const base = { model, instructions: AGENT_INSTRUCTIONS, tools: [getOrder] };
  return {
    off: createTierup(base),
    'off again': createTierup(base),
    'no SDK': createTierup({ ...base, telemetry: {} }),
    "tierup's": createTierup({ ...base, telemetry: { tracer: discardingTracer } }),
    SDK: createTierup({ ...base, telemetry: { tracer: full.provider.getTracer('bench') } }),
    sampled: createTierup({ ...base, telemetry: { tracer: sampled.provider.getTracer('bench') } }),
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

/** The spread of per-round ratios. */
export function ratioSpread(perRound: readonly number[]): RatioSpread {
  const { low, high } = bootstrapMedian(perRound);
  return {
    median: median(perRound),
    q1: quantile(perRound, 0.25),
    q3: quantile(perRound, 0.75),
    low,
    high,
  };
}

/** An SDK tracer provider and the exporter its batches go to. */
interface Sdk {
  readonly provider: TracerProvider;
  readonly exporter: InMemorySpanExporter;
}

interface Tracing {
  /** Every span recorded. */
  readonly full: Sdk;
  /** One run in ten recorded. */
  readonly sampled: Sdk;
}

function sdk(sampler?: Sampler): Sdk {
  const exporter = new InMemorySpanExporter();
  const processor = new BatchSpanProcessor({
    exporter,
    maxQueueSize: 65_536,
    scheduledDelayMillis: 200,
  });
  const provider = new TracerProvider({ spanProcessors: [processor], ...(sampler && { sampler }) });
  return { provider, exporter };
}

async function measureSetup(
  setup: TelemetrySetupRow['setup'],
  model: LanguageModel,
  settings: TelemetrySettings,
  tracing: Tracing,
  progress: (note: string) => void,
): Promise<TelemetrySetupRow> {
  const tierups = instances(model, tracing);
  const { provider, exporter } = tracing.full;
  const sdks: Partial<Record<Config, Sdk>> = { SDK: tracing.full, sampled: tracing.sampled };
  const request = agentRequest(STEPS);
  const batch = setup === 'http' ? settings.batch : settings.batch * 10;
  const run = async (config: Config) => {
    const result = await tierups[config].run(request);
    if (result.output !== agentAnswer(STEPS) || result.tier !== 'agent') {
      throw new Error(`${config}: unexpected run (${result.tier}): ${String(result.output)}`);
    }
  };
  for (let i = 0; i < settings.warmup; i++) for (const config of CONFIGS) await run(config);
  for (const { provider: p, exporter: e } of Object.values(sdks)) {
    await p.forceFlush();
    e.reset();
  }
  const random = seededRandom(7);
  const cpu = Object.fromEntries(CONFIGS.map((c) => [c, [] as number[]])) as Record<
    Config,
    number[]
  >;
  for (let round = 0; round < settings.rounds; round++) {
    progress(`telemetry, ${setup}: round ${round + 1} of ${settings.rounds}`);
    for (const config of shuffled(CONFIGS, random)) {
      const before = process.cpuUsage();
      for (let i = 0; i < batch; i++) await run(config);
      await sdks[config]?.provider.forceFlush();
      const used = process.cpuUsage(before);
      cpu[config].push((used.user + used.system) / batch);
      sdks[config]?.exporter.reset();
    }
  }
  exporter.reset();
  await run('SDK');
  await provider.forceFlush();
  const spansPerRun = exporter.getFinishedSpans().length;
  exporter.reset();
  return {
    setup,
    batch,
    spansPerRun,
    figures: CONFIGS.map((config) => ({
      config,
      cpuMicros: median(cpu[config]),
      ...ratioSpread(ratios(cpu[config], cpu.off)),
    })),
    sdkOwn: ratioSpread(
      cpu.SDK.map((x, i) => 1 + (x - (cpu["tierup's"][i] as number)) / (cpu.off[i] as number)),
    ),
  };
}

/**
 * Measures the configurations over HTTP (the mock server in a child process) and with a scripted
 * model.
 */
export async function measureTelemetry(
  settings: TelemetrySettings,
  progress: (note: string) => void = () => {},
): Promise<TelemetryRow> {
  const tracing: Tracing = {
    full: sdk(),
    sampled: sdk(new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(0.1) })),
  };
  const setups: TelemetrySetupRow[] = [];
  try {
    const mock = await startMockProcess({ kind: 'agent', steps: STEPS, delayMs: 0 });
    try {
      const client = new OpenAI({ apiKey: 'bench', baseURL: mock.baseURL, maxRetries: 0 });
      const model = openaiModel(client, { model: MODEL });
      setups.push(await measureSetup('http', model, settings, tracing, progress));
    } finally {
      await mock.close();
    }
    setups.push(await measureSetup('scripted', scripted, settings, tracing, progress));
  } finally {
    await tracing.full.provider.shutdown();
    await tracing.sampled.provider.shutdown();
  }
  return { ...settings, setups };
}
