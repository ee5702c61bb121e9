import type { ModelTool } from '../core/language-model.ts';

/** The name of the tool the direct tier's model calls to say it cannot meet the request alone. */
export const ESCALATE_TOOL = 'tierup_escalate';

/** The escalation tool a tier offers its model: why it hands over, and the tool it needs, if one. */
export function escalateTool(description: string, names: readonly string[]): ModelTool {
  return {
    name: ESCALATE_TOOL,
    description,
    inputSchema: {
      type: 'object',
      properties: {
        reason: { type: 'string', description: 'What you would need, in one sentence.' },
        tool: { type: 'string', enum: [...names], description: 'The tool you would need, if one.' },
      },
      required: ['reason'],
      additionalProperties: false,
    },
  };
}
