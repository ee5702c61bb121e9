// The fan-out's critical path as the mock server delivers it: the manager's first call, one
// specialist call (with its delay) and the manager's last call, one after the other, over the same
// `openai` client version and the same loopback connection pool, timed once per round. No
// orchestration can finish sooner than this chain.
import OpenAI from 'openai';
import {
  type Api,
  CONTENDER_HEADER,
  FAN_OUT_REQUEST,
  MODEL,
  REGIONS,
  REPORT,
  specialistAnswer,
  specialistInstructions,
  subtaskText,
} from './fixtures.ts';

export function criticalPathProbe(baseURL: string, api: Api): () => Promise<void> {
  const client = new OpenAI({
    apiKey: 'bench',
    baseURL,
    maxRetries: 0,
    defaultHeaders: { [CONTENDER_HEADER]: 'critical path' },
  });
  const call = async (system: string, user: string): Promise<string> => {
    if (api === 'chat') {
      const completion = await client.chat.completions.create({
        model: MODEL,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
      });
      return completion.choices[0]?.message.content ?? '';
    }
    const response = await client.responses.create({
      model: MODEL,
      instructions: system,
      input: user,
      store: false,
    });
    return response.output_text;
  };
  const results = REGIONS.map((_, i) => specialistAnswer(i)).join('\n');
  return async () => {
    await call('Plan the request as subtasks.', FAN_OUT_REQUEST);
    const part = await call(specialistInstructions(REGIONS[0] as string), subtaskText(0));
    const report = await call('Write the final answer from the results.', results);
    if (part !== specialistAnswer(0) || report !== REPORT) {
      throw new Error(`critical path probe: unexpected answers ${part} / ${report}`);
    }
  };
}
