// A long request sets a scene before it asks: "As a student, you are given a directory... Each
// subdirectory contains... Find the total number of lines." The counts, lists and tools of the
// scene's sentences are not what it asks for. The parallelism and crossDomain scorers read a
// request of three sentences or more in the sentences that ask.

/** Where a sentence ends, in the scripts written with spaces: after . ? ! or at a line break. */
export const SENTENCE_END = /(?<=[.?!])\s+|\n+/;

/**
 * The sentences of a request of three sentences or more that say what it asks for: its first and
 * last, and with `questions` every sentence that ends with a question mark ("Was it the carrier
 * or the product pages?"). A shorter request is returned whole.
 */
export function askedSentences(text: string, questions = false): string {
  const sentences = sentencesOf(text);
  if (sentences.length < 3) return text;
  const last = sentences.length - 1;
  if (!questions) return `${sentences[0]} ${sentences[last]}`;
  return sentences.filter((s, i) => i === 0 || i === last || s.trimEnd().endsWith('?')).join(' ');
}

/**
 * The last two texts split, and their sentences: one route reads its instruction and its original
 * wording, in the parallelism and the crossDomain scorers, so each is split once.
 */
const recent: [string, string[]][] = [];

function sentencesOf(text: string): string[] {
  for (const [seen, sentences] of recent) if (seen === text) return sentences;
  const sentences = text.split(SENTENCE_END).filter((sentence) => sentence.trim() !== '');
  recent.unshift([text, sentences]);
  if (recent.length > 2) recent.pop();
  return sentences;
}
