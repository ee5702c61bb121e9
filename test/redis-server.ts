/**
 * A real redis-server for tests: started on 127.0.0.1 on a free port, in a temporary directory,
 * and stopped after. Debian's `redis-server` (`apt-get install -y redis-server`; `.ci/run` installs
 * it). Tests that need it run when it is installed, skip when it is not, and fail under `CI=true`
 * without it.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A redis-server this test started. */
export interface TestRedis {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** Its working directory (the append-only file lives there). */
  readonly dir: string;
  /** The server's process id (a test may SIGKILL it). */
  readonly pid: number;
  /** Stops the server (SIGTERM: an append-only file is flushed) and starts it again on the same port and directory. */
  restart(): Promise<void>;
  /** Stops the server and removes its directory; calling it again is harmless. */
  stop(): Promise<void>;
}

export interface TestRedisOptions {
  /** `appendonly yes` (with `appendfsync always`), so data outlives a restart. @default false */
  readonly appendOnly?: boolean;
}

/** How long a server may take to start or stop; a busy CI machine takes well under a second. */
const WAIT_MS = 10_000;

let found: boolean | undefined;

/**
 * Whether tests that need redis-server can run: true when it is installed; false when it is not
 * (the tests skip); throws under `CI=true` without it, so CI cannot pass by skipping them.
 */
export function redisServerAvailable(): boolean {
  found ??= (() => {
    try {
      execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  if (!found && process.env.CI) {
    throw new Error('redis-server is not installed, and CI=true: apt-get install -y redis-server');
  }
  return found;
}

/** Starts redis-server on a free loopback port in a fresh temporary directory. */
export async function startRedis(options: TestRedisOptions = {}): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'tierup-redis-'));
  const port = await freePort();
  const args = [
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--dir',
    dir,
    '--save',
    '',
    '--daemonize',
    'no',
    '--logfile',
    '',
    ...(options.appendOnly
      ? ['--appendonly', 'yes', '--appendfsync', 'always']
      : ['--appendonly', 'no']),
  ];
  let child = await launch(args, port);
  let stopped = false;
  return {
    host: '127.0.0.1',
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    get pid() {
      return child.pid as number;
    },
    async restart() {
      await terminate(child);
      child = await launch(args, port);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await terminate(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function launch(args: readonly string[], port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  const deadline = Date.now() + WAIT_MS;
  while (!(await answersPing(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return child;
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), WAIT_MS);
  await exited;
  clearTimeout(timer);
}

/** Whether a server on the port answers `PING` with `+PONG`. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** A port the system just gave out, free again (redis-server binds it next). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
