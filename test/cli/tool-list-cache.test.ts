import { describe, expect, it } from 'vitest';
import { ToolListCache } from '../../src/cli/tool-list-cache.ts';

const parsed = (text: string): unknown => JSON.parse(text);

describe('ToolListCache', () => {
  it('hands out the first list read for later lists of the same content', () => {
    const lists = new ToolListCache();
    const text = '[{"name": "get_order", "domain": "commerce"}, {"name": "refund"}]';
    const first = parsed(text);
    expect(lists.shared(first)).toBe(first);
    expect(lists.shared(parsed(text))).toBe(first);
    const other = parsed('[{"name": "get_order", "domain": "payments"}]');
    expect(lists.shared(other)).toBe(other);
  });

  it('passes through what is not a non-empty list, and keeps none of it', () => {
    const lists = new ToolListCache();
    for (const value of [undefined, null, 'tools', {}, []]) expect(lists.shared(value)).toBe(value);
    expect(lists.size).toBe(0);
  });

  it('keeps at most 512 lists, dropping the least recently used', () => {
    const lists = new ToolListCache();
    const kept = parsed('[{"name": "kept"}]');
    lists.shared(kept);
    const dropped = parsed('[{"name": "dropped"}]');
    lists.shared(dropped);
    for (let i = 0; i < 600; i++) {
      lists.shared(parsed(`[{"name": "tool_${i}"}]`));
      if (i % 100 === 0) lists.shared(parsed('[{"name": "kept"}]'));
    }
    expect(lists.size).toBe(512);
    expect(lists.shared(parsed('[{"name": "kept"}]'))).toBe(kept);
    expect(lists.shared(parsed('[{"name": "dropped"}]'))).not.toBe(dropped);
  });

  it('does not keep a very long list', () => {
    const lists = new ToolListCache();
    const long = [{ name: 'big', description: 'x'.repeat(40_000) }];
    lists.shared(long);
    expect(lists.size).toBe(0);
  });
});
