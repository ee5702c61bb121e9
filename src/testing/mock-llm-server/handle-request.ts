import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { toIssues } from '../../core/parse.ts';
import { resolveAnswer } from './answer.ts';
import { anthropicMessages } from './anthropic-messages.ts';
import { type ApiFormat, defaultErrorMessage } from './api-format.ts';
import {
  malformedEvents,
  malformedJson,
  resetConnection,
  retryHeaders,
  type StatusFault,
} from './faults.ts';
import { type MockFault, MockReply } from './mock-reply.ts';
import { asRecord, type MockRequest, type RecordedRequest } from './mock-request.ts';
import { openaiChat } from './openai-chat.ts';
import { openaiResponses } from './openai-responses.ts';
import type { RuleBook } from './rules.ts';
import { sendCutJson, sendJson, sendSse } from './send.ts';

const FORMATS: readonly ApiFormat[] = [openaiChat, openaiResponses, anthropicMessages];

/** What every request of one server shares. */
export interface HandlerContext {
  readonly rules: RuleBook;
  readonly chunkSize: number;
  /** Every request received, appended to in arrival order. */
  readonly requests: RecordedRequest[];
  /** Fires when the server closes: pending delays end at once. */
  readonly shutdown: AbortSignal;
}

/**
 * Answers one request: records it, finds its API by path, asks the rules for a reply, waits
 * the reply's delay (ended early when the client goes away or the server closes), then sends
 * the answer or the fault. Mistakes in the script come back as a 500 that says what is wrong.
 * Never rejects.
 */
export async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  context: HandlerContext,
): Promise<void> {
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  res.on('error', () => {}); // a client that went away is not the server's error
  const signal = AbortSignal.any([gone.signal, context.shutdown]);
  let format: ApiFormat = openaiChat;
  let requestId = '';
  try {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = req.method ?? 'GET';
    const found = method === 'POST' ? FORMATS.find((f) => f.path === path) : undefined;
    format = found ?? format;
    requestId = format.newRequestId();
    const body = parseJson(raw);
    const recorded: RecordedRequest = {
      method,
      path,
      headers: flattenHeaders(req.headers),
      body,
      time: Date.now(),
      api: found?.api,
    };
    context.requests.push(recorded);
    if (found === undefined) {
      return fail(res, format, requestId, 404, `Unknown request URL: ${method} ${path}.`);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return fail(res, format, requestId, 400, 'We could not parse the JSON body of your request.');
    }
    const fields = found.read(asRecord(body));
    const request: MockRequest = { ...recorded, api: found.api, body: asRecord(body), ...fields };
    const picked = await context.rules.answer(request);
    if (picked === undefined) return fail(res, format, requestId, 500, noMatch(request));
    const checked = MockReply.safeParse(picked.reply);
    if (!checked.success) {
      const issues = toIssues(checked.error, ['rules', picked.rule, 'reply']);
      const problems = issues.map((issue) => `\`${issue.path}\` ${issue.message}`).join('; ');
      return fail(res, format, requestId, 500, `mock rule gave an invalid reply: ${problems}`);
    }
    const reply = picked.reply;
    if (reply.delayMs) await sleep(reply.delayMs, undefined, { signal });
    if (signal.aborted) return;
    answer(res, found, request, reply, requestId, context.chunkSize);
  } catch (error) {
    if (signal.aborted || res.destroyed) return;
    const reason = error instanceof Error ? error.message : String(error);
    fail(res, format, requestId, 500, `mock server failed to answer: ${reason}`);
  }
}

function answer(
  res: ServerResponse,
  format: ApiFormat,
  request: MockRequest,
  reply: MockReply,
  requestId: string,
  chunkSize: number,
): void {
  const headers = { [format.requestIdHeader]: requestId };
  const { fault } = reply;
  if (fault?.type === 'reset') {
    resetConnection(res);
  } else if (isStatusFault(fault)) {
    const message = fault.message ?? defaultErrorMessage(fault.status);
    const body = JSON.stringify(format.error(fault.status, message, requestId));
    sendJson(res, fault.status, { ...headers, ...retryHeaders(fault) }, body);
  } else {
    const resolved = resolveAnswer(reply, request, format.toolCallId);
    const cutAfter = fault?.type === 'cut' ? fault.afterEvents : undefined;
    if (request.stream) {
      const events = format.stream(resolved, request, chunkSize);
      if (fault?.type === 'malformed') sendSse(res, headers, malformedEvents(events));
      else sendSse(res, headers, events, cutAfter);
    } else {
      const json = JSON.stringify(format.respond(resolved, request));
      if (fault?.type === 'malformed') sendJson(res, 200, headers, malformedJson(json));
      else if (cutAfter !== undefined) sendCutJson(res, headers, json);
      else sendJson(res, 200, headers, json);
    }
  }
}

function isStatusFault(fault: MockFault | undefined): fault is StatusFault {
  return fault !== undefined && (fault.type === undefined || fault.type === 'status');
}

/** A script problem: an error in the API's shape that the SDKs are told not to retry. */
function fail(
  res: ServerResponse,
  format: ApiFormat,
  requestId: string,
  status: number,
  message: string,
): void {
  const body = JSON.stringify(format.error(status, message, requestId));
  sendJson(res, status, { [format.requestIdHeader]: requestId, 'x-should-retry': 'false' }, body);
}

function noMatch(request: MockRequest): string {
  const last =
    request.lastMessage.length > 60
      ? `${request.lastMessage.slice(0, 57)}...`
      : request.lastMessage;
  const tools = request.tools.length > 0 ? `, tools [${request.tools.join(', ')}]` : '';
  return (
    `no mock rule matched ${request.method} ${request.path} (api "${request.api}", ` +
    `model "${request.model}", last message ${JSON.stringify(last)}${tools})`
  );
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
