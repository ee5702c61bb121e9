/**
 * tierup/bullmq: the multi-agent tier's specialists on BullMQ workers, durable runs and sticky
 * sessions, over Redis (docs/scale-out.md). Needs the optional peers `bullmq` and `ioredis`.
 * @module
 */

export type { Engine } from '../core/engine.ts';
export {
  type BullmqEngine,
  type BullmqEngineOptions,
  bullmqEngine,
  SubtaskJobFailed,
} from './bullmq-engine.ts';
export { JobSignatureError } from './job-signature.ts';
export { type RedisJournalOptions, redisJournal } from './redis-journal.ts';
export { type RedisSessionStoreOptions, redisSessionStore } from './redis-session-store.ts';
export {
  startTierupWorker,
  type TierupWorker,
  type TierupWorkerOptions,
} from './start-tierup-worker.ts';
