import type { Api } from '../fixtures.ts';

/** The contenders, in the order tables show them. */
export const CONTENDERS = ['hand-written', 'tierup', '@openai/agents', 'AI SDK'] as const;
export type ContenderName = (typeof CONTENDERS)[number];

/** What every contender is built from: the mock server's address and the API to speak. */
export interface ContenderSetup {
  readonly baseURL: string;
  readonly api: Api;
  /** The longest agent run it must allow, in model calls. @default 10 */
  readonly maxSteps?: number;
  /**
   * AI SDK only: give each agent run the time limits tierup applies by default (600 s a run, 60 s
   * a step), for a like-for-like load figure (`npm run bench:load`). @default false
   */
  readonly timeLimits?: boolean;
  /**
   * tierup only: drop the abort signal tierup gives each request before it reaches the `openai`
   * client, to measure what the client's handling of a caller's signal costs (`npm run
   * bench:load`). Such a client cannot cancel a request: a measurement, not a setting. @default false
   */
  readonly withholdSignal?: boolean;
}

/** One run's answer, and what the library handed back with it (held to measure its size). */
export interface Outcome {
  readonly output: string;
  readonly result: unknown;
}

/**
 * One contender: the same three kinds of work over the same mock server, each written as that
 * library's documentation shows. `toolRuns` counts the tool executions (get_order, and specialist
 * runs in the fan-out) so the harness can check each run made exactly the expected calls.
 */
export interface Contender {
  readonly name: ContenderName;
  /** Scenario 1: one call, no tools. */
  direct(): Promise<Outcome>;
  /** Scenarios 2, 4, 5: one agent, `steps` model calls (steps - 1 get_order calls, then the answer). */
  agent(steps: number): Promise<Outcome>;
  /** Scenario 3: a manager and 8 specialists, one model call each. */
  fanOut(): Promise<Outcome>;
  readonly toolRuns: { orders: number; specialists: number };
}
