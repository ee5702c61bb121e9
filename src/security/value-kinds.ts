// The kinds of value a permit can single out in its source (an email address, an IBAN, a web
// address, a phone number, a handle, a channel, an amount of money), found as whole values the way
// "the user wrote it" is decided: never as part of a longer one.
import type { ValueKind } from '../core/security.ts';
import { isAmountName } from './argument-roles.ts';
import { place, WEB_ADDRESS } from './whole-values.ts';

/** One value of a kind that a text holds. */
export interface KindValue {
  /** The same value however written: an IBAN without spaces, an address lower-cased. */
  readonly key: string;
  /** As the text wrote it. */
  readonly written: string;
}

/** A leaf of what a source returned: a text, or a number and the field that held it. */
export type ContentLeaf =
  | { readonly text: string }
  | { readonly number: number; readonly field: string | undefined };

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Two letters, two check digits, then groups of four (each after the first with a digit in it),
// spaced or not, and a last short group: `DE89 3704 0044 0532 0130 00`, `GB29NWBK60161331926819`.
const IBAN =
  /(?<![A-Za-z0-9])[A-Z]{2}\d{2} ?[A-Z0-9]{4}(?: ?(?=[A-Z0-9]{0,3}\d)[A-Z0-9]{4}){1,6}(?: ?[A-Z0-9]{0,2}\d)?(?![A-Za-z0-9])/g;
const PHONE = /(?<![\p{L}\p{N}+])(?:\+|\(?0)[\d ()./-]{5,}\d(?![\p{L}\p{N}])/gu;
const HANDLE = /(?<![\p{L}\p{N}._%+-])@[\p{L}\p{N}_][\p{L}\p{N}_.-]*/gu;
const CHANNEL = /(?<![\p{L}\p{N}&#/])#[\p{L}\p{N}_][\p{L}\p{N}_-]*/gu;
const CURRENCY =
  '(?:[€$£¥₹]|\\b(?:EUR|USD|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN|CZK|INR|CNY|euros?|dollars?|pounds?)\\b)';
const NUMBER = "\\d+(?:[.,']\\d+)*";
/** A number written with its currency, either side: `98.70 EUR`, `€98.70`, `USD 5`. */
const MONEY = new RegExp(
  `${CURRENCY}\\s?(${NUMBER})|(?<![\\p{L}\\p{N}.,])(${NUMBER})\\s?${CURRENCY}`,
  'giu',
);
const TOKEN_BREAK = /[\s<>"'()[\]{}|\\^`]+/;

/**
 * The kind of a value by its shape; `text` when it has none of the others (a name, a password, a
 * number written as a word). A number, or a text that is one with or without its currency, is an
 * `amount`.
 */
export function kindOf(value: string | number): ValueKind {
  if (typeof value === 'number') return 'amount';
  const text = value.trim();
  if (whole(EMAIL, text)) return 'email';
  if (whole(IBAN, text)) return 'iban';
  if (isUrl(text)) return 'url';
  if (whole(PHONE, text) && digits(text).length >= 7) return 'phone';
  if (/^-?\d+(?:[.,']\d+)*$/.test(text) || whole(MONEY, text)) return 'amount';
  if (whole(HANDLE, text)) return 'handle';
  if (whole(CHANNEL, text)) return 'channel';
  return 'text';
}

/**
 * A value of `kind` as a {@link KindValue}, to compare by its key with what a source holds. An
 * amount written so that it reads two ways (`1,240`) has a key nothing else has.
 */
export function asKindValue(kind: ValueKind, value: string | number): KindValue {
  const written = String(value).trim();
  if (kind === 'amount') {
    const readings = typeof value === 'number' ? [value] : amountReadings(written);
    return { key: readings.length === 1 ? String(readings[0]) : `?${written}`, written };
  }
  return { key: keyOf(kind, written), written };
}

/**
 * The values of `kind` that a source's leaves hold as whole values, each once. Amounts are the
 * numbers its texts write with a currency, and its numbers in fields named like an amount
 * (`amount`, `price`, `total`, ...); `text` finds none.
 */
export function valuesOfKind(kind: ValueKind, leaves: readonly ContentLeaf[]): KindValue[] {
  const found = new Map<string, KindValue>();
  const add = (value: KindValue) => {
    if (!found.has(value.key)) found.set(value.key, value);
  };
  for (const leaf of leaves) {
    if ('text' in leaf) {
      for (const value of inText(kind, leaf.text)) add(value);
    } else if (kind === 'amount' && leaf.field !== undefined && isAmountName(leaf.field)) {
      add({ key: String(leaf.number), written: String(leaf.number) });
    }
  }
  return [...found.values()];
}

function inText(kind: ValueKind, text: string): KindValue[] {
  switch (kind) {
    case 'email':
      return matches(EMAIL, text).map((m) => ({ key: keyOf(kind, m), written: m }));
    case 'iban':
      return matches(IBAN, text).map((m) => ({ key: keyOf(kind, m), written: m }));
    case 'url':
      return text
        .split(TOKEN_BREAK)
        .map((token) => token.replace(/^[.,;:!?]+|[.,;:!?]+$/g, ''))
        .filter(mayBeUrl)
        .map((token) => ({ key: place(token), written: token }));
    case 'phone':
      return matches(PHONE, masked(text))
        .filter((m) => digits(m).length >= 7 && digits(m).length <= 15)
        .map((m) => ({ key: keyOf(kind, m), written: m.trim() }));
    case 'handle':
    case 'channel':
      return matches(kind === 'handle' ? HANDLE : CHANNEL, text).map((m) => ({
        key: keyOf(kind, m),
        written: m,
      }));
    case 'amount':
      // A number that reads two ways (`1,240`) counts as both.
      return [...masked(text).matchAll(MONEY)].flatMap((m) =>
        amountReadings(m[1] ?? m[2] ?? '').map((n) => ({ key: String(n), written: m[0].trim() })),
      );
    default:
      return [];
  }
}

/**
 * The numbers an amount reads as. A separator followed by other than three digits is the decimal
 * point (`98.70`, `98,70`), an apostrophe or a repeated separator groups thousands (`1'240`,
 * `1.240.500`), and of two different ones the last is the decimal point (`1.240,50`); a single one
 * followed by three digits reads both ways (`1,240`: 1240 or 1.24).
 */
function amountReadings(token: string): number[] {
  const text = token.replace(/'/g, '');
  const separators = [...text.matchAll(/[.,]/g)].map((m) => m[0]);
  if (!/^\d+(?:[.,]\d+)*$/.test(text)) return [];
  if (separators.length === 0) return [Number(text)];
  const last = text.lastIndexOf(separators.at(-1) as string);
  const decimal = (at: number) =>
    Number(`${text.slice(0, at).replace(/[.,]/g, '')}.${text.slice(at + 1)}`);
  const grouped = Number(text.replace(/[.,]/g, ''));
  if (text.length - last - 1 !== 3) return [decimal(last)];
  if (new Set(separators).size > 1) return [decimal(last)];
  return separators.length > 1 ? [grouped] : [grouped, decimal(last)];
}

function keyOf(kind: ValueKind, value: string): string {
  switch (kind) {
    case 'iban':
      return value.replace(/\s+/g, '').toUpperCase();
    case 'url':
      return place(value);
    case 'phone':
      return `${value.trim().startsWith('+') ? '+' : ''}${digits(value)}`;
    default:
      return value.trim().toLowerCase();
  }
}

/** A whole web address: a scheme, `www.`, or a host with a path. */
function isUrl(text: string): boolean {
  if (!mayBeUrl(text)) return false;
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^www\./i.test(text) || /^[^/?#]+[/?#]/.test(text)
  );
}

/**
 * A token that may be a web address, counted generously: a dotted host whose last label starts
 * with a letter (`bill.txt` counts, `98.70` does not).
 */
function mayBeUrl(token: string): boolean {
  if (token.includes('@') || !WEB_ADDRESS.test(token)) return false;
  const host = token.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/)[0] ?? '';
  return /\.\p{L}[\p{L}\p{N}-]*$/u.test(host);
}

/** The text with its addresses, web addresses and IBANs blanked, so that no number in them counts. */
function masked(text: string): string {
  let out = text;
  for (const pattern of [EMAIL, IBAN]) out = out.replace(pattern, (m) => ' '.repeat(m.length));
  return out
    .split(/(\s+)/)
    .map((token) => (mayBeUrl(token.replace(/[.,;:!?]+$/, '')) ? ' '.repeat(token.length) : token))
    .join('');
}

function matches(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)].map((m) => m[0].replace(/[.]+$/, ''));
}

function whole(pattern: RegExp, text: string): boolean {
  return matches(pattern, text).some((m) => m === text);
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}
