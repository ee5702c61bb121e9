// Runs the scenarios of `npm run bench` so that a long run never loses finished work: every input
// is checked before the first scenario starts, and the results are written to a partial file as
// each scenario finishes, with the failing scenario named if one throws.
import { statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A file a scenario reads. */
export interface ScenarioInput {
  readonly file: URL;
  /** What the file is and how to get it, for the message when it is missing. */
  readonly description: string;
}

/** One scenario: the files it reads and the part of the results it measures. */
export interface Scenario<M> {
  readonly title: string;
  readonly inputs: readonly ScenarioInput[];
  readonly run: () => Promise<Partial<M>>;
}

/** Options of {@link runScenarios}. */
export interface RunScenariosOptions<H> {
  /** Rewritten after every scenario: the header, the results so far and what finished. */
  readonly partialFile: URL;
  /** What the partial file starts with (the command, the machine, the versions). */
  readonly header: H;
  /** Where each scenario's start is announced. */
  readonly note: (text: string) => void;
  /** Names files in messages; paths under it are shown relative to it. */
  readonly root: URL;
}

/** What the partial file records besides the results. */
export interface PartialState {
  /** Titles of the scenarios whose results the file holds. */
  readonly finished: string[];
  readonly failed?: { readonly scenario: string; readonly error: string };
}

/** A missing input: the file as messages show it, what it is, and the scenario that reads it. */
export interface MissingInput {
  readonly scenario: string;
  readonly file: string;
  readonly description: string;
}

/** Thrown before any scenario runs when a scenario's input does not exist. */
export class MissingInputsError extends Error {
  override readonly name = 'MissingInputsError';
  readonly code = 'missing-inputs';
  readonly missing: readonly MissingInput[];

  constructor(missing: readonly MissingInput[]) {
    super(
      [
        `${missing.length === 1 ? 'an input is' : 'inputs are'} missing, so no scenario was run:`,
        ...missing.map((m) => `  ${m.file} (${m.description}), read by scenario "${m.scenario}"`),
      ].join('\n'),
    );
    this.missing = missing;
  }
}

/** Thrown when a scenario throws; the partial file holds the scenarios that finished before it. */
export class ScenarioFailedError extends Error {
  override readonly name = 'ScenarioFailedError';
  readonly code = 'scenario-failed';
  /** The title of the scenario that threw. */
  readonly scenario: string;
  /** The titles of the scenarios whose results the partial file holds. */
  readonly finished: readonly string[];
  /** The partial file, as messages show it. */
  readonly partialFile: string;

  constructor(scenario: string, finished: readonly string[], partialFile: string, cause: unknown) {
    super(
      `scenario "${scenario}" failed: ${cause instanceof Error ? cause.message : String(cause)}\n` +
        (finished.length === 0
          ? `no scenario finished before it (${partialFile} says so)`
          : `the results of ${finished.map((s) => `"${s}"`).join(', ')} are in ${partialFile}`),
      { cause },
    );
    this.scenario = scenario;
    this.finished = [...finished];
    this.partialFile = partialFile;
  }
}

/** A file's path as messages show it: relative to `root` when under it, else absolute. */
export function shownPath(file: URL, root: URL): string {
  return file.href.startsWith(root.href) ? file.href.slice(root.href.length) : fileURLToPath(file);
}

/**
 * Checks every scenario's inputs, then runs the scenarios in order, writing the partial file after
 * each. Returns the merged results of all of them; the caller writes the final file and may remove
 * the partial one.
 * @throws MissingInputsError before the first scenario, naming every missing file.
 * @throws ScenarioFailedError when a scenario throws; the later ones are not run.
 */
export async function runScenarios<M, H extends object>(
  scenarios: readonly Scenario<M>[],
  options: RunScenariosOptions<H>,
): Promise<Partial<M>> {
  const { partialFile, header, note, root } = options;
  const missing = scenarios.flatMap((scenario) =>
    scenario.inputs
      .filter((input) => statSync(input.file, { throwIfNoEntry: false })?.isFile() !== true)
      .map((input) => ({
        scenario: scenario.title,
        file: shownPath(input.file, root),
        description: input.description,
      })),
  );
  if (missing.length > 0) throw new MissingInputsError(missing);

  let results: Partial<M> = {};
  const finished: string[] = [];
  const save = (state: PartialState) =>
    writeFileSync(partialFile, `${JSON.stringify({ ...header, partial: state, ...results })}\n`);
  for (const [i, scenario] of scenarios.entries()) {
    note(`scenario ${i + 1}/${scenarios.length}: ${scenario.title}`);
    try {
      results = { ...results, ...(await scenario.run()) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      save({ finished, failed: { scenario: scenario.title, error: message } });
      throw new ScenarioFailedError(scenario.title, finished, shownPath(partialFile, root), error);
    }
    finished.push(scenario.title);
    save({ finished });
  }
  return results;
}
