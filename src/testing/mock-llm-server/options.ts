import { z } from 'zod';
import { InvalidConfigError } from '../../core/errors.ts';
import { toIssues } from '../../core/parse.ts';
import { checkReplies } from './mock-reply.ts';
import type { MockRule } from './rules.ts';

/** Options of {@link startMockLlmServer}. */
export interface MockLlmServerOptions {
  /** The script: the first rule whose `match` holds answers; with none, a 500 says so. */
  readonly rules: readonly MockRule[];
  /** The port to listen on; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** The address to listen on. @default '127.0.0.1' */
  readonly host?: string;
  /** Characters per text or tool-argument delta in streams. @default 8 */
  readonly chunkSize?: number;
}

/** Options with every default applied. */
export interface ResolvedServerOptions {
  readonly rules: readonly MockRule[];
  readonly port: number;
  readonly host: string;
  readonly chunkSize: number;
}

const DEFAULTS = { port: 0, host: '127.0.0.1', chunkSize: 8 } as const;

const Pattern = z.custom<string | RegExp>(
  (value) => typeof value === 'string' || value instanceof RegExp,
  'must be a string or a RegExp',
);

const Rule = z.strictObject({
  match: z
    .strictObject({
      api: z.enum(['chat', 'responses', 'messages']).optional(),
      model: Pattern.optional(),
      system: Pattern.optional(),
      lastMessage: Pattern.optional(),
      tools: z.array(z.string()).optional(),
    })
    .optional(),
  reply: z.unknown().superRefine((value, ctx) => {
    if (typeof value !== 'function') checkReplies(value, ctx);
  }),
});

const ServerOptions = z.strictObject({
  rules: z.array(Rule),
  port: z.int().min(0).max(65_535).optional(),
  host: z.string().min(1).optional(),
  chunkSize: z.int().min(1).optional(),
});

/**
 * Validates the server options and applies the defaults. RegExp patterns and reply functions
 * are kept as given.
 * @throws {InvalidConfigError} naming the option at fault, e.g. `rules[1].reply.fault.status`.
 */
export function resolveServerOptions(options: MockLlmServerOptions): ResolvedServerOptions {
  const result = ServerOptions.safeParse(options);
  if (!result.success) throw new InvalidConfigError(toIssues(result.error));
  return {
    rules: options.rules,
    port: options.port ?? DEFAULTS.port,
    host: options.host ?? DEFAULTS.host,
    chunkSize: options.chunkSize ?? DEFAULTS.chunkSize,
  };
}
