import { readFile } from 'node:fs/promises';
import { InvalidConfigError } from '../core/errors.ts';
import { toIssues } from '../core/parse.ts';
import { RouterConfig } from '../router/options.ts';

/**
 * Reads a router config file: JSON validated by the strict {@link RouterConfig} schema,
 * so a misspelled key is an error rather than a silently ignored setting.
 *
 * @example
 * const config = await loadConfig('tierup.json'); // {"thresholds": {"parallelism": 0.6}}
 * const router = createRouter(config);
 * @throws {InvalidConfigError} naming the option at fault (`thresholds.parallelism`), or
 * with an empty path when the file cannot be read or is not JSON.
 */
export async function loadConfig(file: string): Promise<RouterConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidConfigError([{ path: '', message: `cannot be read: ${reason(error)}` }], {
      cause: error,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidConfigError([{ path: '', message: `invalid JSON: ${reason(error)}` }], {
      cause: error,
    });
  }
  const result = RouterConfig.safeParse(value);
  if (!result.success) throw new InvalidConfigError(toIssues(result.error));
  return result.data;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
