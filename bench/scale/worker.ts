// A worker process of the scale benchmark: `BENCH_SCALE_WORKER` (JSON) says where Redis and the
// mock server are; prints `ready` once it takes jobs.
import { startTierupWorker } from '../../src/bullmq/index.ts';
import { TEAM_TOOLS, teamModel, workerConfig } from './team.ts';

const config = workerConfig();
const worker = startTierupWorker({
  connection: { host: '127.0.0.1', port: config.redisPort, maxRetriesPerRequest: null },
  queue: config.queue,
  secret: config.secret,
  tools: TEAM_TOOLS,
  model: teamModel(config.baseURL),
  concurrency: config.concurrency,
});
await worker.worker.waitUntilReady();
console.log('ready');
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
