import { describe, expect, it } from 'vitest';
import { linkSignal } from '../../src/core/linked-signal.ts';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('linkSignal', () => {
  it('fires with the reason of whichever parent fires first', () => {
    const a = new AbortController();
    const b = new AbortController();
    const link = linkSignal([a.signal, undefined, b.signal]);
    const reason = new Error('b gave up');
    b.abort(reason);
    a.abort(new Error('too late'));
    expect(link.signal.reason).toBe(reason);
    expect(link.timedOut).toBe(false);
  });

  it('is aborted at once when a parent already is', () => {
    const parent = new AbortController();
    parent.abort('gone');
    const link = linkSignal([parent.signal], { ms: 10, reason: () => 'late' });
    expect(link.signal.aborted).toBe(true);
    expect(link.signal.reason).toBe('gone');
  });

  it('fires on its time limit with its own reason, and says so', async () => {
    const link = linkSignal([new AbortController().signal], {
      ms: 5,
      reason: () => new Error('over time'),
    });
    await later(30);
    expect(link.signal.aborted).toBe(true);
    expect((link.signal.reason as Error).message).toBe('over time');
    expect(link.timedOut).toBe(true);
  });

  it('no longer follows its parents or its timer once disposed', async () => {
    const parent = new AbortController();
    const link = linkSignal([parent.signal], { ms: 5, reason: () => 'late' });
    link.dispose();
    link.dispose();
    parent.abort();
    await later(30);
    expect(link.signal.aborted).toBe(false);
    expect(link.timedOut).toBe(false);
  });

  it('keeps its parents after clearTimer, and fires only once', async () => {
    const parent = new AbortController();
    const link = linkSignal([parent.signal], { ms: 5, reason: () => 'late' });
    link.clearTimer();
    await later(30);
    expect(link.signal.aborted).toBe(false);
    link.abort('own stop');
    parent.abort('parent');
    expect(link.signal.reason).toBe('own stop');
  });
});
