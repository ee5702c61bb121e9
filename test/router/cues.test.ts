import { describe, expect, it } from 'vitest';
import { analyzeRequest, type RequestCues } from '../../src/router/analysis.ts';

function cue(name: keyof RequestCues, input: string): boolean {
  return analyzeRequest(input).cues[name];
}

describe('request cues', () => {
  it.each([['Where is order 30418?'], ['Has INV-2291 been paid?'], ['Close ticket #4410 please.']])(
    'identifier: %s names a record',
    (input) => {
      expect(cue('identifier', input)).toBe(true);
    },
  );

  it('identifier: a request that names no record', () => {
    expect(cue('identifier', 'Where is my order?')).toBe(false);
    expect(cue('identifier', 'Show me 3 invoices.')).toBe(false);
  });

  it.each([
    ['What is on my calendar today?'],
    ['Was steht heute an?'],
    ["Qu'est-ce qui est prévu aujourd'hui ?"],
  ])('fresh: %s asks for current state', (input) => {
    expect(cue('fresh', input)).toBe(true);
  });

  it('fresh: a request about no particular time', () => {
    expect(cue('fresh', 'What is on my calendar?')).toBe(false);
    expect(cue('fresh', 'Was steht an?')).toBe(false);
  });

  it.each([
    ["Read the complaint and draft a reply, but don't send anything yet."],
    ['Draft replies to the three open tickets.'],
    ['Prepara las respuestas sin enviar.'],
  ])('holdAction: %s holds back the action', (input) => {
    expect(cue('holdAction', input)).toBe(true);
  });

  it('holdAction: a request to send', () => {
    expect(cue('holdAction', 'Read the complaint and send a reply.')).toBe(false);
    expect(cue('holdAction', 'Prepara las respuestas y envíalas.')).toBe(false);
  });

  it.each([["What's the difference between TCP and UDP?"], ['Explain how DNS resolution works.']])(
    'knowledge: %s is a general question',
    (input) => {
      expect(cue('knowledge', input)).toBe(true);
    },
  );

  it('knowledge: a request about a record', () => {
    expect(cue('knowledge', 'Refund order 30418.')).toBe(false);
  });

  it('smallTalk: thanks and goodbyes', () => {
    expect(cue('smallTalk', "thanks, that's all for now")).toBe(true);
    expect(cue('smallTalk', 'Refund order 30418 for the customer.')).toBe(false);
  });

  it('template: asks for new text to reuse', () => {
    expect(cue('template', 'give me 3 subject lines for the launch email')).toBe(true);
    expect(cue('template', 'give me the status of the launch email')).toBe(false);
  });

  it.each([
    ['Translate this paragraph to French.'],
    ['Summarize the thread.'],
    ['Bitte den Text zusammenfassen.'],
  ])('transform: %s transforms given text', (input) => {
    expect(cue('transform', input)).toBe(true);
  });

  it('transform: a request to fetch', () => {
    expect(cue('transform', 'Where is order 30418?')).toBe(false);
    expect(cue('transform', 'Wo ist der Text?')).toBe(false);
  });

  it('reads cues from the instruction, not from pasted material', () => {
    const analysis = analyzeRequest(
      'Summarize the email below:\nHi,\nwhere is order 30418 today?\nThanks, Bob',
    );
    expect(analysis.material).toContain('order 30418');
    expect(analysis.cues.transform).toBe(true);
    expect(analysis.cues.identifier).toBe(false);
    expect(analysis.cues.fresh).toBe(false);
  });
});

describe('unreadable', () => {
  it('is true for a sentence mostly outside the Latin script', () => {
    expect(analyzeRequest('東京の今日の天気はどうですか？').unreadable).toBe(true);
  });

  it('is false for German, accents and ß included', () => {
    expect(
      analyzeRequest('Wo ist meine Bestellung? Die Lieferung ist überfällig, Grüße').unreadable,
    ).toBe(false);
  });
});
