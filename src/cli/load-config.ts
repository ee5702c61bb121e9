import { loadJsonFile } from '../core/parse.ts';
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
export function loadConfig(file: string): Promise<RouterConfig> {
  return loadJsonFile(file, RouterConfig);
}
