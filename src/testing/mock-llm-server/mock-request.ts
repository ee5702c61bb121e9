/** The APIs the mock server speaks: OpenAI Chat Completions and Responses, Anthropic Messages. */
export type MockApi = 'chat' | 'responses' | 'messages';

/** One HTTP request the mock server received, whatever its path. */
export interface RecordedRequest {
  readonly method: string;
  /** The path without the query string, e.g. `/v1/chat/completions`. */
  readonly path: string;
  /** Header names in lower case; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body; `undefined` when the body was empty or not JSON. */
  readonly body: unknown;
  /** When the request arrived, in milliseconds since the epoch. */
  readonly time: number;
  /** The API the path belongs to; `undefined` for an unknown path. */
  readonly api: MockApi | undefined;
}

/**
 * A request to one of the three APIs, with the fields rules match on read out of its body
 * in the same way for every API.
 */
export interface MockRequest extends RecordedRequest {
  readonly api: MockApi;
  readonly body: Readonly<Record<string, unknown>>;
  readonly model: string;
  /**
   * The system prompt: Chat `system`/`developer` messages, Responses `instructions` and
   * `system`/`developer` input items, Anthropic `system`; joined with a newline. '' when absent.
   */
  readonly system: string;
  /** The text of the last message or input item (a tool result's text included). '' when absent. */
  readonly lastMessage: string;
  /** The names of the tools offered (a built-in tool without a name by its `type`). */
  readonly tools: readonly string[];
  /** Whether the client asked for a server-sent event stream (`stream: true`). */
  readonly stream: boolean;
}

/** The fields of a request body that rules match on; each API reads them from its own shape. */
export type RequestFields = Pick<
  MockRequest,
  'model' | 'system' | 'lastMessage' | 'tools' | 'stream'
>;

/** The text of a message content: a string, or the `text` (or nested `content`) of its parts. */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) => {
      if (typeof part === 'string') return part;
      if (typeof part !== 'object' || part === null) return '';
      const { text, content: nested, output } = part as Record<string, unknown>;
      if (typeof text === 'string') return text;
      return textOf(nested ?? output);
    })
    .join('');
}

/** The object itself when `value` is a plain object, else an empty one. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The items of `value` when it is an array, else none. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
