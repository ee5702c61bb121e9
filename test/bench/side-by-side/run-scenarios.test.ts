import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MissingInputsError,
  runScenarios,
  type Scenario,
  ScenarioFailedError,
} from '../../../bench/side-by-side/run-scenarios.ts';

interface Measured {
  readonly first: number;
  readonly second: string;
  readonly third: boolean;
}

const header = { command: 'npm run bench', quick: true };
let root: URL;
let partialFile: URL;

beforeEach(() => {
  root = pathToFileURL(`${mkdtempSync(`${tmpdir()}/run-scenarios-`)}/`);
  partialFile = new URL('results.partial.json', root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const readPartial = () => JSON.parse(readFileSync(partialFile, 'utf8'));
const options = (note: (text: string) => void = () => {}) => ({ partialFile, header, note, root });

describe('runScenarios', () => {
  it('names every missing input before the first scenario starts', async () => {
    writeFileSync(new URL('present.jsonl', root), '{}\n');
    const first = vi.fn(async () => ({ first: 1 }));
    const scenarios: Scenario<Measured>[] = [
      { title: 'first', inputs: [], run: first },
      {
        title: 'second',
        inputs: [
          { file: new URL('present.jsonl', root), description: 'a file that exists' },
          { file: new URL('data/dev.jsonl', root), description: 'the labelled requests' },
        ],
        run: async () => ({ second: 'x' }),
      },
      {
        title: 'third',
        inputs: [{ file: new URL('data/', root), description: 'a folder is not a file' }],
        run: async () => ({ third: true }),
      },
    ];

    const run = runScenarios(scenarios, options());

    await expect(run).rejects.toBeInstanceOf(MissingInputsError);
    const error = (await run.catch((e: unknown) => e)) as MissingInputsError;
    expect(error.missing).toEqual([
      { scenario: 'second', file: 'data/dev.jsonl', description: 'the labelled requests' },
      { scenario: 'third', file: 'data/', description: 'a folder is not a file' },
    ]);
    expect(error.message).toContain('data/dev.jsonl (the labelled requests)');
    expect(error.message).toContain('scenario "second"');
    expect(first).not.toHaveBeenCalled();
    expect(() => readPartial()).toThrow(/ENOENT/);
  });

  it('keeps the earlier scenarios’ results when one fails, and names it', async () => {
    const third = vi.fn(async () => ({ third: true }));
    const scenarios: Scenario<Measured>[] = [
      { title: 'first', inputs: [], run: async () => ({ first: 1 }) },
      {
        title: 'second',
        inputs: [],
        run: async () => {
          throw new Error('the mock server died');
        },
      },
      { title: 'third', inputs: [], run: third },
    ];

    const run = runScenarios(scenarios, options());

    await expect(run).rejects.toBeInstanceOf(ScenarioFailedError);
    const error = (await run.catch((e: unknown) => e)) as ScenarioFailedError;
    expect(error.scenario).toBe('second');
    expect(error.message).toContain('scenario "second" failed: the mock server died');
    expect(error.message).toContain('the results of "first" are in results.partial.json');
    expect(third).not.toHaveBeenCalled();
    expect(readPartial()).toEqual({
      ...header,
      partial: {
        finished: ['first'],
        failed: { scenario: 'second', error: 'the mock server died' },
      },
      first: 1,
    });
  });

  it('writes each scenario’s results as it finishes and returns them all', async () => {
    const seenBySecond: unknown[] = [];
    const notes: string[] = [];
    const scenarios: Scenario<Measured>[] = [
      { title: 'first', inputs: [], run: async () => ({ first: 1 }) },
      {
        title: 'second',
        inputs: [],
        run: async () => {
          seenBySecond.push(readPartial());
          return { second: 'x' };
        },
      },
    ];

    const measured = await runScenarios(
      scenarios,
      options((text) => notes.push(text)),
    );

    expect(measured).toEqual({ first: 1, second: 'x' });
    expect(seenBySecond).toEqual([{ ...header, partial: { finished: ['first'] }, first: 1 }]);
    expect(readPartial()).toEqual({
      ...header,
      partial: { finished: ['first', 'second'] },
      first: 1,
      second: 'x',
    });
    expect(notes).toEqual(['scenario 1/2: first', 'scenario 2/2: second']);
  });
});
