import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseTask } from '../../src/core/task.ts';
import { toModelTool } from '../../src/core/tool.ts';
import { defineTool, InvalidTaskError, InvalidToolError, TierupError } from '../../src/index.ts';

describe('parseTask', () => {
  it('applies defaults to tools and keeps names as written', () => {
    const task = parseTask({
      input: 'Where is order 30418?',
      tools: [{ name: 'crm.lookup_account', description: 'Fetch an account.' }],
    });
    expect(task.tools[0]).toMatchObject({
      name: 'crm.lookup_account',
      domain: 'general',
      untrustedInput: false,
      sensitiveData: false,
      sideEffects: false,
    });
  });

  it('names the field at fault', () => {
    const error = catchError(() =>
      parseTask({ input: 'x', tools: [{ name: 'ok' }, { name: '' }] }),
    );
    expect(error).toBeInstanceOf(InvalidTaskError);
    expect((error as InvalidTaskError).field).toBe('tools[1].name');
    expect((error as InvalidTaskError).message).toContain('tools[1].name');
    expect(TierupError.isInstance(error)).toBe(true);
  });

  it('rejects a missing input and a non-boolean flag', () => {
    expect((catchError(() => parseTask({ tools: [] })) as InvalidTaskError).field).toBe('input');
    const flag = catchError(() =>
      parseTask({ input: 'x', tools: [{ name: 'a', sideEffects: 'yes' }] }),
    );
    expect((flag as InvalidTaskError).field).toBe('tools[0].sideEffects');
  });

  it('rejects unknown hint keys and bad tiers', () => {
    const unknown = catchError(() => parseTask({ input: 'x', hints: { teir: 'agent' } }));
    expect((unknown as InvalidTaskError).field).toBe('hints.teir');
    expect((unknown as InvalidTaskError).message).toContain('is not a known option');
    const tier = catchError(() => parseTask({ input: 'x', hints: { tier: 'swarm' } }));
    expect((tier as InvalidTaskError).field).toBe('hints.tier');
  });
});

describe('defineTool', () => {
  it('returns frozen metadata the router can read', () => {
    const tool = defineTool({
      name: 'get_order',
      description: 'Look up a shop order by id.',
      domain: 'commerce',
      sensitiveData: true,
      input: z.object({ orderId: z.string() }),
      run: ({ orderId }) => ({ orderId, status: 'shipped' }),
    });
    expect(Object.isFrozen(tool)).toBe(true);
    expect(tool).toMatchObject({
      name: 'get_order',
      domain: 'commerce',
      sensitiveData: true,
      sideEffects: false,
    });
    expect(parseTask({ input: 'x', tools: [tool] }).tools[0]?.name).toBe('get_order');
  });

  it('names the field at fault', () => {
    const badName = catchError(() =>
      defineTool({ name: 'has space', input: z.object({}), run: () => null }),
    );
    expect(badName).toBeInstanceOf(InvalidToolError);
    expect((badName as InvalidToolError).field).toBe('name');
    const badSchema = catchError(() =>
      defineTool({ name: 'ok', input: {} as z.ZodType<unknown>, run: () => null }),
    );
    expect((badSchema as InvalidToolError).field).toBe('input');
  });

  it('refuses an input schema that is not an object: a model calls a tool with named arguments', () => {
    for (const input of [z.string(), z.array(z.string()), z.number()] as z.ZodType[]) {
      const error = catchError(() => defineTool({ name: 'ok', input, run: () => null }));
      expect(error).toBeInstanceOf(InvalidToolError);
      expect((error as InvalidToolError).field).toBe('input');
      expect((error as Error).message).toMatch(/must describe an object/);
    }
    const choices = z.union([z.object({ id: z.string() }), z.object({ email: z.string() })]);
    expect(defineTool({ name: 'ok', input: choices, run: () => null }).name).toBe('ok');
    const refined = z.object({ id: z.string() }).refine((v) => v.id !== '');
    expect(defineTool({ name: 'ok', input: refined, run: () => null }).name).toBe('ok');
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('parseTask consistency', () => {
  it('rejects two tools of one name, even when each was validated before', () => {
    const a = { name: 'get_order', description: 'one' };
    const b = { name: 'get_order', description: 'two' };
    parseTask({ input: 'x', tools: [a] });
    parseTask({ input: 'x', tools: [b] });
    const error = catchError(() => parseTask({ input: 'x', tools: [a, b] }));
    expect((error as InvalidTaskError).field).toBe('tools[1].name');
    expect((error as InvalidTaskError).message).toContain('duplicates the name of tools[0]');
  });

  it('rejects a hinted tier above the hinted cap', () => {
    const error = catchError(() =>
      parseTask({ input: 'x', hints: { tier: 'multi-agent', maxTier: 'agent' } }),
    );
    expect((error as InvalidTaskError).field).toBe('hints.tier');
  });
});

describe('parseTask edge cases', () => {
  it('wraps an error thrown while reading the caller object', () => {
    const task = {
      input: 'x',
      get tools(): never {
        throw new Error('boom');
      },
    };
    const error = catchError(() => parseTask(task));
    expect(error).toBeInstanceOf(InvalidTaskError);
    expect((error as Error).message).toContain('could not be read: Error: boom');
  });

  it('rejects blank input', () => {
    expect((catchError(() => parseTask({ input: ' \n\t ' })) as InvalidTaskError).field).toBe(
      'input',
    );
  });

  it('counts tools on every call, cached or not', () => {
    const tools = Array.from({ length: 10_001 }, (_, i) => ({ name: `t${i}` }));
    parseTask({ input: 'x', tools: tools.slice(0, 5_000) });
    parseTask({ input: 'x', tools: tools.slice(5_000) });
    expect((catchError(() => parseTask({ input: 'x', tools })) as InvalidTaskError).field).toBe(
      'tools',
    );
  });

  it('returns frozen tool specs shared between calls', () => {
    const tool = { name: 'get_order' };
    const first = parseTask({ input: 'x', tools: [tool] }).tools[0];
    const again = parseTask({ input: 'y', tools: [tool, { name: 'other' }] }).tools[0];
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});

describe('defineTool reports every problem', () => {
  it('lists a bad name, a missing schema and a missing run together', () => {
    const error = catchError(() =>
      defineTool({ name: '', input: undefined, run: undefined } as never),
    ) as InvalidToolError;
    expect(new Set(error.issues.map((issue) => issue.path))).toEqual(
      new Set(['name', 'input', 'run']),
    );
  });
});

describe('toModelTool', () => {
  it('describes a tool to a model with the JSON Schema of its zod input', () => {
    const tool = defineTool({
      name: 'get_order',
      description: 'Look up an order.',
      input: z.object({ orderId: z.string(), includeItems: z.boolean().default(false) }),
      run: () => null,
    });
    const described = toModelTool(tool);
    expect(described.name).toBe('get_order');
    expect(described.inputSchema).toMatchObject({
      type: 'object',
      properties: { orderId: { type: 'string' }, includeItems: { type: 'boolean' } },
      required: ['orderId'],
    });
    expect(described.inputSchema).not.toHaveProperty('$schema');
  });
});
