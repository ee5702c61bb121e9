// The worker of `bench/scale/latency.ts`: the `startTierupWorker` of the checkout it is given,
// with the team's model wrapped to stamp, per job, when its first model call starts and its last
// ends, and BullMQ's own events for when the job was fetched and completed, in the machine's clock
// (`performance.timeOrigin + performance.now()`, comparable across processes). Prints one JSON
// line per job once it completed: `{ event: 'stamps', key: '<runId>.<subtaskId>', ... }`.
import type { Worker } from 'bullmq';
import type { LanguageModel } from '../../src/core/language-model.ts';
import { TEAM_TOOLS, teamModel, workerConfig } from './team.ts';

const config = workerConfig() as ReturnType<typeof workerConfig> & { checkout: string };
const { startTierupWorker } = (await import(
  `${config.checkout}/src/bullmq/index.ts`
)) as typeof import('../../src/bullmq/index.ts');
const now = () => performance.timeOrigin + performance.now();

/** Model calls of the specialist now running, by its name: first start, last end. */
const calls = new Map<string, { first: number; last: number }>();
const inner = teamModel(config.baseURL);
const specialistOf = (system: string | undefined) =>
  /You are the (\S+) specialist/.exec(system ?? '')?.[1] ?? '?';
const model: LanguageModel = {
  provider: inner.provider,
  modelId: inner.modelId,
  settings: inner.settings,
  async generate(request) {
    const name = specialistOf(request.system);
    const started = now();
    const stamps = calls.get(name);
    if (stamps === undefined) calls.set(name, { first: started, last: started });
    const response = await inner.generate(request);
    (calls.get(name) as { last: number }).last = now();
    return response;
  },
  stream: (request) => inner.stream(request),
};
const fetched = new Map<string, number>();
const keyOf = (id: string | undefined) => (id ?? '').split('.').slice(0, 2).join('.');
const worker = startTierupWorker({
  connection: { host: '127.0.0.1', port: config.redisPort, maxRetriesPerRequest: null },
  queue: config.queue,
  secret: config.secret,
  tools: TEAM_TOOLS,
  model,
  concurrency: config.concurrency,
});
/** moveToActive calls, those that found no job included. */
const moves = { count: 0 };
/** BullMQ's own steps, stamped by wrapping the worker's methods (a measurement, not an API). */
const steps = new Map<string, Record<string, number>>();
const stepsOf = (id: string | undefined) => {
  const key = keyOf(id);
  const found = steps.get(key) ?? {};
  steps.set(key, found);
  return found;
};
// A checkout whose worker is one BullMQ worker (`worker`), or one per subtask at once (`workers`).
const started = worker as unknown as { workers?: Worker[]; worker?: Worker };
const bullWorkers = started.workers ?? [started.worker as Worker];
for (const bull of bullWorkers) {
  const backend = bull.getBackend() as unknown as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >;
  const woke = { at: 0 };
  const waitForJob = backend.waitForJob?.bind(backend);
  const moveToActive = backend.moveToActive?.bind(backend);
  if (waitForJob && moveToActive) {
    backend.waitForJob = async (...args) => {
      const result = await waitForJob(...args);
      woke.at = now();
      return result;
    };
    backend.moveToActive = async (...args) => {
      const started = now();
      const result = (await moveToActive(...args)) as unknown[];
      const id = result?.[1] as string | undefined;
      moves.count++;
      if (id) Object.assign(stepsOf(id), { woke: woke.at, moveStart: started, moveEnd: now() });
      return result;
    };
  }
  const bullRecord = bull as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const callProcessJob = bullRecord.callProcessJob?.bind(bull);
  if (callProcessJob) {
    bullRecord.callProcessJob = async (...args) => {
      const job = args[0] as { id?: string };
      stepsOf(job.id).processStart = now();
      try {
        return await callProcessJob(...args);
      } finally {
        stepsOf(job.id).processEnd = now();
      }
    };
  }
  bull.on('active', (job) => fetched.set(keyOf(job.id), now()));
  bull.on('completed', (job) => {
    const completed = now();
    const key = keyOf(job.id);
    const specialist = key.split('.')[1] ?? '?';
    const stamps = calls.get(specialist);
    calls.delete(specialist);
    console.log(
      JSON.stringify({
        event: 'stamps',
        key,
        fetched: fetched.get(key),
        ...stamps,
        ...steps.get(key),
        completed,
        moves: moves.count,
      }),
    );
    fetched.delete(key);
    steps.delete(key);
  });
}
await Promise.all(bullWorkers.map((bull) => bull.waitUntilReady()));
console.log('ready');
// PROFILE_DIR (see latency.ts): the worker is stopped with SIGTERM, so --cpu-prof can write.
process.on('SIGTERM', () => process.exit(0));
