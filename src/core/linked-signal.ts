/**
 * A signal that fires when any of its parents fires or its timer runs out, and that lets go of its
 * parents when the work it guards is done.
 *
 * tierup used `AbortSignal.any` for this. Node makes a composed signal follow every source of a
 * composed parent and keeps weak references to it, so composing the run's signal again for every
 * model and tool call took about 0.1 ms per agent run in a CPU profile under load, and adding a
 * listener to a composed signal (as the SDKs and undici do) costs more than adding one to a plain
 * signal. A linked signal is a plain `AbortController` with one listener on each parent, removed by
 * {@link LinkedSignal.dispose}: the caller must call it, or the parents keep the link alive.
 * (docs/decisions/0004-linked-signals.md)
 */
export interface LinkedSignal {
  /** Fires with the reason of the first parent that fires, or the timer's reason. */
  readonly signal: AbortSignal;
  /** Whether the timer, not a parent, fired it. */
  readonly timedOut: boolean;
  /** Fires the signal with `reason` (if it has not fired yet). */
  abort(reason?: unknown): void;
  /** Stops the timer; the parents stay linked. */
  clearTimer(): void;
  /** Stops the timer and unhooks from the parents. Safe to call more than once. */
  dispose(): void;
}

/** A time limit of a {@link LinkedSignal}: after `ms`, it fires with `reason()`. */
export interface SignalTimeout {
  readonly ms: number;
  readonly reason: () => unknown;
}

/** Links a new signal to `parents` (undefined ones are skipped) and to an optional time limit. */
export function linkSignal(
  parents: readonly (AbortSignal | undefined)[],
  timeout?: SignalTimeout,
): LinkedSignal {
  return new Link(parents, timeout);
}

class Link implements LinkedSignal {
  readonly #controller = new AbortController();
  readonly #parents: AbortSignal[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  timedOut = false;

  constructor(parents: readonly (AbortSignal | undefined)[], timeout: SignalTimeout | undefined) {
    for (const parent of parents) {
      if (parent === undefined) continue;
      if (parent.aborted) {
        this.abort(parent.reason);
        this.dispose();
        return;
      }
      parent.addEventListener('abort', this.#follow, { once: true });
      this.#parents.push(parent);
    }
    if (timeout !== undefined) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.timedOut = !this.#controller.signal.aborted;
        this.abort(timeout.reason());
      }, timeout.ms);
    }
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  abort(reason?: unknown): void {
    if (!this.#controller.signal.aborted) this.#controller.abort(reason);
  }

  clearTimer(): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  dispose(): void {
    this.clearTimer();
    for (const parent of this.#parents) parent.removeEventListener('abort', this.#follow);
    this.#parents.length = 0;
  }

  readonly #follow = (event: Event): void => {
    this.abort((event.target as AbortSignal).reason);
  };
}
