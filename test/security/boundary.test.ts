import { BoundaryViolationError, defineTool } from 'tierup';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkPlanBoundary,
  needsBoundary,
  type PlannedAgent,
  specialistPrivileges,
} from '../../src/security/boundary.ts';
import { splitForRuleOfTwo } from '../../src/security/rule-of-two.ts';

const tool = (name: string, flags: Record<string, boolean>) =>
  defineTool({ name, description: name, ...flags, input: z.object({}), run: () => '' });
const readWeb = tool('read_web', { untrustedInput: true, openWorld: true });
const readInbox = tool('read_inbox', { untrustedInput: true, sensitiveData: true });
const readTicket = tool('read_ticket', { untrustedInput: true });
const getCustomer = tool('get_customer', { sensitiveData: true });
const sendEmail = tool('send_email', { sideEffects: true });

const team: readonly PlannedAgent[] = [
  // It fetches pages: an open-world read, so it can carry what it sees out.
  { name: 'web_reader', privileges: ['untrusted', 'acting'], quarantined: true },
  { name: 'inbox_reader', privileges: ['untrusted', 'sensitive'], quarantined: true },
  { name: 'ticket_reader', privileges: ['untrusted'], quarantined: true },
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

  it('quarantines a reader of untrusted content, and refuses one holding a side effect', () => {
    expect(specialistPrivileges('web', [readWeb], true)).toEqual({
      privileges: ['untrusted', 'acting'],
      quarantined: true,
    });
    expect(specialistPrivileges('web', [readWeb, sendEmail], false).quarantined).toBe(false);
    expect(() => specialistPrivileges('web', [readWeb, sendEmail], true)).toThrow(
      /while holding side-effect tools \(send_email\)/,
    );
    expect(() => specialistPrivileges('ticket', [readTicket, sendEmail], true)).toThrow(
      BoundaryViolationError,
    );
  });

  it('quarantines a reader that is untrusted and sensitive, unless it can reach outside', () => {
    expect(specialistPrivileges('inbox', [readInbox], true)).toEqual({
      privileges: ['untrusted', 'sensitive'],
      quarantined: true,
    });
    expect(specialistPrivileges('inbox', [readInbox, getCustomer], true).quarantined).toBe(true);
    expect(() => specialistPrivileges('inbox', [readInbox, readWeb], true)).toThrow(
      /sensitive data \(read_inbox\) while holding open-world tools \(read_web\)/,
    );
    expect(() => specialistPrivileges('web', [readWeb, getCustomer], true)).toThrow(
      BoundaryViolationError,
    );
  });

  it('counts an open-world read as outward for the Rule of Two', () => {
    expect(needsBoundary('auto', false, [readWeb, getCustomer])).toBe(true);
    expect(needsBoundary('auto', false, [readTicket, getCustomer])).toBe(false);
    // On the agent tier: a fetch and sensitive data are all three legs already.
    expect(() => splitForRuleOfTwo([readWeb, getCustomer], ['read_web', 'get_customer'])).toThrow(
      /Rule of Two/,
    );
    expect(splitForRuleOfTwo([readWeb, getCustomer], ['get_customer']).withheld).toEqual([readWeb]);
    // An inbox is two legs: with a send, all three.
    expect(splitForRuleOfTwo([readInbox, sendEmail], ['read_inbox']).withheld).toEqual([sendEmail]);
  });

  it('accepts a plan where untrusted content reaches the others only as fields', () => {
    const plan = {
      subtasks: [subtask('t1', 'web_reader'), subtask('t2', 'crm_mailer', ['t1'])],
    };
    expect(() => checkPlanBoundary(plan, team)).not.toThrow();
  });

  it('refuses a quarantined subtask that can reach outside and depends on sensitive data', () => {
    const plan = { subtasks: [subtask('t1', 'crm'), subtask('t2', 'web_reader', ['t1'])] };
    expect(() => checkPlanBoundary(plan, team)).toThrow(
      /with sensitive data in its context, in subtask t2, while holding tools that reach outside/,
    );
    // One that cannot reach outside may compare what it reads with sensitive data.
    const compare = { subtasks: [subtask('t1', 'crm'), subtask('t2', 'ticket_reader', ['t1'])] };
    expect(() => checkPlanBoundary(compare, team)).not.toThrow();
  });

  it('hands a reader’s sensitive data on to the subtasks that depend on it', () => {
    const fine = { subtasks: [subtask('t1', 'inbox_reader'), subtask('t2', 'mailer', ['t1'])] };
    expect(() => checkPlanBoundary(fine, team)).not.toThrow();
    const leak = {
      subtasks: [
        {
          ...subtask('t1', 'inbox_reader'),
          extract: [{ name: 'balance', type: 'number' as const, values: [] }],
        },
        subtask('t2', 'web_reader', ['t1']),
      ],
    };
    expect(() => checkPlanBoundary(leak, team)).toThrow(BoundaryViolationError);
  });

  it('lets a reader that reaches outside depend on a sensitive reader’s strings: placeholders only', () => {
    // "Open the agenda link Charlie posted in #general": the link reaches the web reader as
    // {{t1.link}}; the policy then decides the fetch.
    const link = {
      subtasks: [
        {
          ...subtask('t1', 'inbox_reader'),
          extract: [
            { name: 'link', type: 'string' as const, values: [] },
            { name: 'others', type: 'list' as const, values: [], items: 'string' as const },
          ],
        },
        subtask('t2', 'web_reader', ['t1']),
      ],
    };
    expect(() => checkPlanBoundary(link, team)).not.toThrow();
    // The default field is a string too.
    const summary = {
      subtasks: [subtask('t1', 'inbox_reader'), subtask('t2', 'web_reader', ['t1'])],
    };
    expect(() => checkPlanBoundary(summary, team)).not.toThrow();
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
