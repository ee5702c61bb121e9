/**
 * tierup/durable: durable runs. Give `createTierup` a journal (`journal: memoryJournal()`, or
 * `redisJournal` from `tierup/bullmq` across processes) and resume a stopped run with
 * `tierup.resume(runId)`; `InDoubtError` is what a resumed run throws for a side-effect call whose
 * outcome was never recorded (docs/scale-out.md). Loads no optional peer.
 * @module
 */

export { type InDoubtCall, InDoubtError } from './in-doubt-error.ts';
export { ReplayedModelError } from './journaled-response.ts';
export { type MemoryJournalOptions, memoryJournal } from './memory-journal.ts';
export type {
  BudgetAmount,
  BudgetLimits,
  BudgetReservation,
  DecisionEntry,
  JournalContents,
  JournalEntry,
  JournaledRun,
  JournaledTask,
  ModelCallEntry,
  ModelErrorEntry,
  RecordedToolOutcome,
  RunEnd,
  RunJournal,
  ToolFinishedEntry,
  ToolStartedEntry,
} from './run-journal.ts';
