import lexicon from './data/lexicon.json' with { type: 'json' };

/**
 * Concept groups: words that mean the same thing for tool matching, across languages, from
 * data/lexicon.json. Each entry: [conceptId, words]. Words are lower case, without diacritics
 * (é -> e, ü -> u, ß -> ss), single tokens, in their base form; the router applies the same light
 * stemming to these words and to text, so the file lists base forms and irregular forms.
 */
export const CONCEPTS: readonly (readonly [string, readonly string[]])[] = Object.entries(
  lexicon.concepts as Record<string, readonly string[]>,
);
