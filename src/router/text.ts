/**
 * Text analysis shared by the default scorers: normalization, tokenization and a light,
 * language-agnostic stemmer. Everything here is deterministic and allocation-light, since the
 * router runs on every request.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WORD = /[a-z0-9]+/g;

/**
 * A character that normalizing may change: outside ASCII, except « and », which have no
 * decomposition and mark where a request's quotations were taken out (material.ts).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: testing for the ASCII range
const DECOMPOSABLE = /[^\u0000-\u007f\u00ab\u00bb]/;

/** Lower-cases, folds diacritics (é → e, ü → u) and `ß` → `ss`. */
/** A typographic apostrophe ("that’s", "I’d"): the patterns are written with the plain one. */
const CURLY_APOSTROPHE = /[\u2018\u2019\u02bc]/g;

export function normalize(text: string): string {
  const lower = text.toLowerCase();
  // Fast path: ASCII (with « and ») needs no Unicode decomposition.
  if (!DECOMPOSABLE.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(/ß/g, 'ss')
    .replace(CURLY_APOSTROPHE, "'");
}

/** Splits normalized text into words of letters and digits. */
export function words(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}

/** Splits an identifier (`getOrder`, `crm.lookup_account`, `patient/get-record`) into words. */
export function identifierWords(identifier: string): string[] {
  const spaced = identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2');
  return words(normalize(spaced));
}

const SUFFIXES = [
  'ations',
  'ation',
  'ments',
  'ment',
  'ings',
  'ing',
  'ies',
  'ed',
  'es',
  'ly',
  's',
] as const;
/** The shortest stem a suffix may leave. */
const MIN_STEM = 3;

/** How many leading characters of a stripped word form its stem. */
const STEM_LENGTH = 6;

/**
 * A light stemmer that works tolerably across English and the Romance and Germanic languages:
 * strips one common English ending, undoubles a final consonant, then keeps the first six
 * characters, so `invoices`, `invoicing`, `factura` and `facture` meet as `invoic` / `factur`.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > MIN_STEM) {
    for (const suffix of SUFFIXES) {
      if (w.length - suffix.length >= MIN_STEM && w.endsWith(suffix)) {
        w = suffix === 'ies' ? `${w.slice(0, -3)}y` : w.slice(0, -suffix.length);
        break;
      }
    }
    if (w.length > MIN_STEM && w.endsWith('e')) w = w.slice(0, -1);
    const n = w.length;
    if (
      n > MIN_STEM &&
      w.charCodeAt(n - 1) === w.charCodeAt(n - 2) &&
      !/[aeiou0-9]/.test(w[n - 1] ?? '')
    ) {
      w = w.slice(0, -1);
    }
  }
  return w.length > STEM_LENGTH ? w.slice(0, STEM_LENGTH) : w;
}
