import { scriptedModel } from 'tierup/testing';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { parseTask } from '../../src/core/task.ts';
import { defineTool } from '../../src/core/tool.ts';
import { createTierup } from '../../src/tierup.ts';

vi.mock('../../src/core/task.ts', async (original) => {
  const actual = await original<typeof import('../../src/core/task.ts')>();
  return { ...actual, parseTask: vi.fn(actual.parseTask) };
});

const getOrder = defineTool({
  name: 'get_order',
  description: 'Look up a shop order by id, with its status and shipping.',
  domain: 'commerce',
  input: z.object({ orderId: z.string() }),
  run: ({ orderId }) => ({ orderId, status: 'shipped' }),
});

describe("a routed run's task", () => {
  it('is parsed once: the router reads the parsed task', async () => {
    const tierup = createTierup({ model: scriptedModel('Hello.'), tools: [getOrder] });
    vi.mocked(parseTask).mockClear();
    const result = await tierup.run({ input: 'Say hello.', hints: { maxTier: 'direct' } });
    expect(result.output).toBe('Hello.');
    expect(parseTask).toHaveBeenCalledTimes(1);
    vi.mocked(parseTask).mockClear();
    expect(tierup.route('Say hello.').tier).toBe('direct');
    expect(parseTask).toHaveBeenCalledTimes(1);
  });

  it("routes with the run's own tools and the task's, the task's replacing one of its name", () => {
    const tierup = createTierup({ model: scriptedModel('Hello.'), tools: [getOrder] });
    const decision = tierup.route('Where is order 30418? It has been a week.');
    expect(decision.tools.map((t) => t.name)).toEqual(['get_order']);
    const payments = { ...getOrder, name: 'refund_payment', domain: 'payments' };
    const other = tierup.route({ input: 'Refund the payment of order 30418.', tools: [payments] });
    expect(other.tools.map((t) => t.domain)).toContain('payments');
  });
});
