/** Runs at most `concurrency` of the given jobs at once. */
export type Limiter = <T>(job: () => Promise<T>) => Promise<T>;

/**
 * Creates a {@link Limiter}: jobs past the bound wait in order for a running one to settle.
 *
 * @example
 * const limit = createLimiter(4);
 * const results = await Promise.all(urls.map((url) => limit(() => fetch(url))));
 */
export function createLimiter(concurrency: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async (job) => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await job();
    } finally {
      release();
    }
  };
}
