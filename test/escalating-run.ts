import type { RunError } from 'tierup';
import { ESCALATE_TOOL, scriptedModel } from 'tierup/testing';

/** A scripted model that escalates on the direct tier and looks the order up on the agent tier. */
export function escalatingModel() {
  return scriptedModel((request) => {
    if (request.tools?.some((t) => t.name === ESCALATE_TOOL)) {
      return { toolCalls: [{ name: ESCALATE_TOOL, arguments: { reason: 'needs the order' } }] };
    }
    if (request.tools?.length && request.messages.at(-1)?.role === 'user') {
      return { toolCalls: [{ name: 'get_order', arguments: { orderId: '30418' } }] };
    }
    return 'Order 30418 has shipped.';
  });
}

/** A request routed to the direct tier, which `escalatingModel` escalates from. */
export const atDirect = { input: 'Where is order 30418?', hints: { tier: 'direct' as const } };

/** The error a run that must fail throws. */
export async function failure(run: Promise<unknown>): Promise<RunError> {
  return run.then(
    () => {
      throw new Error('the run did not fail');
    },
    (error: RunError) => error,
  );
}
