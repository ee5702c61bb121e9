/**
 * tierup/testing: test doubles for code that uses tierup.
 * @module
 */

export { ESCALATE_TOOL } from '../prompts/escalate-tool.ts';
export type { MockFault, MockReply, MockToolCall } from './mock-llm-server/mock-reply.ts';
export type { MockApi, MockRequest, RecordedRequest } from './mock-llm-server/mock-request.ts';
export type { MockScript } from './mock-llm-server/mock-script.ts';
export type { MockLlmServerOptions } from './mock-llm-server/options.ts';
export type {
  MockPattern,
  MockReplySource,
  MockRule,
  MockRuleMatch,
} from './mock-llm-server/rules.ts';
export { type MockLlmServer, startMockLlmServer } from './mock-llm-server/server.ts';
export {
  type Script,
  type ScriptedAnswer,
  type ScriptedModel,
  type ScriptedModelOptions,
  scriptedModel,
} from './scripted-model.ts';
