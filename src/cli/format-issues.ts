import type { Issue } from '../core/errors.ts';

/**
 * Formats problems as `PREFIX: path: message`, one line each; the path is left out when
 * the problem is with the value as a whole.
 *
 * @example
 * formatIssues('line 3', [{ path: 'tools[0].name', message: 'must have at least 1 character' }]);
 * // 'line 3: tools[0].name: must have at least 1 character\n'
 */
export function formatIssues(prefix: string, issues: readonly Issue[]): string {
  return issues
    .map((issue) => `${prefix}: ${issue.path === '' ? '' : `${issue.path}: `}${issue.message}\n`)
    .join('');
}
