import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** One non-blank line of a JSONL input, parsed or not, with its 1-based line number. */
export type JsonLine =
  | { readonly type: 'value'; readonly line: number; readonly value: unknown }
  | { readonly type: 'invalid-json'; readonly line: number; readonly message: string };

/**
 * Reads JSONL records one line at a time from `file`, or from `stdin` when `file` is
 * `undefined` or `-`. Blank lines are skipped but still counted, so line numbers match
 * an editor's. A line that is not valid JSON is yielded as `invalid-json`, and reading goes on.
 *
 * @example
 * for await (const entry of readRecords('requests.jsonl', process.stdin)) {
 *   if (entry.type === 'value') console.log(entry.line, entry.value);
 * }
 * @throws the file system's error (`ENOENT`, `EISDIR`, ...) when the file cannot be read.
 */
export async function* readRecords(
  file: string | undefined,
  stdin: Readable,
): AsyncGenerator<JsonLine> {
  const handle = file === undefined || file === '-' ? undefined : await open(file);
  const input = handle === undefined ? stdin : handle.createReadStream({ encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  try {
    for await (const raw of lines) {
      line += 1;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      yield parseLine(text, line);
    }
  } finally {
    lines.close();
    await handle?.close();
  }
}

function parseLine(text: string, line: number): JsonLine {
  try {
    return { type: 'value', line, value: JSON.parse(text) };
  } catch (error) {
    return {
      type: 'invalid-json',
      line,
      message: (error as SyntaxError).message.replace(/ \(line \d+ column \d+\)$/, ''),
    };
  }
}
