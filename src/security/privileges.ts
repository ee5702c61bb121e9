import type { Privilege } from '../core/security.ts';
import type { AnyTool } from '../core/tool.ts';

/** The privileges a set of tools confers, in Rule-of-Two order. */
export function privilegesOf(tools: readonly AnyTool[]): Privilege[] {
  const held: Privilege[] = [];
  if (tools.some((t) => t.untrustedInput)) held.push('untrusted');
  if (tools.some((t) => t.sensitiveData)) held.push('sensitive');
  if (tools.some((t) => t.sideEffects)) held.push('acting');
  return held;
}
