// What BullMQ itself costs per job on this machine, without tierup: `node
// --experimental-strip-types --no-warnings bench/scale/bullmq-floor.ts`. A bare BullMQ worker in a
// child process whose processor does nothing but publish a few bytes on a channel and return them;
// the parent adds one job at a time (5 ms apart) and times until (a) the published message and
// (b) QueueEvents' `completed` event come back. Beside it, a Redis PING's round trip, and a
// message published by the child on the parent's asking (two processes and Redis, no BullMQ).
// JOBS (default 400).
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { startRedis } from '../../test/redis-server.ts';
import { median, quantile, round3 } from '../stats.ts';

const JOBS = Number(process.env.JOBS ?? 400);
const QUEUE = 'floor';
const now = () => performance.now();

if (process.argv[2] === 'child') {
  // The child: a BullMQ worker, and an answerer for the plain publish.
  const port = Number(process.argv[3]);
  const connection = { host: '127.0.0.1', port, maxRetriesPerRequest: null };
  const publisher = new Redis(port, '127.0.0.1');
  const worker = new Worker(
    QUEUE,
    async (job) => {
      publisher.publish('floor:done', job.id as string).catch(() => undefined);
      return 'ok';
    },
    { connection, concurrency: 8 },
  );
  const listener = new Redis(port, '127.0.0.1');
  await listener.subscribe('floor:ask');
  listener.on('message', (_channel, id) => {
    publisher.publish('floor:answer', id).catch(() => undefined);
  });
  await worker.waitUntilReady();
  process.send?.('ready');
} else {
  const redis = await startRedis();
  const child = fork(fileURLToPath(import.meta.url), ['child', String(redis.port)], {
    execArgv: ['--experimental-strip-types', '--no-warnings'],
  });
  await new Promise((resolve) => child.once('message', resolve));
  const connection = { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null };
  const queue = new Queue(QUEUE, { connection, defaultJobOptions: { removeOnComplete: true } });
  const events = new QueueEvents(QUEUE, { connection });
  await events.waitUntilReady();
  const client = new Redis(redis.port, '127.0.0.1');
  const subscriber = new Redis(redis.port, '127.0.0.1');
  await subscriber.subscribe('floor:done', 'floor:answer');
  const waiters = new Map<string, () => void>();
  subscriber.on('message', (_channel, id) => waiters.get(`${_channel}:${id}`)?.());
  const arrival = (key: string) => new Promise<void>((resolve) => waiters.set(key, resolve));
  const finished = new Map<string, () => void>();
  events.on('completed', ({ jobId }) => finished.get(jobId)?.());
  const completed = (id: string) => new Promise<void>((resolve) => finished.set(id, resolve));
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
  const ping: number[] = [];
  const relay: number[] = [];
  const published: number[] = [];
  const event: number[] = [];
  try {
    for (let i = 0; i < JOBS + 50; i++) {
      const warm = i < 50;
      let t = now();
      await client.ping();
      if (!warm) ping.push(now() - t);
      await pause();
      const ask = arrival(`floor:answer:${i}`);
      t = now();
      await client.publish('floor:ask', String(i));
      await ask;
      if (!warm) relay.push(now() - t);
      await pause();
      const id = `job-${i}`;
      const message = arrival(`floor:done:${id}`);
      const done = completed(id);
      t = now();
      await queue.add('noop', { i }, { jobId: id });
      await message;
      if (!warm) published.push(now() - t);
      await done;
      if (!warm) event.push(now() - t);
      await pause();
    }
    const show = (name: string, xs: number[]) =>
      console.log(
        `${name.padEnd(62)} median ${round3(median(xs))} ms, p90 ${round3(quantile(xs, 0.9))} ms`,
      );
    console.log(
      `${JOBS} jobs one at a time; load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    show('PING, round trip', ping);
    show('publish to the child, its publish back (no BullMQ)', relay);
    show('job added -> processor -> its published message back', published);
    show('job added -> processor -> completed event back', event);
  } finally {
    child.kill('SIGKILL');
    subscriber.disconnect();
    client.disconnect();
    await Promise.all([events.close(), queue.close()]);
    await redis.stop();
  }
}
