import { BoundaryViolationError, defineTool } from 'tierup';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkPlanBoundary,
  needsBoundary,
  type PlannedAgent,
  specialistPrivileges,
} from '../../src/security/boundary.ts';

const tool = (name: string, flags: Record<string, boolean>) =>
  defineTool({ name, description: name, ...flags, input: z.object({}), run: () => '' });
const readWeb = tool('read_web', { untrustedInput: true });
const getCustomer = tool('get_customer', { sensitiveData: true });
const sendEmail = tool('send_email', { sideEffects: true });

const team: readonly PlannedAgent[] = [
  { name: 'web_reader', privileges: ['untrusted'], quarantined: true },
  { name: 'crm', privileges: ['sensitive'], quarantined: false },
  { name: 'mailer', privileges: ['acting'], quarantined: false },
  { name: 'crm_mailer', privileges: ['sensitive', 'acting'], quarantined: false },
];

const subtask = (id: string, specialist: string, dependsOn: string[] = []) => ({
  id,
  specialist,
  dependsOn,
});

describe('security boundary', () => {
  it('holds when asked, when the router set it, or when the tools hold all three privileges', () => {
    expect(needsBoundary('always', false, [])).toBe(true);
    expect(needsBoundary('off', true, [readWeb, getCustomer, sendEmail])).toBe(false);
    expect(needsBoundary('auto', true, [])).toBe(true);
    expect(needsBoundary(undefined, false, [readWeb, getCustomer, sendEmail])).toBe(true);
    expect(needsBoundary('auto', false, [readWeb, sendEmail])).toBe(false);
  });

  it('quarantines a reader of untrusted content, and refuses one holding anything else', () => {
    expect(specialistPrivileges('web', [readWeb], true)).toEqual({
      privileges: ['untrusted'],
      quarantined: true,
    });
    expect(specialistPrivileges('web', [readWeb, sendEmail], false).quarantined).toBe(false);
    expect(() => specialistPrivileges('web', [readWeb, sendEmail], true)).toThrow(
      BoundaryViolationError,
    );
  });

  it('accepts a plan where untrusted content reaches the others only as fields', () => {
    const plan = {
      subtasks: [subtask('t1', 'web_reader'), subtask('t2', 'crm_mailer', ['t1'])],
    };
    expect(() => checkPlanBoundary(plan, team)).not.toThrow();
  });

  it('refuses a quarantined subtask that depends on sensitive data', () => {
    const plan = { subtasks: [subtask('t1', 'crm'), subtask('t2', 'web_reader', ['t1'])] };
    expect(() => checkPlanBoundary(plan, team)).toThrow(/after seeing sensitive data .* t2/);
  });

  it('refuses sensitive data reaching a quarantined subtask through a chain', () => {
    const plan = {
      subtasks: [
        subtask('t1', 'crm'),
        subtask('t2', 'mailer', ['t1']),
        subtask('t3', 'web_reader', ['t2']),
      ],
    };
    expect(() => checkPlanBoundary(plan, team)).toThrow(BoundaryViolationError);
  });

  it('refuses a subtask that would hold all three privileges', () => {
    const all: readonly PlannedAgent[] = [
      ...team,
      { name: 'reader_actor', privileges: ['untrusted', 'acting'], quarantined: false },
    ];
    const plan = { subtasks: [subtask('t1', 'crm'), subtask('t2', 'reader_actor', ['t1'])] };
    expect(() => checkPlanBoundary(plan, all)).toThrow(
      /untrusted content, sensitive data and side effects together in subtask t2/,
    );
  });
});
