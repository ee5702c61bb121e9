// The loopback mock LLM in a process of its own, so its CPU does not share the contenders' event
// loop. `tierup mock-server --script FILE` does the same from a JSON script; this entry point adds
// what a benchmark needs and a script file cannot hold: reply functions (see mock-rules.ts), a tally
// of the requests and bytes each contender sent, and dropping the server's record of requests as it
// goes (a 1,000-step run sends about 100 MB of conversation).
//
// Started by start-mock.ts with `fork`: argv[2] is the MockConfig as JSON. It sends
// `{ baseURL }` once listening, answers `'tally'` with `{ tally }`, and stops when its parent goes.
import {
  type MockReply,
  type MockReplySource,
  type MockRequest,
  type MockRule,
  type RecordedRequest,
  startMockLlmServer,
} from '../../src/testing/index.ts';
import { CONTENDER_HEADER } from './fixtures.ts';
import { type MockConfig, mockRules } from './mock-rules.ts';

/** Requests and request-body bytes one contender sent. */
export interface Tally {
  requests: number;
  bytes: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as MockConfig;
const tallies: Record<string, Tally> = {};

const counted = (rule: MockRule): MockRule => ({
  ...rule,
  reply: (request, call) => {
    const who = request.headers[CONTENDER_HEADER] ?? 'unknown';
    const tally = tallies[who] ?? { requests: 0, bytes: 0 };
    tallies[who] = tally;
    tally.requests++;
    tally.bytes += Number(request.headers['content-length'] ?? 0);
    return answer(rule.reply, request, call);
  },
});

function answer(source: MockReplySource, request: MockRequest, call: number) {
  if (typeof source === 'function') return source(request, call);
  return Array.isArray(source)
    ? (source[Math.min(call, source.length - 1)] as MockReply)
    : (source as MockReply);
}

const server = await startMockLlmServer({ rules: mockRules(config).map(counted) });
// The server records every request; nothing here reads that record.
const record = server.requests as RecordedRequest[];
setInterval(() => {
  record.length = 0;
}, 50).unref();

process.on('message', (message) => {
  if (message === 'tally') process.send?.({ tally: tallies });
});
const stop = () => void server.close().then(() => process.exit(0));
process.on('disconnect', stop);
process.on('SIGTERM', stop);
process.send?.({ baseURL: server.baseURL.openai });
