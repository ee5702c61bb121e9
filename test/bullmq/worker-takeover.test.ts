import { describe, expect, it } from 'vitest';
import { InDoubtError } from '../../src/durable/index.ts';
import { startMockLlmServer } from '../../src/testing/index.ts';
import { redisServerAvailable } from '../redis-server.ts';
import { hints, PROCESS_TESTS, shape, until, useHarness } from './engine-harness.ts';
import { askedBy, TEAM_REQUEST, teamRules } from './team-scenario.ts';

// BullMQ hands a job on once its worker's lock expires: 1.5 s here (30 s by default).
const TAKEOVER = { lockDuration: 1500, stalledInterval: 500 };

describe.runIf(redisServerAvailable())(
  'when a worker or the run stops mid-run',
  PROCESS_TESTS,
  () => {
    const harness = useHarness();

    it('a worker SIGKILLed mid-subtask has its job finished by a second, repeating only the call in flight', async () => {
      const slow = await startMockLlmServer({ rules: teamRules({ slowRefundMs: 3000 }) });
      try {
        const { tierup, started, sideEffects, another } = await harness().setUp({
          worker: TAKEOVER,
          mock: slow,
          durable: true,
        });
        const asked = (who: string) => slow.requests.filter((r) => askedBy(r.body) === who).length;
        const running = tierup.run({ input: TEAM_REQUEST, hints });
        // The payments specialist refunded and its next model call is in flight: kill its worker.
        await until(() => asked('payments') === 2);
        await started[0]?.stop('SIGKILL');
        const second = await another();
        const result = await running;
        const uninterrupted = await harness()
          .inProcess('uninterrupted.log')
          .run({ input: TEAM_REQUEST, hints });
        expect(shape(result)).toEqual(shape(uninterrupted));
        expect(second.events.some((e) => e.event === 'completed')).toBe(true);
        // No model call made again but the one in flight; the refund ran once.
        expect(asked('payments')).toBe(3);
        expect(sideEffects().filter((line) => line.startsWith('refund_payment'))).toHaveLength(1);
      } finally {
        await slow.close();
      }
    });

    it('ends the run in doubt, naming the side-effect call it was in the middle of', async () => {
      const { tierup, started, sideEffects, another } = await harness().setUp({
        worker: { ...TAKEOVER, slowRefundMs: 3000 },
        durable: true,
      });
      const running = tierup.run({ input: TEAM_REQUEST, hints }).catch((error: unknown) => error);
      await until(() => {
        try {
          return sideEffects().includes('started refund_payment');
        } catch {
          return false;
        }
      });
      await started[0]?.stop('SIGKILL');
      await another();
      const error = await running;
      expect(error).toBeInstanceOf(InDoubtError);
      expect(error).toMatchObject({
        tool: 'refund_payment',
        arguments: { chargeId: 'ch_1', amount: 49.9 },
      });
      // The refund never finished, and was not started again.
      expect(sideEffects()).toEqual(['started refund_payment']);
    });

    it('lets tierup.resume send a stopped run out again, its worker replaying what it finished', async () => {
      const slow = await startMockLlmServer({ rules: teamRules({ slowRefundMs: 2000 }) });
      try {
        const { tierup, sideEffects } = await harness().setUp({ mock: slow, durable: true });
        const asked = (who: string) => slow.requests.filter((r) => askedBy(r.body) === who).length;
        // The run's process gives up while the payments subtask waits on its model (it goes on).
        const stop = new AbortController();
        const first = tierup.run(
          { input: TEAM_REQUEST, hints },
          { runId: 'resumed-1', signal: stop.signal },
        );
        await until(() => asked('payments') === 2);
        stop.abort();
        await expect(first).rejects.toThrow();
        const result = await tierup.resume('resumed-1');
        const uninterrupted = await harness()
          .inProcess('resumed.log')
          .run({ input: TEAM_REQUEST, hints });
        expect(result.output).toBe(uninterrupted.output);
        // The resumed job replayed the payments subtask's calls, the refund included.
        expect(asked('payments')).toBe(2);
        expect(asked('plan')).toBe(1);
        expect(sideEffects().filter((line) => line.startsWith('refund_payment'))).toHaveLength(1);
      } finally {
        await slow.close();
      }
    });
  },
);
