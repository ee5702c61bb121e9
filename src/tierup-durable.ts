import { InvalidConfigError, TierupError } from './core/errors.ts';
import type { AnyTool } from './core/tool.ts';
import { journaledRun, type ResumedTaskParts, resumedTask } from './durable/journaled-run.ts';
import type { JournalContents, RunJournal } from './durable/run-journal.ts';
import { RunRecorder } from './durable/run-recorder.ts';
import { checkTask } from './run/parse-run-task.ts';
import type { RunCall } from './run/run-pipeline.ts';
import type { TierupRunOptions } from './tierup.ts';

/** A call of the facade's run: a new run, or (with `resumed`) one resumed from its journal. */
export type FacadeCall = RunCall & {
  readonly options: TierupRunOptions;
  /** What the journal held of the run, for `resume`. */
  readonly resumed?: JournalContents;
};

/**
 * Runs `call` as a durable run: a new run opens its journal (with its task and the data of its
 * options) before anything runs; a resumed one replays the entries read. Either way the run's
 * journal goes on the run's scope, and how the run ended is written last.
 * @throws {InvalidConfigError} naming `runId` when a new run's id is one the journal holds.
 */
export async function durableRun<Result>(
  journal: RunJournal,
  tools: readonly AnyTool[],
  call: FacadeCall,
  run: (call: FacadeCall) => Promise<Result>,
): Promise<Result> {
  const runId = call.options.runId ?? crypto.randomUUID();
  let recorder: RunRecorder;
  if (call.resumed) {
    // A run that ended failed (not stopped) is resumed to try again: its failed calls are made
    // again. Any other run replays them as the failures they were, so it goes the same way.
    const { end } = call.resumed;
    const retries = end?.status === 'failed' && end.code !== 'aborted';
    recorder = new RunRecorder(journal, runId, call.resumed.entries, { replaysErrors: !retries });
  } else {
    // A malformed task fails before the journal is opened.
    checkTask(call.task, tools);
    const opened = await journal.begin(
      runId,
      journaledRun(call.task, { ...call.options }, Date.now()),
    );
    if (!opened) {
      const message = 'is a run the journal already holds: resume it with `tierup.resume(runId)`';
      throw new InvalidConfigError([{ path: 'runId', message }]);
    }
    recorder = new RunRecorder(journal, runId);
  }
  let result: Result;
  try {
    result = await run({ ...call, options: { ...call.options, runId }, journal: recorder });
  } catch (error) {
    const code = TierupError.isInstance(error) ? error.code : 'run-failed';
    // The entries are what a resume reads; the end only tells. A failure to write it is not the run's.
    await journal.end(runId, { status: 'failed', at: Date.now(), code }).catch(() => {});
    throw error;
  }
  await journal.end(runId, { status: 'finished', at: Date.now() }).catch(() => {});
  return result;
}

/**
 * The call that resumes a journaled run: its task (its own tools and output schema given again)
 * and its options, the journaled data under the ones given now.
 * @throws {InvalidConfigError} naming `journal`, `runId`, `tools` or `output`.
 */
export async function resumeCall(
  journal: RunJournal | undefined,
  runId: string,
  options: TierupRunOptions & ResumedTaskParts,
): Promise<FacadeCall> {
  if (journal === undefined) {
    const message = 'is needed to resume a run: `createTierup({ journal })`';
    throw new InvalidConfigError([{ path: 'journal', message }]);
  }
  if (typeof runId !== 'string' || runId === '') {
    throw new InvalidConfigError([{ path: 'runId', message: 'must be a non-empty string' }]);
  }
  const contents = await journal.read(runId);
  if (contents === undefined) {
    const message = `names no run the journal holds (never begun, or expired): ${runId}`;
    throw new InvalidConfigError([{ path: 'runId', message }]);
  }
  if (contents.run.version !== 1) {
    const message = `names a run journaled in a format this tierup does not read (version ${contents.run.version})`;
    throw new InvalidConfigError([{ path: 'runId', message }]);
  }
  const { tools, output, ...given } = options;
  return {
    task: resumedTask(contents.run.task, { tools, output }),
    options: { ...(contents.run.options as TierupRunOptions), ...given, runId },
    resumed: contents,
  };
}
