// The OpenTelemetry names tierup writes: the GenAI semantic conventions of
// @opentelemetry/semantic-conventions 1.45.0 (development status; GenAI spans, agent spans and
// the `invoke_workflow` operation), and tierup's own under `tierup.*`. A new version of the
// conventions is an edit of this file only.

/** The version of the semantic conventions these names follow. */
export const GEN_AI_CONVENTIONS_VERSION = '1.45.0';

export const GEN_AI = {
  operationName: 'gen_ai.operation.name',
  providerName: 'gen_ai.provider.name',
  requestModel: 'gen_ai.request.model',
  requestMaxTokens: 'gen_ai.request.max_tokens',
  requestTemperature: 'gen_ai.request.temperature',
  requestStream: 'gen_ai.request.stream',
  responseId: 'gen_ai.response.id',
  responseModel: 'gen_ai.response.model',
  responseFinishReasons: 'gen_ai.response.finish_reasons',
  inputTokens: 'gen_ai.usage.input_tokens',
  outputTokens: 'gen_ai.usage.output_tokens',
  cacheReadInputTokens: 'gen_ai.usage.cache_read.input_tokens',
  agentName: 'gen_ai.agent.name',
  workflowName: 'gen_ai.workflow.name',
  toolName: 'gen_ai.tool.name',
  toolType: 'gen_ai.tool.type',
  toolCallId: 'gen_ai.tool.call.id',
  toolCallArguments: 'gen_ai.tool.call.arguments',
  toolCallResult: 'gen_ai.tool.call.result',
  systemInstructions: 'gen_ai.system_instructions',
  inputMessages: 'gen_ai.input.messages',
  outputMessages: 'gen_ai.output.messages',
  errorType: 'error.type',
} as const;

/** Values of `gen_ai.operation.name`. */
export const OPERATION = {
  chat: 'chat',
  invokeAgent: 'invoke_agent',
  invokeWorkflow: 'invoke_workflow',
  executeTool: 'execute_tool',
} as const;

/** tierup's own attributes and events. */
export const TIERUP = {
  tier: 'tierup.tier',
  decisionTier: 'tierup.decision.tier',
  decisionSignalTier: 'tierup.decision.signal_tier',
  decisionTools: 'tierup.decision.tools',
  decisionReasons: 'tierup.decision.reasons',
  decisionReasonCodes: 'tierup.decision.reason_codes',
  decisionOverride: 'tierup.decision.override',
  /** `tierup.signal.<name>.score`, `.threshold`, `.set`. */
  signal: (name: string, field: 'score' | 'threshold' | 'set') => `tierup.signal.${name}.${field}`,
  escalations: 'tierup.escalations',
  escalationEvent: 'tierup.escalation',
  escalationFrom: 'tierup.escalation.from',
  escalationTo: 'tierup.escalation.to',
  escalationCause: 'tierup.escalation.cause',
  escalationMessage: 'tierup.escalation.message',
  costUsd: 'tierup.cost_usd',
  usageInputTokens: 'tierup.usage.input_tokens',
  usageOutputTokens: 'tierup.usage.output_tokens',
  usageCalls: 'tierup.usage.calls',
  agent: 'tierup.agent',
  toolDecisionEvent: 'tierup.tool_call.decision',
  toolDecision: 'tierup.tool_call.decision',
  toolDecisionReason: 'tierup.tool_call.reason',
  toolDecisionRule: 'tierup.tool_call.rule',
  toolDecisionArgument: 'tierup.tool_call.argument',
  argumentDescriptions: 'tierup.tool_call.argument.descriptions',
  toolPrivileges: 'tierup.agent.privileges',
  argumentPaths: 'tierup.tool_call.argument.paths',
  argumentOrigins: 'tierup.tool_call.argument.origins',
  argumentSources: 'tierup.tool_call.argument.sources',
  /** The lifecycle callback (`onToolCall`, ...) of a `tierup.callback` span, one that failed. */
  callback: 'tierup.callback',
  /** The session store's call (`get`, `set`) of a `tierup.session` span. */
  sessionCall: 'tierup.session.call',
} as const;
