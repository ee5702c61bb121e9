import { expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { defineTool, type Tool } from '../../src/index.ts';

test("run receives the input type inferred from the tool's zod schema", () => {
  defineTool({
    name: 'get_order',
    input: z.object({ orderId: z.string() }),
    run: (input, options) => {
      expectTypeOf(input).toEqualTypeOf<{ orderId: string }>();
      expectTypeOf(options.signal).toEqualTypeOf<AbortSignal>();
      return input.orderId;
    },
  });
});

test('the returned Tool carries the input and output types and typed metadata', () => {
  const tool = defineTool({
    name: 'get_order',
    input: z.object({ orderId: z.string() }),
    run: async ({ orderId }) => ({ orderId, status: 'shipped' as const }),
  });
  expectTypeOf(tool).toEqualTypeOf<
    Tool<{ orderId: string }, { orderId: string; status: 'shipped' }>
  >();
  expectTypeOf(tool.name).toEqualTypeOf<string>();
  expectTypeOf(tool.sideEffects).toEqualTypeOf<boolean>();
  expectTypeOf(tool.domain).toEqualTypeOf<string>();
  expectTypeOf(tool.run).parameter(0).toEqualTypeOf<{ orderId: string }>();
});

test('a run whose parameter does not match the schema is a type error', () => {
  // TypeScript infers the input type from the annotated run and reports the schema as the
  // mismatch, so the expected error sits on the `input` line.
  defineTool({
    name: 'get_order',
    // @ts-expect-error orderId is a string in the schema, a number in run
    input: z.object({ orderId: z.string() }),
    run: (input: { orderId: number }) => input.orderId,
  });
  defineTool({
    name: 'get_order',
    // @ts-expect-error the schema has no customerId
    input: z.object({ orderId: z.string() }),
    run: ({ customerId }: { customerId: string }) => customerId,
  });
  // A run that asks for less than the schema gives is fine.
  defineTool({
    name: 'get_order',
    input: z.object({ orderId: z.string(), note: z.string() }),
    run: ({ orderId }: { orderId: string }) => orderId,
  });
});
