import type { Contender, ContenderName, Outcome } from './contenders/index.ts';

/** The timed samples of one contender, index i from round i (warm-up left out). */
export interface Samples {
  /** Wall time of each run, ms. */
  readonly ms: number[];
  /** CPU time (user + system) of the whole process during each run, ms. */
  readonly cpuMs: number[];
  /**
   * With `collectBefore`: the heap the run's result holds, KB: used heap after a full collection
   * with the result still referenced, less the used heap after the collection before the run.
   */
  readonly heldKb?: number[];
}

/** Shows how far a scenario has got: on a terminal one line rewritten, else a line every 10%. */
export class Progress {
  #label = '';
  #shown = -1;
  readonly #tty = process.stderr.isTTY === true;

  start(label: string): void {
    this.#label = label;
    this.#shown = -1;
  }

  update(done: number, total: number): void {
    const text = `${this.#label}, run ${done} of ${total}`;
    if (this.#tty) {
      process.stderr.write(`\r\x1b[K${text}`);
      if (done === total) process.stderr.write('\n');
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth !== this.#shown || done === total) {
      this.#shown = tenth;
      if (tenth % 2 === 0 || done === total) process.stderr.write(`${text}\n`);
    }
  }

  note(text: string): void {
    process.stderr.write(`${this.#tty ? '\r\x1b[K' : ''}${text}\n`);
  }
}

/** Options of {@link interleave}. */
export interface InterleaveOptions {
  readonly contenders: readonly Contender[];
  readonly work: (contender: Contender) => Promise<Outcome>;
  /** The output a right run answers with. */
  readonly expected: string;
  readonly warmup: number;
  readonly rounds: number;
  readonly progress: Progress;
  /** Collect garbage before each run (outside its time), for runs whose heaps are large. */
  readonly collectBefore?: boolean;
  /** Called with each timed outcome (not the warm-up's). */
  readonly inspect?: (name: ContenderName, outcome: Outcome) => void;
  /** Timed once per round after the contenders, e.g. the critical path; its samples are returned. */
  readonly probe?: () => Promise<void>;
}

/**
 * The order of the contenders in round r: row r mod 4 of a balanced Latin square (Williams
 * design), so that over four rounds each contender runs once in each position and right after
 * each other contender once. A contender's garbage is collected during whichever run comes next;
 * a fixed rotation would always bill the same neighbour for it.
 */
export const ORDERS = [
  [0, 1, 3, 2],
  [1, 2, 0, 3],
  [2, 3, 1, 0],
  [3, 0, 2, 1],
] as const;

/**
 * Runs every contender once per round, in the order of {@link ORDERS}. Every run's output is
 * checked; a wrong one throws. Returns the samples of the rounds after the warm-up.
 */
export async function interleave(
  options: InterleaveOptions,
): Promise<{ samples: Record<ContenderName, Samples>; probeMs: number[] }> {
  const { contenders, work, expected, warmup, rounds, progress, inspect, probe } = options;
  if (contenders.length !== 4) throw new Error('interleave orders four contenders');
  const samples = Object.fromEntries(
    contenders.map((c) => [
      c.name,
      { ms: [], cpuMs: [], ...(options.collectBefore ? { heldKb: [] } : {}) },
    ]),
  ) as unknown as Record<ContenderName, Samples>;
  const probeMs: number[] = [];
  const total = warmup + rounds;
  // One run, in a function of its own: once it returns, nothing holds the outcome, so the
  // collection before the next run frees it.
  const timeRun = async (contender: Contender, timed: boolean) => {
    let heapBefore = 0;
    if (options.collectBefore) heapBefore = await settledHeap();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const outcome = await work(contender);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (outcome.output !== expected) {
      throw new Error(
        `${contender.name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(outcome.output)}`,
      );
    }
    if (!timed) return;
    const own = samples[contender.name];
    own.ms.push(ms);
    own.cpuMs.push((used.user + used.system) / 1000);
    if (options.collectBefore) own.heldKb?.push(((await settledHeap()) - heapBefore) / 1024);
    inspect?.(contender.name, outcome);
  };
  for (let round = 0; round < total; round++) {
    for (const index of ORDERS[round % ORDERS.length] as readonly number[]) {
      await timeRun(contenders[index] as Contender, round >= warmup);
    }
    if (probe) {
      const start = performance.now();
      await probe();
      if (round >= warmup) probeMs.push(performance.now() - start);
    }
    progress.update(round + 1, total);
  }
  return { samples, probeMs };
}

/**
 * The used heap once garbage is collected, its finalizers run (undici releases response bodies
 * from a FinalizationRegistry, a task after the collection) and collected again.
 */
export async function settledHeap(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('the harness needs --expose-gc');
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  gc();
  return process.memoryUsage().heapUsed;
}

export { median, quantile, ratios, round3, sorted, sum } from '../stats.ts';
