// Runs saved as a user saves them (JSON.stringify of a result, or of the error of a failed run),
// for the report page's tests: an escalated run with tool calls, one refused, and a failed run.
import { createTierup, defineTool, RunError } from 'tierup';
import { ESCALATE_TOOL, scriptedModel } from 'tierup/testing';
import { z } from 'zod';

const getOrder = defineTool({
  name: 'get_order',
  description: 'Look up a shop order by id, with its status and shipping.',
  domain: 'commerce',
  sensitiveData: true,
  input: z.object({ orderId: z.string() }),
  run: ({ orderId }) => ({ orderId, status: 'shipped <b>today</b>' }),
});

const refund = defineTool({
  name: 'refund_order',
  description: 'Refund a shop order.',
  domain: 'commerce',
  sideEffects: true,
  needsApproval: true,
  input: z.object({ orderId: z.string() }),
  run: () => 'refunded',
});

/** Escalates on the direct tier; on the agent tier looks the order up and tries a refund. */
function model(finalAnswer: string | (() => never)) {
  return scriptedModel((request) => {
    if (request.tools?.some((t) => t.name === ESCALATE_TOOL)) {
      return { toolCalls: [{ name: ESCALATE_TOOL, arguments: { reason: 'needs the order' } }] };
    }
    const toolTurns = request.messages.filter((m) => m.role === 'tool').length;
    if (toolTurns === 0)
      return { toolCalls: [{ name: 'get_order', arguments: { orderId: '30418' } }] };
    if (toolTurns === 1)
      return { toolCalls: [{ name: 'refund_order', arguments: { orderId: '30418' } }] };
    if (typeof finalAnswer === 'function') return finalAnswer();
    return finalAnswer;
  });
}

const task = { input: 'Where is order 30418? Refund it.', hints: { tier: 'direct' as const } };

/** A finished run that escalated from direct to agent, with a refused refund, as JSON. */
export async function finishedRunJson(): Promise<string> {
  const tierup = createTierup({
    model: model('Order 30418 shipped. <script>alert(1)</script>'),
    tools: [getOrder, refund],
  });
  return JSON.stringify(await tierup.run(task));
}

/** A run that failed on the agent tier after its tool calls, saved from its error, as JSON. */
export async function failedRunJson(): Promise<{ json: string; error: RunError }> {
  const failing = () => {
    throw new Error('upstream exploded');
  };
  const tierup = createTierup({
    model: model(failing),
    tools: [getOrder, refund],
    maxTier: 'agent',
  });
  try {
    await tierup.run(task);
  } catch (error) {
    if (!(error instanceof RunError)) throw error;
    return { json: JSON.stringify(error), error };
  }
  throw new Error('the run was expected to fail');
}
