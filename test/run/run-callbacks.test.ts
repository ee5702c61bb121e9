import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALLBACK_WAIT_MS, createRunCallbacks } from '../../src/run/run-callbacks.ts';
import { createTraceRecorder } from '../../src/run/trace-recorder.ts';

describe('createRunCallbacks', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stops waiting for a callback that never settles, and reports it', async () => {
    vi.useFakeTimers();
    const trace = createTraceRecorder();
    const runSpan = trace.open({ type: 'run', name: 'run' });
    const callbacks = createRunCallbacks(
      [{ onEscalation: () => new Promise<void>(() => {}) }],
      'r1',
      trace,
    );
    const escalation = {
      from: 'direct' as const,
      to: 'agent' as const,
      cause: { type: 'rejected' as const, message: 'no' },
      summary: '',
    };
    callbacks.observe({ type: 'tier-escalated', escalation });
    let settled = false;
    const waiting = callbacks.settle().then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(CALLBACK_WAIT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(callbacks.errors).toMatchObject([
      {
        callback: 'onEscalation',
        message: `Error: did not settle within ${CALLBACK_WAIT_MS} ms of the run's end`,
      },
    ]);
    expect(trace.get(callbacks.errors[0]?.spanId ?? '')).toMatchObject({
      type: 'callback',
      parentId: runSpan,
      status: 'error',
    });
  });

  it('tells nothing and waits for nothing without callbacks', async () => {
    const trace = createTraceRecorder();
    const callbacks = createRunCallbacks([{}], 'r1', trace);
    callbacks.observe({ type: 'text-delta', agent: 'direct', delta: 'x' });
    await callbacks.finish({ type: 'run-error', error: new Error('x') as never });
    expect(callbacks.errors).toEqual([]);
    expect(trace.snapshot()).toEqual([]);
  });
});
