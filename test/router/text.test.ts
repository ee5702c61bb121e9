import { describe, expect, it } from 'vitest';
import { identifierWords, normalize, stem, words } from '../../src/router/text.ts';

describe('normalize', () => {
  it('folds case and diacritics', () => {
    expect(normalize('Müller')).toBe('muller');
    expect(normalize('ÉTÉ à Zürich')).toBe('ete a zurich');
    expect(normalize('Façade')).toBe('facade');
  });

  it('folds ß to ss', () => {
    expect(normalize('Straße')).toBe('strasse');
    expect(normalize('Maß')).toBe('mass');
  });

  it('lower-cases pure ASCII text without changing anything else', () => {
    expect(normalize('Where is ORDER 30418?')).toBe('where is order 30418?');
  });
});

describe('words', () => {
  it('splits on anything that is not a letter or a digit', () => {
    expect(words('hello, world! foo-bar_baz/qux 42x')).toEqual([
      'hello',
      'world',
      'foo',
      'bar',
      'baz',
      'qux',
      '42x',
    ]);
  });

  it('returns no words for text without letters or digits', () => {
    expect(words(' -- ?! ')).toEqual([]);
  });
});

describe('identifierWords', () => {
  it.each([
    ['getOrder', ['get', 'order']],
    ['crm.lookup_account', ['crm', 'lookup', 'account']],
    ['patient/get-record', ['patient', 'get', 'record']],
    ['HTTPServer', ['http', 'server']],
    ['parseHTTPResponse', ['parse', 'http', 'response']],
  ])('splits %s', (identifier, expected) => {
    expect(identifierWords(identifier)).toEqual(expected);
  });
});

describe('stem', () => {
  it.each([
    ['invoice', ['invoices', 'invoicing', 'invoiced']],
    ['order', ['orders', 'ordered', 'ordering']],
    ['rate', ['rates']],
    ['shipping', ['shipment', 'shipped', 'ships']],
  ])('conflates %s with %j', (word, variants) => {
    const expected = stem(word);
    for (const variant of variants) expect(stem(variant)).toBe(expected);
  });

  it('produces the documented stems', () => {
    expect(stem('invoices')).toBe('invoic');
    expect(stem('orders')).toBe('order');
    expect(stem('shipped')).toBe('ship');
  });

  it('keeps different words apart', () => {
    expect(stem('order')).not.toBe(stem('invoice'));
    expect(stem('rate')).not.toBe(stem('route'));
  });

  it('keeps at most six characters', () => {
    expect(stem('internationalization')).toBe('intern');
    expect(stem('reconciliation')).toHaveLength(6);
    for (const word of ['accounts', 'subscriptions', 'availability', 'factura', 'facture']) {
      expect(stem(word).length).toBeLessThanOrEqual(6);
    }
    expect(stem('factura')).toBe(stem('facture'));
  });

  it('leaves short words alone', () => {
    expect(stem('bus')).toBe('bus');
    expect(stem('ids')).toBe('ids');
  });
});
