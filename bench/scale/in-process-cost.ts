// What the engine seam costs a run without an engine: `node --experimental-strip-types
// --no-warnings bench/scale/in-process-cost.ts <tierup checkout>` prints the median time of a
// multi-agent run (a plan of 8 subtasks, each a sensitive-data tool call and an answer, so the
// taint ledger records; scripted model, no latency; 1,500 runs after 300) with the source of that
// checkout. Run it alternately on a checkout before the seam and one after.
import { z } from 'zod';

const root = process.argv[2] ?? new URL('../..', import.meta.url).pathname;
const { multiAgentExecutor, defineTool } = await import(`${root}/src/index.ts`);
const { scriptedModel } = await import(`${root}/src/testing/index.ts`);

const tools = Array.from({ length: 8 }, (_, i) =>
  defineTool({
    name: `read_${i}`,
    domain: `d${i}`,
    sensitiveData: true,
    input: z.object({ id: z.string() }),
    run: ({ id }: { id: string }) => ({ id, value: `record value ${i}` }),
  }),
);
type Request = { system?: string; messages: { role: string }[] };
const model = scriptedModel((request: Request) => {
  if (request.system?.includes('Plan the request')) {
    const subtasks = tools.map((_, i) => ({
      id: `s${i}`,
      specialist: `d${i}`,
      task: `Read record ${i}.`,
      dependsOn: [],
    }));
    return { output: { subtasks } };
  }
  const own = /You are the d(\d) specialist/.exec(request.system ?? '')?.[1];
  if (own === undefined) return 'Done.';
  return request.messages.some((m) => m.role === 'tool')
    ? `record ${own} read`
    : { toolCalls: [{ name: `read_${own}`, arguments: { id: own } }] };
});
const team = multiAgentExecutor({ model, tools, budgets: { maxConcurrency: 8 } });
const first = await team.run('Read the records.');
if (first.usage.calls !== 18) throw new Error(`expected 18 model calls, got ${first.usage.calls}`);
for (let i = 0; i < 300; i++) await team.run('Read the records.');
const times: number[] = [];
for (let i = 0; i < 1500; i++) {
  const started = performance.now();
  await team.run('Read the records.');
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ root, medianMs: times[times.length >> 1] }));
