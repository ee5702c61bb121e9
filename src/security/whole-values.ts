// Whole values in text: "the user wrote it" and the tracing of short values are decided on values
// the text holds as a whole (a word, an address, a number), never on a substring of a longer one.

/** Characters that may stand right before a whole value. */
const OPENING = /[\s([{<"'«“‘:$€£]/u;
/** Punctuation that may stand right after a whole value, before a space or the end. */
const CLOSING = /[.,;:!?)\]}>"'»”’]/u;

function startsAt(text: string, start: number): boolean {
  const before = text[start - 1];
  return before === undefined || OPENING.test(before);
}

function endsAt(text: string, end: number): boolean {
  const next = text[end];
  if (next === undefined || /\s/u.test(next)) return true;
  const after = text[end + 1];
  // A possessive: "Dora's".
  if ((next === "'" || next === '’') && after === 's') return endsAt(text, end + 2);
  return CLOSING.test(next) && (after === undefined || /\s/u.test(after) || CLOSING.test(after));
}

/**
 * Whether `text` holds `value` as a whole: with a space, an opening mark or the start before it,
 * and a space, closing punctuation or the end after it. Both are compared as given (lower-case
 * them first for a case-insensitive test).
 */
export function holdsWhole(text: string, value: string): boolean {
  if (value === '') return false;
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
    const before = text[at - 1];
    // A channel or a handle the text writes with its mark: "#general", "@dora".
    const marked = (before === '#' || before === '@') && startsAt(text, at - 1);
    if ((startsAt(text, at) || marked) && endsAt(text, at + value.length)) {
      return true;
    }
  }
  return false;
}

const NUMBER = /\d+(?:[.,']\d+)*/g;

/**
 * The numbers a text writes, read both ways where the separators are ambiguous:
 * `1,240.00` is 1240; `1.240,50` is 1240.5 (and 1.2405).
 */
export function numbersIn(text: string): number[] {
  const found: number[] = [];
  for (const [token] of text.matchAll(NUMBER)) {
    const english = Number(token.replace(/[,']/g, ''));
    const european = Number(token.replace(/[.']/g, '').replace(',', '.'));
    if (Number.isFinite(english)) found.push(english);
    if (Number.isFinite(european) && european !== english) found.push(european);
  }
  return found;
}

/** A value that reads as a web address: a scheme, or a dotted host with an optional path. */
export const WEB_ADDRESS =
  /^(?:[a-z][a-z0-9+.-]*:\/\/)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:[/?#]\S*)?$/iu;

/** A web address without its scheme, `www.` and trailing slash: the same place however written. */
export function place(address: string): string {
  return address
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

/** Decides whether the user wrote a value: one the request holds as a whole. */
export interface UserValues {
  /** The request holds `value` as a whole value (case-insensitive; numbers by their value). */
  wrote(value: string | number): boolean;
}

/** The whole values of a request. */
export function userValues(request: string): UserValues {
  const text = request.toLowerCase().replace(/\s+/g, ' ');
  const numbers = new Set(numbersIn(request));
  let places: Set<string> | undefined;
  const placesOf = () =>
    (places ??= new Set(
      request
        .split(/[\s<>"'()[\]]+/)
        .map((token) => token.replace(/[.,;:!?]+$/, ''))
        .filter((token) => WEB_ADDRESS.test(token) && !token.includes('@'))
        .map(place),
    ));
  const wroteText = (value: string): boolean => {
    const lower = value.trim().toLowerCase().replace(/\s+/g, ' ');
    if (lower === '') return false;
    if (holdsWhole(text, lower)) return true;
    if (/^-?\d+(?:[.,']\d+)*$/.test(lower)) return numbersIn(lower).some((n) => numbers.has(n));
    if (WEB_ADDRESS.test(lower) && !lower.includes('@')) return placesOf().has(place(lower));
    // A list written as one value: each of its items.
    const items = lower.split(/\s*[,;]\s*/).filter(Boolean);
    return items.length > 1 && items.every((item) => wroteText(item));
  };
  return {
    wrote: (value) => (typeof value === 'number' ? numbers.has(value) : wroteText(value)),
  };
}
