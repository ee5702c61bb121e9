import { z } from 'zod';
import { loadJsonFile } from '../../core/parse.ts';
import { checkReplies, type MockReply } from './mock-reply.ts';

/**
 * The rules of a mock server as a JSON file, for `runMockServerCommand --script FILE`: the
 * same rules as in code, with string patterns only (a model must equal its pattern, a system
 * prompt or last message must contain it) and no reply functions.
 *
 * @example
 * {"rules": [
 *   {"match": {"api": "messages", "lastMessage": "weather"},
 *    "reply": {"toolCalls": [{"name": "get_weather", "arguments": {"city": "Paris"}}]}},
 *   {"reply": [{"fault": {"status": 429, "retryAfter": "1"}}, {"text": "Sunny."}]}
 * ]}
 */
export const MockScript = z.strictObject({
  rules: z.array(
    z.strictObject({
      match: z
        .strictObject({
          api: z.enum(['chat', 'responses', 'messages']).optional(),
          model: z.string().optional(),
          system: z.string().optional(),
          lastMessage: z.string().optional(),
          tools: z.array(z.string()).optional(),
        })
        .optional(),
      reply: z.unknown().superRefine(checkReplies) as z.ZodType<MockReply | MockReply[]>,
    }),
  ),
});
export type MockScript = z.infer<typeof MockScript>;

/**
 * Reads and validates a {@link MockScript} file.
 * @throws {InvalidConfigError} naming the field at fault (`rules[0].reply.fault.status`), or
 * with an empty path when the file cannot be read or is not JSON.
 */
export function loadMockScript(file: string): Promise<MockScript> {
  return loadJsonFile(file, MockScript);
}
