import type { MockReply } from './mock-reply.ts';
import type { MockApi, MockRequest } from './mock-request.ts';

/**
 * A text condition: a RegExp must match the field; a string must be contained in it (`system`,
 * `lastMessage`) or equal it (`model`).
 */
export type MockPattern = string | RegExp;

/** When a rule applies: every condition given must hold; no `match` matches every request. */
export interface MockRuleMatch {
  /** The API of the request: `chat` (`/v1/chat/completions`), `responses` or `messages`. */
  readonly api?: MockApi;
  /** The requested model: a string must equal it, a RegExp must match it. */
  readonly model?: MockPattern;
  /** The system prompt (see {@link MockRequest.system}). */
  readonly system?: MockPattern;
  /** The text of the last message (see {@link MockRequest.lastMessage}). */
  readonly lastMessage?: MockPattern;
  /** Tool names that must all be offered; others may be offered too. */
  readonly tools?: readonly string[];
}

/** A reply, a list of replies used in order (the last repeats), or a function of the request. */
export type MockReplySource =
  | MockReply
  | readonly MockReply[]
  | ((request: MockRequest, call: number) => MockReply | Promise<MockReply>);

/** A scripted rule: the first rule whose `match` holds answers with its `reply`. */
export interface MockRule {
  readonly match?: MockRuleMatch;
  /** A function receives the request and how many requests this rule answered before (from 0). */
  readonly reply: MockReplySource;
}

/** Picks the reply of the first matching rule, keeping each rule's position in its reply list. */
export interface RuleBook {
  /** The reply and the index of the rule that gave it, or `undefined` when no rule matched. */
  answer(request: MockRequest): Promise<{ reply: MockReply; rule: number } | undefined>;
}

/** Creates the {@link RuleBook} of a server: one call counter per rule. */
export function createRuleBook(rules: readonly MockRule[]): RuleBook {
  const calls = rules.map(() => 0);
  return {
    async answer(request) {
      const index = rules.findIndex((rule) => matches(rule.match ?? {}, request));
      const rule = rules[index];
      if (rule === undefined) return undefined;
      const call = calls[index] ?? 0;
      calls[index] = call + 1;
      return { reply: await pick(rule.reply, request, call), rule: index };
    },
  };
}

function matches(match: MockRuleMatch, request: MockRequest): boolean {
  if (match.api !== undefined && match.api !== request.api) return false;
  if (match.model !== undefined && !test(match.model, request.model, 'equal')) return false;
  if (match.system !== undefined && !test(match.system, request.system, 'contain')) return false;
  if (match.lastMessage !== undefined && !test(match.lastMessage, request.lastMessage, 'contain')) {
    return false;
  }
  return (match.tools ?? []).every((name) => request.tools.includes(name));
}

function test(pattern: MockPattern, value: string, literal: 'equal' | 'contain'): boolean {
  if (typeof pattern === 'string') {
    return literal === 'equal' ? value === pattern : value.includes(pattern);
  }
  pattern.lastIndex = 0; // a /g or /y pattern keeps state between calls
  return pattern.test(value);
}

async function pick(source: MockReplySource, request: MockRequest, call: number) {
  if (typeof source === 'function') return source(request, call);
  if (isReplyList(source)) return source[Math.min(call, source.length - 1)] as MockReply;
  return source;
}

function isReplyList(source: MockReply | readonly MockReply[]): source is readonly MockReply[] {
  return Array.isArray(source);
}
