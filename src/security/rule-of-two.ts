import { EscalationRequired } from '../core/errors.ts';
import type { ModelTool, ToolCall } from '../core/language-model.ts';
import type { Privilege } from '../core/security.ts';
import type { AnyTool } from '../core/tool.ts';
import { ESCALATE_TOOL, escalateTool } from '../prompts/escalate-tool.ts';
import { RULE_OF_TWO_SUMMARY, withheldToolSummary } from '../prompts/escalation-summaries.ts';
import { withheldEscalation } from '../prompts/tier-roles.ts';
import { privilegesOf } from './privileges.ts';

/** The tools one agent may hold without breaking the Rule of Two, and those it may not. */
export interface ToolSplit {
  readonly offered: readonly AnyTool[];
  readonly withheld: readonly AnyTool[];
}

const LEGS: readonly Privilege[] = ['untrusted', 'sensitive', 'acting'];

function legsOf(tool: AnyTool): Privilege[] {
  return privilegesOf([tool]);
}

/**
 * Splits the agent tier's tools so that its one agent does not hold untrusted content, sensitive
 * data and side effects together: the privileges the request needs (those of `needed`, the
 * router's needed tools) stay; the tools of every other privilege are withheld. Tools that confer
 * none stay. With tools of fewer than three privileges, nothing is withheld.
 * @throws {EscalationRequired} `tool-unavailable` when the needed tools hold all three already:
 * only the multi-agent tier can run the request safely.
 */
export function splitForRuleOfTwo(tools: readonly AnyTool[], needed: readonly string[]): ToolSplit {
  if (privilegesOf(tools).length < 3) return { offered: tools, withheld: [] };
  const names = new Set(needed);
  const kept = new Set(privilegesOf(tools.filter((tool) => names.has(tool.name))));
  if (kept.size === 3) {
    const tool = tools.find((t) => names.has(t.name) && t.untrustedInput)?.name ?? '';
    throw new EscalationRequired(
      {
        type: 'tool-unavailable',
        tool,
        message:
          'the request needs untrusted content, sensitive data and side effects: one agent may not hold all three (Rule of Two)',
      },
      { summary: RULE_OF_TWO_SUMMARY },
    );
  }
  const dropped = LEGS.filter((leg) => !kept.has(leg));
  const offered: AnyTool[] = [];
  const withheld: AnyTool[] = [];
  for (const tool of tools) {
    (legsOf(tool).some((leg) => dropped.includes(leg)) ? withheld : offered).push(tool);
  }
  return { offered, withheld };
}

/** The escalation tool offered to an agent whose tools were withheld. */
export function withheldTool(withheld: readonly AnyTool[]): ModelTool {
  const names = withheld.map((t) => t.name);
  return escalateTool(withheldEscalation(names), names);
}

/**
 * Escalates when the model asks for a withheld tool, by its name or through the escalation tool.
 * @throws {EscalationRequired} `tool-unavailable`
 */
export function checkWithheld(calls: readonly ToolCall[], withheld: readonly AnyTool[]): void {
  const names = new Set(withheld.map((t) => t.name));
  for (const call of calls) {
    const args = (
      typeof call.arguments === 'object' && call.arguments !== null ? call.arguments : {}
    ) as Record<string, unknown>;
    const asked = call.name === ESCALATE_TOOL ? String(args.tool ?? '') : call.name;
    if (call.name !== ESCALATE_TOOL && !names.has(asked)) continue;
    const reason = typeof args.reason === 'string' && args.reason ? args.reason : 'it asked for it';
    throw new EscalationRequired(
      {
        type: 'tool-unavailable',
        tool: asked,
        message: `needs \`${asked || 'a withheld tool'}\`, withheld on the agent tier by the Rule of Two: ${reason}`,
      },
      {
        summary: withheldToolSummary(asked, reason),
      },
    );
  }
}
