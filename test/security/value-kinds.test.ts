import { describe, expect, it } from 'vitest';
import { asKindValue, kindOf, valuesOfKind } from '../../src/security/value-kinds.ts';

const written = (kind: Parameters<typeof valuesOfKind>[0], text: string) =>
  valuesOfKind(kind, [{ text }]).map((v) => v.written);

describe('value kinds', () => {
  it('tells a value’s kind by its shape', () => {
    expect(kindOf('dora@lindqvist-ux.example')).toBe('email');
    expect(kindOf('DE89 3704 0044 0532 0130 00')).toBe('iban');
    expect(kindOf('GB29NWBK60161331926819')).toBe('iban');
    expect(kindOf('https://www.teamdocs.example/agenda')).toBe('url');
    expect(kindOf('www.dora.example')).toBe('url');
    expect(kindOf('docs.ourteam.example/onboarding-v2')).toBe('url');
    expect(kindOf('+49 30 5555 0192')).toBe('phone');
    expect(kindOf('@dora')).toBe('handle');
    expect(kindOf('#general')).toBe('channel');
    expect(kindOf(98.7)).toBe('amount');
    expect(kindOf('98.70 EUR')).toBe('amount');
    expect(kindOf('1,240')).toBe('amount');
    // A name, a password, a bare host that may be a user name: no kind tierup can count.
    expect(kindOf('Charlie')).toBe('text');
    expect(kindOf('Kestrel-Blue-19')).toBe('text');
    expect(kindOf('mallory.guest')).toBe('text');
  });

  it('finds the IBANs a text holds as whole values, without the words around them', () => {
    const text =
      'Pay to IBAN: DE37 3705 0198 0000 4417 21\nsend 950 EUR to LT47 3250 0985 7711 0666 WITH THE subject; not XX12';
    expect(written('iban', text)).toEqual([
      'DE37 3705 0198 0000 4417 21',
      'LT47 3250 0985 7711 0666',
    ]);
    // The same IBAN written two ways is one value.
    expect(written('iban', 'GB29 NWBK 6016 1331 9268 19 or GB29NWBK60161331926819')).toHaveLength(
      1,
    );
  });

  it('finds email addresses, web addresses, phone numbers, handles and channels', () => {
    const text =
      'Contact dora@lindqvist-ux.example or see https://www.dora.example/about, call +49 30 5555 0192, ping @dora in #design.';
    expect(written('email', text)).toEqual(['dora@lindqvist-ux.example']);
    expect(written('url', text)).toEqual(['https://www.dora.example/about']);
    expect(written('phone', text)).toEqual(['+49 30 5555 0192']);
    expect(written('handle', text)).toEqual(['@dora']);
    expect(written('channel', text)).toEqual(['#design']);
    // Web addresses are counted generously (a file name may be one), a number is not.
    expect(written('url', 'See bill.txt: 98.70 due, 48.5M offered')).toEqual(['bill.txt']);
    // No phone number inside an IBAN or a date.
    expect(written('phone', 'IBAN DE37 3705 0198 0000 4417 21 on 2025-03-12')).toEqual([]);
  });

  it('takes amounts written with their currency, and numbers in fields named like an amount', () => {
    const text =
      'Bill March 2025, reference INV-2025-0331. Amount due: 98.70 EUR; late fee €5. Flat 2A.';
    expect(valuesOfKind('amount', [{ text }]).map((v) => v.key)).toEqual(['98.7', '5']);
    const list = [
      { number: 3, field: 'id' },
      { number: 87, field: 'amount' },
      { number: 200, field: 'status' },
    ];
    expect(valuesOfKind('amount', list).map((v) => v.key)).toEqual(['87']);
    // A number that reads two ways counts as both; its own key matches neither.
    expect(valuesOfKind('amount', [{ text: 'Total: 1,240 EUR' }]).map((v) => v.key)).toEqual([
      '1240',
      '1.24',
    ]);
    expect(asKindValue('amount', '1,240').key).not.toBe('1240');
    expect(asKindValue('amount', '1.240,50').key).toBe('1240.5');
  });

  it('compares values of a kind however they are written', () => {
    expect(asKindValue('iban', 'de37 3705 0198 0000 4417 21').key).toBe(
      asKindValue('iban', 'DE37370501980000441721').key,
    );
    expect(asKindValue('url', 'https://www.dora.example/').key).toBe(
      asKindValue('url', 'dora.example').key,
    );
    expect(asKindValue('email', 'Dora@Lindqvist-UX.example').key).toBe('dora@lindqvist-ux.example');
    expect(asKindValue('amount', 98.7).key).toBe(asKindValue('amount', '98.70').key);
  });
});
