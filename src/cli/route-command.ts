import { type Decision, SIGNALS, type SignalName, type TierOverride } from '../core/decision.ts';
import type { Tier } from '../core/tier.ts';
import { type CliStreams, write } from './cli-streams.ts';
import { formatExplain } from './format-explain.ts';
import { loadRouter } from './load-router.ts';
import { parseCommandArgs, usageFailure } from './parse-command-args.ts';
import { type RoutedRecord, routeRecords } from './route-records.ts';
import { ROUTE_USAGE } from './usage.ts';

const OPTIONS = {
  explain: { type: 'boolean' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `tierup route [FILE] [--explain] [--config FILE]`: routes JSONL records and writes one
 * JSON decision per line (or, with `--explain`, a readable table).
 * @returns the exit code: 0, or 2 for bad usage, a bad config or any bad input line.
 *
 * @example
 * const code = await routeCommand(['requests.jsonl'], { stdin, stdout, stderr });
 */
export async function routeCommand(args: readonly string[], streams: CliStreams): Promise<number> {
  const { stdin, stdout, stderr } = streams;
  const parsed = parseCommandArgs('route', args, OPTIONS, stderr);
  if (parsed === undefined) return 2;
  const { values, positionals } = parsed;
  if (values.help) {
    await write(stdout, ROUTE_USAGE);
    return 0;
  }
  if (positionals.length > 1) {
    return usageFailure('route', `expected at most one FILE, got ${positionals.length}`, stderr);
  }
  const router = await loadRouter(values.config, stderr);
  if (router === undefined) return 2;

  const explained: RoutedRecord[] = [];
  const exitCode = await routeRecords({
    router,
    file: positionals[0],
    stdin,
    stderr,
    command: 'route',
    onRouted: async (routed) => {
      if (values.explain) explained.push(routed);
      else await write(stdout, `${JSON.stringify(toRouteLine(routed.id, routed.decision))}\n`);
      return undefined;
    },
  });
  if (values.explain) await write(stdout, formatExplain(explained));
  return exitCode;
}

/** One line of `tierup route` output. */
export interface RouteLine {
  readonly id: string;
  readonly tier: Tier;
  /** Present when a hint or `maxTier` changed the tier the signals picked. */
  readonly override?: TierOverride;
  readonly signals: Readonly<Record<SignalName, { readonly score: number; readonly set: boolean }>>;
  /** Names of the tools judged needed, strongest first. */
  readonly tools: readonly string[];
  readonly reasons: readonly string[];
}

/** The JSON line `tierup route` writes for one decision. */
export function toRouteLine(id: string, decision: Decision): RouteLine {
  const signals = Object.fromEntries(
    SIGNALS.map((name) => {
      const { score, set } = decision.signals[name];
      return [name, { score, set }];
    }),
  ) as RouteLine['signals'];
  return {
    id,
    tier: decision.tier,
    ...(decision.override === undefined ? {} : { override: decision.override }),
    signals,
    tools: decision.tools.map((tool) => tool.name),
    reasons: decision.reasons,
  };
}
