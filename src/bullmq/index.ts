/**
 * tierup/bullmq: durable runs on Redis (and, with BullMQ, specialists on workers). Needs the
 * optional peers `ioredis` (and `bullmq` for the engine).
 * @module
 */

export { type RedisJournalOptions, redisJournal } from './redis-journal.ts';
