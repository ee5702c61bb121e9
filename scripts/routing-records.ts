// The labeled routing records that ship in the repository, each with its source: the team's sets
// (data/routing/dev.jsonl, test/fixtures/routing/*.jsonl) and data/routing/sources/*.jsonl.gz
// (see data/routing/DATA.md), read by the loader the data test uses, which throws when any is missing.
import type { TrainingRecord } from '../src/router/model/fit-router-model.ts';
import { loadDataFiles } from './routing-data/build-all.ts';

/** Every labeled record in the repository, each with its source. */
export function loadRoutingRecords(): TrainingRecord[] {
  return loadDataFiles().flatMap((file) =>
    file.records.map((record) => ({ ...(record as TrainingRecord), source: file.source })),
  );
}
