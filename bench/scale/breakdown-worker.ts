// The worker of `bench/scale/breakdown.ts`: startTierupWorker's steps (verify, parse, serve) in a
// BullMQ worker of its own that stamps when each starts and ends, in the machine's clock
// (`performance.timeOrigin + performance.now()`, comparable across processes), on the outcome.
import { Worker } from 'bullmq';
import { verifiedPayload } from '../../src/bullmq/job-signature.ts';
import { serveSubtask } from '../../src/executors/serve-subtask.ts';
import { createPriceTable } from '../../src/pricing/price-table.ts';
import { TEAM_TOOLS, teamModel, workerConfig } from './team.ts';

const config = workerConfig();
const now = () => performance.timeOrigin + performance.now();
const server = { tools: TEAM_TOOLS, model: teamModel(config.baseURL), prices: createPriceTable() };
const worker = new Worker(
  config.queue,
  async (job) => {
    const taken = now();
    const request = JSON.parse(verifiedPayload(job.data, config.secret, job.id));
    const verified = now();
    const outcome = await serveSubtask(request, server);
    return { ...outcome, stamps: { taken, verified, served: now() } };
  },
  {
    connection: { host: '127.0.0.1', port: config.redisPort, maxRetriesPerRequest: null },
    concurrency: config.concurrency,
  },
);
await worker.waitUntilReady();
console.log('ready');
