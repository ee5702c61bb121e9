import type { Writable } from 'node:stream';
import { InvalidConfigError } from '../core/errors.ts';
import { createRouter, type Router } from '../router/create-router.ts';
import { formatIssues } from './format-issues.ts';
import { loadConfig } from './load-config.ts';

/**
 * Creates the router a command uses: the defaults, or the settings of `configFile`.
 * A bad config is reported on `stderr` as `config FILE: path: message`.
 * @returns the router, or `undefined` when the config is bad (the command then exits 2).
 */
export async function loadRouter(
  configFile: string | undefined,
  stderr: Writable,
): Promise<Router | undefined> {
  try {
    return createRouter(configFile === undefined ? {} : await loadConfig(configFile));
  } catch (error) {
    if (!(error instanceof InvalidConfigError)) throw error;
    stderr.write(formatIssues(`config ${configFile ?? '(defaults)'}`, error.issues));
    return undefined;
  }
}
