import { z } from 'zod';
import { InvalidTaskError, type Issue } from '../../core/errors.ts';
import type { RunTask } from '../../core/executor.ts';
import type { ModelSettings, ModelWarning, ReasoningEffort } from '../../core/language-model.ts';
import { toIssues } from '../../core/parse.ts';
import { readChatMessages } from './chat-completions-messages.ts';

/** A Chat Completions request body, read as a tierup run. */
export interface ParsedChatCompletionsBody {
  readonly task: RunTask<unknown>;
  readonly stream: boolean;
  /** `stream_options.include_usage`: end the stream with a usage chunk. */
  readonly includeUsage: boolean;
  /** Fields that were set but that tierup does not honour. */
  readonly warnings: readonly ModelWarning[];
  /** The generic settings the body sets, for every model call of the run. */
  readonly settings: ModelSettings | undefined;
}

const text = z.string().nullable().optional();
const number = z.number().nullable().optional();
const object = z.looseObject({}).nullable().optional();

const ResponseFormat = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text') }),
  z.strictObject({ type: z.literal('json_object') }),
  z.strictObject({
    type: z.literal('json_schema'),
    json_schema: z.strictObject({
      name: z.string(),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullable().optional(),
    }),
  }),
]);

/** Every field of the SDK's `ChatCompletionCreateParams`; any other is refused. */
const Body = z.strictObject({
  model: z.string().min(1),
  messages: z.array(z.unknown()).min(1),
  stream: z.boolean().nullable().optional(),
  stream_options: z
    .strictObject({
      include_usage: z.boolean().optional(),
      include_obfuscation: z.boolean().optional(),
    })
    .nullable()
    .optional(),
  response_format: ResponseFormat.optional(),
  tools: z.array(z.unknown()).optional(),
  tool_choice: z.union([z.enum(['none', 'auto', 'required']), z.looseObject({})]).optional(),
  parallel_tool_calls: z.boolean().optional(),
  functions: z.array(z.unknown()).optional(),
  function_call: z.union([z.enum(['none', 'auto']), z.looseObject({})]).optional(),
  n: number,
  logprobs: z.boolean().nullable().optional(),
  top_logprobs: number,
  modalities: z
    .array(z.enum(['text', 'audio']))
    .nullable()
    .optional(),
  audio: object,
  web_search_options: z.looseObject({}).optional(),
  moderation: object,
  temperature: number,
  top_p: number,
  frequency_penalty: number,
  presence_penalty: number,
  logit_bias: z.record(z.string(), z.number()).nullable().optional(),
  seed: number,
  stop: z
    .union([z.string(), z.array(z.string())])
    .nullable()
    .optional(),
  max_tokens: number,
  max_completion_tokens: number,
  reasoning_effort: text,
  verbosity: text,
  prediction: object,
  metadata: z.record(z.string(), z.string()).nullable().optional(),
  store: z.boolean().nullable().optional(),
  user: z.string().optional(),
  safety_identifier: text,
  prompt_cache_key: text,
  prompt_cache_options: z.looseObject({}).optional(),
  prompt_cache_retention: text,
  service_tier: text,
});
type Body = z.infer<typeof Body>;

const TOOLS = 'cannot be run by tierup: give your tools to `createTierup`, made with `defineTool`';
const TEXT_ONLY = 'is not available: tierup answers with text only';

/** Fields set to ask for something tierup's answer would lack. */
function refusedFields(body: Body): Issue[] {
  const set = (value: unknown) => value !== undefined && value !== null;
  const toolChoice = (value: unknown) => set(value) && value !== 'auto' && value !== 'none';
  const refused: readonly (readonly [string, boolean, string])[] = [
    ['tools', (body.tools?.length ?? 0) > 0, TOOLS],
    ['functions', (body.functions?.length ?? 0) > 0, TOOLS],
    ['tool_choice', toolChoice(body.tool_choice), `must be "auto" or "none": ${TOOLS}`],
    ['function_call', toolChoice(body.function_call), `must be "auto" or "none": ${TOOLS}`],
    ['n', set(body.n) && body.n !== 1, 'must be 1: tierup gives one answer'],
    ['logprobs', body.logprobs === true, 'is not available from a tierup run'],
    ['top_logprobs', set(body.top_logprobs), 'is not available from a tierup run'],
    ['modalities', body.modalities?.includes('audio') === true, TEXT_ONLY],
    ['audio', set(body.audio), TEXT_ONLY],
    [
      'web_search_options',
      set(body.web_search_options),
      'is not available: give tierup a search tool',
    ],
    ['moderation', set(body.moderation), 'is not available: tierup runs no moderation'],
  ];
  return refused.flatMap(([path, isRefused, message]) => (isRefused ? [{ path, message }] : []));
}

/**
 * Fields tierup does not honour but whose absence leaves the answer's shape as asked: OpenAI's
 * own, which a tier's model of another provider could not take. The generic ones (`temperature`,
 * `top_p`, `seed`, `stop`, `max_tokens`, `max_completion_tokens`, `reasoning_effort`) become the
 * run's settings instead.
 */
const IGNORED: readonly (keyof Body)[] = [
  'frequency_penalty',
  'presence_penalty',
  'logit_bias',
  'verbosity',
  'prediction',
  'parallel_tool_calls',
  'metadata',
  'store',
  'user',
  'safety_identifier',
  'prompt_cache_key',
  'prompt_cache_options',
  'prompt_cache_retention',
  'service_tier',
];

const IGNORED_DETAILS =
  'tierup picks the model and its settings for each tier and makes its own provider calls';

/**
 * Reads a Chat Completions request body as a tierup run: the last message (a user message) is the
 * input, the messages before it the history; system and developer messages become the run's
 * instructions, user turns of the history (`systemMessages: 'history'`) or are left out (`drop`).
 * @throws {InvalidTaskError} naming the field at fault: `messages[2].role`, `tools`, `temprature`.
 */
export function parseChatCompletionsBody(
  value: unknown,
  systemMessages: 'instructions' | 'history' | 'drop',
): ParsedChatCompletionsBody {
  const parsed = Body.safeParse(value);
  if (!parsed.success) throw new InvalidTaskError(toIssues(parsed.error));
  const body = parsed.data;
  const issues = refusedFields(body);
  const warnings: ModelWarning[] = IGNORED.flatMap((field) =>
    body[field] === undefined || body[field] === null
      ? []
      : [{ type: 'unsupported-setting' as const, setting: field, details: IGNORED_DETAILS }],
  );
  const conversation = readChatMessages(body.messages, systemMessages);
  issues.push(...conversation.issues);
  warnings.push(...conversation.warnings);
  const output = outputSchema(body.response_format, issues);
  const settings = settingsOf(body, issues);
  if (issues.length > 0) throw new InvalidTaskError(issues);
  return {
    task: {
      input: conversation.input,
      ...(conversation.history.length > 0 ? { history: conversation.history } : {}),
      ...(conversation.instructions ? { instructions: conversation.instructions } : {}),
      ...(output === undefined ? {} : { output }),
    },
    stream: body.stream === true,
    includeUsage: body.stream_options?.include_usage === true,
    warnings,
    settings,
  };
}

const EFFORTS: readonly ReasoningEffort[] = [
  'none',
  'minimal',
  'low',
  'medium',
  'high',
  'xhigh',
  'max',
];

/** The body's generic settings, as tierup's: each tier's provider maps them to its own fields. */
function settingsOf(body: Body, issues: Issue[]): ModelSettings | undefined {
  const { temperature, top_p, seed, stop, reasoning_effort: effort } = body;
  const maxOutputTokens = body.max_completion_tokens ?? body.max_tokens;
  if (effort != null && !(EFFORTS as readonly string[]).includes(effort)) {
    issues.push({ path: 'reasoning_effort', message: `must be one of ${EFFORTS.join(', ')}` });
  }
  const settings: ModelSettings = {
    ...(temperature == null ? {} : { temperature }),
    ...(top_p == null ? {} : { topP: top_p }),
    ...(seed == null ? {} : { seed }),
    ...(stop == null ? {} : { stopSequences: typeof stop === 'string' ? [stop] : stop }),
    ...(maxOutputTokens == null ? {} : { maxOutputTokens }),
    ...(effort == null ? {} : { reasoningEffort: effort as ReasoningEffort }),
  };
  return Object.keys(settings).length > 0 ? settings : undefined;
}

/** `json_schema` is validated with the schema itself; `json_object` as any JSON object. */
function outputSchema(format: Body['response_format'], issues: Issue[]): z.ZodType | undefined {
  if (format === undefined || format.type === 'text') return undefined;
  if (format.type === 'json_object') return z.record(z.string(), z.unknown());
  const { schema } = format.json_schema;
  if (schema === undefined) {
    issues.push({
      path: 'response_format.json_schema.schema',
      message: 'is needed: tierup checks the answer against it',
    });
    return undefined;
  }
  try {
    return z.fromJSONSchema(schema);
  } catch (error) {
    issues.push({
      path: 'response_format.json_schema.schema',
      message: `is not a JSON Schema tierup can read: ${error instanceof Error ? error.message : String(error)}`,
    });
    return undefined;
  }
}
