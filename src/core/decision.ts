import type { Tier } from './tier.ts';

/** The four signals the router scores, in the order it reports them. */
export const SIGNALS = ['toolUse', 'crossDomain', 'securityBoundary', 'parallelism'] as const;
/** One routing signal. `toolUse` decides direct vs agent; the other three call for multi-agent. */
export type SignalName = (typeof SIGNALS)[number];
/** The signals that, when set, send a request to the multi-agent tier. */
export const MULTI_AGENT_SIGNALS: readonly SignalName[] = [
  'crossDomain',
  'securityBoundary',
  'parallelism',
];

/** How strongly one signal holds for a request. */
export interface SignalDecision {
  /** Strength in [0, 1]. */
  readonly score: number;
  /** The threshold in force; the signal is set when `score >= threshold`. */
  readonly threshold: number;
  readonly set: boolean;
  /** The score lies in the configured uncertain band, where a model-assisted scorer may be consulted. */
  readonly uncertain: boolean;
}

/** A tool the router judged the request to need. */
export interface NeededTool {
  readonly name: string;
  readonly domain: string;
  /** How strongly the request calls for this tool, in [0, 1]. */
  readonly score: number;
}

/** What changed the tier the signals picked. */
export interface TierOverride {
  /** `hint`: the task's `hints.tier`; `max-tier`: the router's `maxTier` or the task's `hints.maxTier`. */
  readonly by: 'hint' | 'max-tier';
  readonly from: Tier;
  readonly to: Tier;
}

/**
 * What one of a decision's reasons is about, for code to read: stable when the words change.
 * - `needs-tools`, `needs-unmatched-tool`, `needs-no-tool`: the `toolUse` verdict (the first reason).
 * - `tool-use`, `cross-domain`, `security-boundary`, `parallelism`: a scorer's finding for that
 *   signal (for `toolUse` whether or not it is set; for the others, a set signal).
 * - `not-cross-domain`, `not-security-boundary`, `not-parallelism`: what a signal scored that
 *   stayed below its threshold.
 * - `hint-tier`: the task's `hints.tier` changed the tier; `max-tier`: a cap lowered it.
 * - `model-settled`, `model-malformed`: `routeAssisted`'s model call and its outcome.
 */
export type ReasonCode =
  | 'needs-tools'
  | 'needs-unmatched-tool'
  | 'needs-no-tool'
  | 'tool-use'
  | 'cross-domain'
  | 'security-boundary'
  | 'parallelism'
  | 'not-cross-domain'
  | 'not-security-boundary'
  | 'not-parallelism'
  | 'hint-tier'
  | 'max-tier'
  | 'model-settled'
  | 'model-malformed';

/** The router's verdict on one request, with the evidence a person can check. */
export interface Decision {
  /** The tier to run on. */
  readonly tier: Tier;
  /** The tier the signals alone called for, before hints and caps. */
  readonly signalTier: Tier;
  readonly signals: Readonly<Record<SignalName, SignalDecision>>;
  /** Tools judged needed, strongest first. */
  readonly tools: readonly NeededTool[];
  /** Sentences that explain the decision, one per finding, for people: the words may change. */
  readonly reasons: readonly string[];
  /**
   * The code of each reason, in the same order (`reasonCodes[i]` is what `reasons[i]` is about):
   * what code reads instead of the words.
   * @example decision.reasonCodes.includes('max-tier') // a cap lowered the tier
   */
  readonly reasonCodes: readonly ReasonCode[];
  /** Set when a hint or a cap changed the tier the signals picked. */
  readonly override?: TierOverride;
}
