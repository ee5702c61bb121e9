import { describe, expect, it, vi } from 'vitest';
import { memoizeWeak } from '../../src/core/memoize-weak.ts';

describe('memoizeWeak', () => {
  it('makes a value once per key object, undefined values included', () => {
    const make = vi.fn((key: { n: number }) => (key.n > 0 ? { doubled: key.n * 2 } : undefined));
    const cached = memoizeWeak(make);
    const one = { n: 1 };
    const zero = { n: 0 };
    expect(cached(one)).toEqual({ doubled: 2 });
    expect(cached(one)).toBe(cached(one));
    expect(cached(zero)).toBeUndefined();
    expect(cached(zero)).toBeUndefined();
    expect(make).toHaveBeenCalledTimes(2);
    expect(cached({ n: 1 })).not.toBe(cached(one));
    expect(make).toHaveBeenCalledTimes(3);
  });
});
