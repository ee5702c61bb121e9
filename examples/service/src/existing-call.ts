// The call the service made before it adopted tierup: one chat completion, as many services have.
import type OpenAI from 'openai';

/** Answers a prompt with one chat completion, as the service always did. */
export function answerWithOpenAI(client: OpenAI, model: string) {
  return async (prompt: string, { signal }: { signal: AbortSignal }): Promise<string> => {
    const completion = await client.chat.completions.create(
      { model, messages: [{ role: 'user', content: prompt }] },
      { signal },
    );
    return completion.choices[0]?.message.content ?? '';
  };
}
