/**
 * tierup/bullmq: durable runs and sticky sessions in Redis (and, with BullMQ, specialists on
 * workers). Needs the optional peer `ioredis` (and `bullmq` for the engine).
 * @module
 */

export { type RedisJournalOptions, redisJournal } from './redis-journal.ts';
export { type RedisSessionStoreOptions, redisSessionStore } from './redis-session-store.ts';
