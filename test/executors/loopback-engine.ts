import type { Engine, SubtaskOutcome, SubtaskRequest } from '../../src/core/engine.ts';
import { type SubtaskServer, serveSubtask } from '../../src/executors/serve-subtask.ts';
import { createPriceTable } from '../../src/pricing/price-table.ts';

/**
 * An engine that serves each subtask in this process, but only from what crosses a process
 * boundary: the request and the outcome go through JSON, as they do over Redis.
 */
export function loopbackEngine(
  server: Omit<SubtaskServer, 'prices'> & Partial<Pick<SubtaskServer, 'prices'>>,
): Engine & { readonly requests: SubtaskRequest[] } {
  const requests: SubtaskRequest[] = [];
  return {
    name: 'loopback',
    requests,
    async runSubtask(request, { signal }) {
      const sent = JSON.parse(JSON.stringify(request)) as SubtaskRequest;
      requests.push(sent);
      const outcome = await serveSubtask(sent, { prices: createPriceTable(), ...server }, signal);
      return JSON.parse(JSON.stringify(outcome)) as SubtaskOutcome;
    },
  };
}
