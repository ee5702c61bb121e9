import type { Privilege } from '../core/security.ts';
import type { AnyTool } from '../core/tool.ts';

/**
 * The privileges a set of tools confers, in Rule-of-Two order. An open-world tool (a fetch, a web
 * search) communicates outward, so it counts as acting like a side effect.
 */
export function privilegesOf(tools: readonly AnyTool[]): Privilege[] {
  const held: Privilege[] = [];
  if (tools.some((t) => t.untrustedInput)) held.push('untrusted');
  if (tools.some((t) => t.sensitiveData)) held.push('sensitive');
  if (tools.some(isOutward)) held.push('acting');
  return held;
}

/** Whether a tool acts or communicates outward: a side effect, or an open-world read. */
export function isOutward(tool: AnyTool): boolean {
  return tool.sideEffects || tool.openWorld === true;
}
