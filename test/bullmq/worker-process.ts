import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A tierup worker running in a child process (test/bullmq/worker-main.ts). */
export interface WorkerProcess {
  readonly pid: number;
  /** The JSON lines it printed: `{ event: 'active' | 'completed' | 'failed' | 'refused', jobId }`. */
  readonly events: readonly { readonly event: string; readonly jobId?: string }[];
  /** Sends a signal; resolves once the process exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const MAIN = fileURLToPath(new URL('./worker-main.ts', import.meta.url));
/** How long a worker may take to start: loading bullmq, openai and tierup from source on a busy machine. */
const START_MS = 30_000;

/**
 * Starts a worker process and resolves once it takes jobs: `main` (test/bullmq/worker-main.ts by
 * default) with `config` as JSON in the environment variable `variable`.
 */
export async function startWorkerProcess(
  config: object,
  { main = MAIN, variable = 'TIERUP_TEST_WORKER' } = {},
): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', main],
    {
      env: { ...process.env, [variable]: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const events: { event: string; jobId?: string }[] = [];
  let pending = '';
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), START_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          clearTimeout(timer);
          resolve();
        } else if (line.startsWith('{')) events.push(JSON.parse(line));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      // DEBUG_WORKER=1 shows what the worker writes to stderr.
      if (process.env.DEBUG_WORKER) process.stderr.write(chunk);
      output = (output + chunk.toString()).slice(-4000);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code} before it was ready:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await ready;
  return {
    pid: child.pid as number,
    events,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
