// A tierup worker in its own process, for the engine's process tests. Configured by the
// TIERUP_TEST_WORKER environment variable (JSON); prints `ready` once it takes jobs, and one JSON
// line per job it starts or finishes.
import { Redis } from 'ioredis';
import { redisJournal, startTierupWorker } from '../../src/bullmq/index.ts';
import { teamModel, teamTools } from './team-scenario.ts';

interface WorkerConfig {
  readonly redisPort: number;
  readonly queue: string;
  readonly secret: string;
  readonly baseURL: string;
  readonly log: string;
  readonly concurrency?: number;
  readonly lockDuration?: number;
  readonly stalledInterval?: number;
  readonly slowRefundMs?: number;
}

const config = JSON.parse(process.env.TIERUP_TEST_WORKER ?? '{}') as WorkerConfig;
const worker = startTierupWorker({
  connection: { host: '127.0.0.1', port: config.redisPort, maxRetriesPerRequest: null },
  queue: config.queue,
  secret: config.secret,
  tools: teamTools(config.log, { slowRefundMs: config.slowRefundMs ?? 0 }),
  model: teamModel(config.baseURL),
  concurrency: config.concurrency ?? 1,
  journal: redisJournal({ connection: new Redis(config.redisPort, '127.0.0.1') }),
  worker: {
    ...(config.lockDuration ? { lockDuration: config.lockDuration } : {}),
    ...(config.stalledInterval ? { stalledInterval: config.stalledInterval } : {}),
  },
  onRefused: (error) => console.log(JSON.stringify({ event: 'refused', jobId: error.jobId })),
});
const say = (event: string, jobId: string | undefined) =>
  console.log(JSON.stringify({ event, jobId, pid: process.pid }));
worker.worker.on('active', (job) => say('active', job.id));
worker.worker.on('completed', (job) => say('completed', job.id));
worker.worker.on('failed', (job) => say('failed', job?.id));
await worker.worker.waitUntilReady();
console.log('ready');
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
