import { describe, expect, it } from 'vitest';
import {
  JobSignatureError,
  signOutcome,
  signPayload,
  verifiedJob,
  verifiedOutcome,
} from '../../src/bullmq/job-signature.ts';
import type { SubtaskOutcome } from '../../src/core/engine.ts';

const SECRET = 'a test secret of 32 characters!!';
const outcome = { status: 'ok', text: 'done' } as unknown as SubtaskOutcome;

describe('job signatures', () => {
  it('cover the reply channel as well as the payload', () => {
    const signed = signPayload('{"version":1}', SECRET, 'bull:q:tierup-outcomes:1');
    expect(verifiedJob(signed, SECRET, 'j1')).toEqual({
      payload: '{"version":1}',
      reply: 'bull:q:tierup-outcomes:1',
    });
    expect(() => verifiedJob({ ...signed, reply: 'elsewhere' }, SECRET, 'j1')).toThrow(
      JobSignatureError,
    );
    const { reply: _, ...withoutReply } = signed;
    expect(() => verifiedJob(withoutReply, SECRET, 'j1')).toThrow(/signature does not match/);
    expect(verifiedJob(signPayload('{}', SECRET), SECRET).reply).toBeUndefined();
  });

  it("take an outcome only for the job it was signed for, and with the run's secret", () => {
    const signed = signOutcome('run.a.1', outcome, SECRET);
    expect(verifiedOutcome(signed, 'run.a.1', SECRET)).toEqual(outcome);
    expect(verifiedOutcome(signed, 'run.b.1', SECRET)).toBeUndefined();
    expect(verifiedOutcome(signed, 'run.a.1', 'another secret of 32 characters!')).toBeUndefined();
    expect(
      verifiedOutcome(
        { ...signed, outcome: signed.outcome.replace('done', 'forged') },
        'run.a.1',
        SECRET,
      ),
    ).toBeUndefined();
    expect(verifiedOutcome({ outcome }, 'run.a.1', SECRET)).toBeUndefined();
    expect(verifiedOutcome(null, 'run.a.1', SECRET)).toBeUndefined();
  });
});
