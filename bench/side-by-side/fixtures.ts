// What every contender is asked and what a right run answers: the requests, the tools' results,
// the scripted model's replies. Shared by the mock server process and the contenders, so that
// both sides agree on every byte that decides whether a run was right.

/** A priced model id, so tierup computes each call's cost as it does in production. */
export const MODEL = 'gpt-5.4-mini';
/** Every scripted reply reports this usage, whoever asked. */
export const USAGE = { inputTokens: 50, outputTokens: 12 } as const;
/** The request header that tells the mock server which contender sent a request. */
export const CONTENDER_HEADER = 'x-bench-contender';

export type Api = 'chat' | 'responses';

// Scenario 1: one call, no tools.
export const SUMMARY_REQUEST =
  'Summarize in one sentence: tierup routes each request to the lowest tier that can meet it, and escalates when that tier fails.';
export const SUMMARY = 'tierup runs each request on the cheapest tier that can meet it.';

// Scenarios 2, 4 and 5: one agent, one tool, `steps` model calls (steps - 1 tool calls, one at a
// time, then the answer).
export const AGENT_INSTRUCTIONS = 'You are the assistant of an online shop.';
export const ORDER_TOOL = {
  name: 'get_order',
  description: 'Look up a shop order by id, with its status and delivery estimate.',
} as const;
export const agentRequest = (steps: number) =>
  steps === 4
    ? 'Order 30418 was split into 30419 and 30420. When will everything arrive?'
    : `Look up my orders one at a time with get_order, starting at 30418, and tell me when the last of ${steps - 1} arrives.`;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;
/** The order id the model asks about at tool call `i` (from 0). */
export const orderId = (i: number) => String(30418 + i);
/** What `get_order` returns for an order id: the same string for every contender. */
export const orderStatus = (id: string) =>
  `Order ${id}: shipped, arrives ${DAYS[Number(id) % DAYS.length]}.`;
export const agentAnswer = (steps: number) =>
  `All ${steps - 1} orders have shipped; order ${orderId(steps - 2)} arrives ${DAYS[Number(orderId(steps - 2)) % DAYS.length]}.`;

// Scenario 3: a manager and 8 specialists, one per region, each with its region's tool.
export const SPECIALISTS = 8;
export const REGIONS = Array.from({ length: SPECIALISTS }, (_, i) => `region${i + 1}`);
export const FAN_OUT_REQUEST =
  'Write the quarterly report: one part per region, regions 1 to 8, from each region’s figures.';
export const REPORT = 'The quarterly report, in 8 parts: every region done.';
export const subtaskText = (i: number) => `Write part ${i + 1} of the quarterly report.`;
export const specialistAnswer = (i: number) => `Part ${i + 1} done.`;
export const specialistInstructions = (region: string) =>
  `You are the ${region} specialist. Do only the subtask you are given and answer with its result.`;
export const MANAGER_INSTRUCTIONS =
  'You are the manager of a team of specialists, one per region. Give each region its part with its tool, all at once, then write the report from their results.';
/** The tierup plan the mock answers with: 8 independent subtasks, one per region specialist. */
export const FAN_OUT_PLAN = {
  subtasks: REGIONS.map((region, i) => ({
    id: `s${i + 1}`,
    specialist: region,
    task: subtaskText(i),
    dependsOn: [],
  })),
};
export const regionTool = (region: string) => ({
  name: `${region}_figures`,
  description: `Fetch the quarter's figures of ${region}.`,
});
