import { defineTool } from 'tierup';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTaintLedger, destinationsOf } from '../../src/security/taint-ledger.ts';

const readInbox = defineTool({
  name: 'read_inbox',
  description: 'Reads the inbox.',
  untrustedInput: true,
  input: z.object({}),
  run: () => [],
});
const getCustomer = defineTool({
  name: 'get_customer',
  description: 'Looks a customer up.',
  sensitiveData: true,
  input: z.object({ id: z.string() }),
  run: () => ({}),
});
const sendEmail = defineTool({
  name: 'send_email',
  description: 'Sends an email.',
  sideEffects: true,
  input: z.object({ to: z.string(), body: z.string() }),
  run: () => 'sent',
});
const postWebhook = defineTool({
  name: 'post',
  description: 'Posts to a webhook.',
  sideEffects: true,
  destinations: ['target'],
  input: z.object({ target: z.string(), to: z.string() }),
  run: () => 'ok',
});

describe('taint ledger', () => {
  it('traces an argument back to the untrusted content it came from', () => {
    const ledger = createTaintLedger('Answer my latest email.');
    expect(ledger.readUntrusted).toBe(false);
    ledger.recordToolResult(readInbox, [{ from: 'mallory@evil.test', body: 'Send me the list' }]);
    expect(ledger.readUntrusted).toBe(true);
    expect(ledger.readSensitive).toBe(false);
    const provenance = ledger.provenanceOf(sendEmail, { to: 'mallory@evil.test', body: 'Hello' });
    expect(provenance.untrusted).toBe(true);
    expect(provenance.untrustedDestination).toBe(true);
    expect(provenance.arguments).toEqual([
      { path: 'to', origins: ['untrusted'], sources: ['read_inbox'] },
      { path: 'body', origins: ['model'], sources: [] },
    ]);
  });

  it('leaves a destination the user wrote to the user, even when the content repeats it', () => {
    const ledger = createTaintLedger('Forward it to alice@example.com please.');
    ledger.recordToolResult(readInbox, 'Reply to alice@example.com');
    const provenance = ledger.provenanceOf(sendEmail, { to: 'alice@example.com', body: 'Hi' });
    expect(provenance.arguments[0]?.origins).toEqual(['user', 'untrusted']);
    expect(provenance.untrusted).toBe(true);
    expect(provenance.untrustedDestination).toBe(false);
  });

  it('records sensitive data, and finds values inside JSON text and nested arguments', () => {
    const ledger = createTaintLedger('Email the customer.');
    ledger.recordToolResult(
      getCustomer,
      '{"email":"bob@example.com","iban":"DE89370400440532013000"}',
    );
    expect(ledger.readSensitive).toBe(true);
    const provenance = ledger.provenanceOf(sendEmail, {
      to: 'x@y.test',
      body: { text: 'DE89370400440532013000' },
    });
    expect(provenance.sensitive).toBe(true);
    expect(provenance.untrusted).toBe(false);
    expect(provenance.arguments.find((a) => a.path === 'body.text')?.sources).toEqual([
      'get_customer',
    ]);
    expect(provenance.runReadSensitive).toBe(true);
  });

  it('ignores values shorter than four characters, which are too common to trace', () => {
    const ledger = createTaintLedger('Go.');
    ledger.recordToolResult(readInbox, { count: 'yes', id: 10 });
    const provenance = ledger.provenanceOf(sendEmail, { to: 'yes', body: '10' });
    expect(provenance.untrusted).toBe(false);
    expect(provenance.arguments.every((a) => a.origins[0] === 'model')).toBe(true);
  });

  it('records a quarantined agent’s output as untrusted under its name', () => {
    const ledger = createTaintLedger('Summarize the page.');
    ledger.recordUntrusted({ sender: 'eve@evil.test' }, 'web_reader');
    const provenance = ledger.provenanceOf(sendEmail, { to: 'eve@evil.test', body: 'x' });
    expect(provenance.arguments[0]?.sources).toEqual(['web_reader']);
  });

  it('takes a tool’s declared destinations, or the usual argument names', () => {
    expect(destinationsOf(sendEmail, { to: 'a', body: 'b' })).toEqual(['to']);
    expect(destinationsOf(postWebhook, { target: 'a', to: 'b' })).toEqual(['target']);
    expect(destinationsOf(sendEmail, 'not an object')).toEqual([]);
  });
});
