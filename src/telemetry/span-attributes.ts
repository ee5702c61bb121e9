// What each span of a run says by the GenAI semantic conventions: its name, kind and attributes.
// Built once per span into one object (no intermediate objects): the SDK copies it anyway.
import { type Attributes, type Span, SpanKind } from '@opentelemetry/api';
import type { ModelMessage } from '../core/language-model.ts';
import type { TraceSpan } from '../core/run-result.ts';
import type { SpanDetails } from '../run/run-telemetry.ts';
import { GEN_AI, OPERATION, TIERUP } from './gen-ai-conventions.ts';

/** A span's name, kind and opening attributes. */
export interface SpanDescription {
  readonly name: string;
  readonly kind: SpanKind;
  readonly attributes: Attributes;
}

/** A span's name, kind and opening attributes, by the conventions; content only when `content`. */
export function describeSpan(
  span: TraceSpan,
  details: SpanDetails | undefined,
  content: boolean,
): SpanDescription {
  switch (span.type) {
    case 'run':
      return {
        name: `${OPERATION.invokeWorkflow} tierup`,
        kind: SpanKind.INTERNAL,
        attributes: {
          [GEN_AI.operationName]: OPERATION.invokeWorkflow,
          [GEN_AI.workflowName]: 'tierup',
        },
      };
    case 'tier':
      return {
        name: `tierup.tier ${span.name}`,
        kind: SpanKind.INTERNAL,
        attributes: { [TIERUP.tier]: span.name },
      };
    case 'agent': {
      const attributes: Attributes = {
        [GEN_AI.operationName]: OPERATION.invokeAgent,
        [GEN_AI.agentName]: span.name,
      };
      if (span.tier !== undefined) attributes[TIERUP.tier] = span.tier;
      return { name: `${OPERATION.invokeAgent} ${span.name}`, kind: SpanKind.INTERNAL, attributes };
    }
    case 'model-call':
      return modelCall(span, details, content);
    case 'tool-call': {
      const attributes: Attributes = {
        [GEN_AI.operationName]: OPERATION.executeTool,
        [GEN_AI.toolName]: span.name,
        [GEN_AI.toolType]: 'function',
      };
      if (details?.toolCallId !== undefined) attributes[GEN_AI.toolCallId] = details.toolCallId;
      if (span.agent !== undefined) attributes[GEN_AI.agentName] = span.agent;
      if (span.tier !== undefined) attributes[TIERUP.tier] = span.tier;
      const args = content ? details?.input?.arguments : undefined;
      if (args !== undefined) attributes[GEN_AI.toolCallArguments] = JSON.stringify(args);
      return { name: `${OPERATION.executeTool} ${span.name}`, kind: SpanKind.INTERNAL, attributes };
    }
    case 'callback':
      return {
        name: `tierup.callback ${span.name}`,
        kind: SpanKind.INTERNAL,
        attributes: { [TIERUP.callback]: span.name },
      };
    case 'session':
      return {
        name: `tierup.session ${span.name}`,
        kind: SpanKind.CLIENT,
        attributes: { [TIERUP.sessionCall]: span.name },
      };
  }
}

function modelCall(
  span: TraceSpan,
  details: SpanDetails | undefined,
  content: boolean,
): SpanDescription {
  const slash = span.name.indexOf('/');
  const provider = slash < 0 ? span.name : span.name.slice(0, slash);
  const model = slash < 0 ? span.name : span.name.slice(slash + 1);
  const attributes: Attributes = {
    [GEN_AI.operationName]: OPERATION.chat,
    [GEN_AI.providerName]: provider,
    [GEN_AI.requestModel]: model,
  };
  if (span.agent !== undefined) attributes[GEN_AI.agentName] = span.agent;
  if (span.tier !== undefined) attributes[TIERUP.tier] = span.tier;
  const request = details?.request;
  if (request !== undefined) {
    if (request.maxOutputTokens !== undefined) {
      attributes[GEN_AI.requestMaxTokens] = request.maxOutputTokens;
    }
    if (request.temperature !== undefined) {
      attributes[GEN_AI.requestTemperature] = request.temperature;
    }
    if (request.stream !== undefined) attributes[GEN_AI.requestStream] = request.stream;
  }
  const input = content ? details?.input : undefined;
  if (input?.system !== undefined) {
    attributes[GEN_AI.systemInstructions] = JSON.stringify([
      { type: 'text', content: input.system },
    ]);
  }
  if (input?.messages !== undefined) {
    attributes[GEN_AI.inputMessages] = JSON.stringify(input.messages.map(toConventionMessage));
  }
  return { name: `${OPERATION.chat} ${model}`, kind: SpanKind.CLIENT, attributes };
}

/**
 * Sets on `otel` what a span learns when it closes: the response, its usage, the error, and output
 * content when `content`. One call per attribute: no object is built for them.
 */
export function setClosingAttributes(
  otel: Span,
  span: TraceSpan,
  details: SpanDetails | undefined,
  content: boolean,
): void {
  const response = details?.response;
  const finish = response?.finishReason;
  if (response !== undefined) {
    if (response.id !== undefined) otel.setAttribute(GEN_AI.responseId, response.id);
    if (response.modelId !== undefined) otel.setAttribute(GEN_AI.responseModel, response.modelId);
    if (finish !== undefined) otel.setAttribute(GEN_AI.responseFinishReasons, [finish.unified]);
  }
  const { usage } = span;
  if (usage) {
    otel.setAttribute(GEN_AI.inputTokens, usage.inputTokens);
    otel.setAttribute(GEN_AI.outputTokens, usage.outputTokens);
    otel.setAttribute(GEN_AI.cacheReadInputTokens, usage.cachedInputTokens);
    if (typeof usage.costUsd === 'number') otel.setAttribute(TIERUP.costUsd, usage.costUsd);
  }
  if (span.status === 'error' || span.status === 'escalated') {
    otel.setAttribute(GEN_AI.errorType, errorType(span));
  }
  const output = content ? details?.output : undefined;
  if (output === undefined) return;
  if (output.result !== undefined) otel.setAttribute(GEN_AI.toolCallResult, output.result);
  if (output.text !== undefined) {
    otel.setAttribute(
      GEN_AI.outputMessages,
      JSON.stringify([
        {
          role: 'assistant',
          parts: [
            ...(output.text === '' ? [] : [{ type: 'text', content: output.text }]),
            ...(output.toolCalls ?? []).map((call) => ({ type: 'tool_call', ...(call as object) })),
          ],
          ...(finish !== undefined && { finish_reason: finish.unified }),
        },
      ]),
    );
  }
}

/** A message in the conventions' shape: a role and typed parts. */
function toConventionMessage(message: ModelMessage): object {
  switch (message.role) {
    case 'user':
      return { role: 'user', parts: [{ type: 'text', content: message.content }] };
    case 'assistant':
      return {
        role: 'assistant',
        parts: [
          ...(message.content === '' ? [] : [{ type: 'text', content: message.content }]),
          ...(message.toolCalls ?? []).map((call) => ({
            type: 'tool_call',
            id: call.id,
            name: call.name,
            arguments: call.arguments,
          })),
        ],
      };
    case 'tool':
      return {
        role: 'tool',
        parts: [{ type: 'tool_call_response', id: message.toolCallId, response: message.content }],
      };
  }
}

/** `error.type`: the error's class name when the trace has it (`ProviderError: ...`), else `_OTHER`. */
function errorType(span: TraceSpan): string {
  if (span.status === 'escalated') return 'EscalationRequired';
  const name = /^([A-Za-z_$][\w$.]*): /.exec(span.error ?? '')?.[1];
  return name ?? (span.type === 'tool-call' ? 'tool_error' : '_OTHER');
}
