import { ESCALATE_TOOL } from './escalate-tool.ts';

// The role each tier's model is given, after the service's and the request's own instructions.

/** The direct tier: one answer, no tools. */
export const DIRECT_ROLE =
  'Answer the request directly from your own knowledge and the conversation.';

/** The direct tier when it may hand the request up instead of answering. */
export function directRoleWithEscalation(tools: readonly string[]): string {
  return `${DIRECT_ROLE} ${unlessYouCannot(tools)}, call \`${ESCALATE_TOOL}\` instead of answering.`;
}

/** When the direct tier hands up: the condition both ways of handing up share. */
function unlessYouCannot(tools: readonly string[]): string {
  return `If you cannot meet it without live or private data, an action in the world, or one of these tools: ${tools.join(', ')}`;
}

/** What a model that cannot call tools replies to hand the request up: a line that starts with it. */
export const ESCALATE_LINE = 'ESCALATE:';

/**
 * The direct tier when it may hand the request up but its model cannot call tools (a wrapped
 * function): it says so in a line of text instead.
 */
export function directRoleWithTextEscalation(tools: readonly string[]): string {
  return `${DIRECT_ROLE} ${unlessYouCannot(tools)}, reply with one line and nothing else: ${ESCALATE_LINE} followed by what you would need (name the tool if one of these would do).`;
}

/** The description of the direct tier's escalation tool. */
export const DIRECT_ESCALATION =
  'Hand the request to an agent that can use tools. Call it only when you cannot answer without live or private data, an action, or one of the offered tools.';

/** The agent tier: a tool loop. */
export const AGENT_ROLE =
  'Meet the request using the tools when they help: call them for data and actions you do not have, then answer.';

/** The agent tier when the Rule of Two withheld some tools. */
export const AGENT_ROLE_WITH_WITHHELD = `${AGENT_ROLE} Some tools are withheld from you; if the request needs one, call \`${ESCALATE_TOOL}\`.`;

/** The description of the escalation tool offered to an agent whose tools were withheld. */
export function withheldEscalation(withheld: readonly string[]): string {
  return `Hand the request to a team that can safely use the tools withheld from you (${withheld.join(', ')}). Call it only when the request needs one of them.`;
}

/** Asked after an agent's answer, for the typed output. */
export const FINAL_ANSWER_AS_JSON = 'Give your final answer as JSON matching the schema.';

/** Asked after structured output that failed its schema. */
export function repairRequest(problems: string): string {
  return `That answer does not match the required JSON schema: ${problems}. Answer again with JSON that matches it.`;
}

/** Added to a text-only model's prompt (`fromFunction`) when the request asks for structured output. */
export function jsonOnlyRequest(schema: string): string {
  return `Answer with JSON only, matching this JSON Schema:\n${schema}`;
}
