import { FRESH, OWNED, RECORD_ID } from './cues.ts';
import { SENTENCE_END } from './features/asked-sentences.ts';

// A request often says what the answer should look like: "Your response must contain exactly 3
// bullet points", "Wrap the entire output in JSON", "Answer in all capital letters", "Give two
// different responses separated by ******", "First repeat the request word for word". Such a
// sentence shapes the reply; it asks for no tool and no separate piece of work. Read as the task,
// its words match tools ("JSON" a code runner, "file" a document search, "email format" an email
// tool) and its counts read as items of parallel work (data/routing/GUIDE.md: listing items is
// one task). The scorers read the request without them.

/** A piece of the answer a sentence may open with as its subject ("Your entire response should..."). */
const ANSWER_SUBJECT =
  /^(?:(?:also|additionally|and|please|finally|lastly|moreover|furthermore|in addition)[,:]?\s+)*(?:(?:make sure|ensure|be sure)(?: that)?(?: to)?\s+)?(?:your|the|my)\s+(?:entire\s+|whole\s+|final\s+|full\s+)?(?:response|responses|answer|answers|output|reply|replies)\b/i;

/** An opening that constrains the reply's form: "Use all lowercase letters", "Answer in JSON", "Do not use any commas". */
const FORMAT_OPENING = new RegExp(
  [
    String.raw`^(?:(?:also|additionally|and|please|finally|lastly|p\.?\s?s\.?|in addition)[,:]?\s+)*(?:(?:make sure|ensure|be sure)(?: that)?(?: to)?(?: you)?\s+)?`,
    '(?:',
    [
      // "There should be exactly 3 paragraphs", "In your response, the word X should appear..."
      String.raw`there (?:should|must) be\b`,
      String.raw`in your (?:entire |whole )?(?:response|answer|reply|output)\b`,
      // "Do not use any commas", "Refrain from using the word X", "Avoid mentioning Y"
      String.raw`(?:do not|don't|never|avoid|refrain from)\s+(?:use|using|include|including|mention|mentioning|say|saying|add|adding|contain|containing|put|putting)\b`,
      // "Answer with at least 400 words", "Respond in all capital letters", "Reply only in JSON"
      String.raw`(?:answer|respond|reply)\s+(?:only\s+)?(?:in|with|using)\b`,
      // "Wrap the entire response with double quotes", "Separate the responses with ******"
      String.raw`(?:wrap|enclose|separate|highlight|format|organi[sz]e|label|mark|italici[sz]e|bold|capitali[sz]e)\s+(?:it|them|the|your|each|every|all|at least|exactly|some|your|any|\d+)\b`,
      // "Use words in all caps at most 10 times", "Include at least 12 placeholders", "End your response with..."
      String.raw`(?:use|include|put|add|end|finish|start|begin|limit|keep)\s+(?:it\s+|your\s+(?:response|answer|reply|output)\s+)?(?:(?:with|in|using|by)\s+)?(?:(?:exactly|at least|at most|no more than|fewer than|less than|more than|only|some|the|a|an|\d+|one|two|three|four|five|six|seven|eight|nine|ten|all)\s+)*(?:words?|letters?|sentences?|paragraphs?|sections?|bullet(?: points?)?s?|placeholders?|keywords?|asterisks?|capital|lower ?case|upper ?case|all caps|caps|markdown|json|title|postscript|p\.s|quotation marks|double quotes|(?:the )?(?:word|letter|phrase)s?|exact phrase|highlight\w*|commas?|divider)\b(?!\s+(?:of (?:the|our|my|this|that|these|those|a|an)|from)\b)`,
      // "The word X should appear", "The letter t should appear at most once"
      String.raw`the (?:word|letter|phrase|keywords?)\s+\S+\s+(?:should|must)\b`,
      // "Give two different responses", "Please give exactly two different responses"
      String.raw`(?:give|provide|write)\s+(?:me\s+)?(?:exactly\s+)?(?:two|2|three|3)\s+different\s+(?:responses|answers|versions)\b`,
      // "First repeat the request word for word", "Let's repeat all text above"
      String.raw`(?:first,?\s+)?(?:let'?s\s+)?repeat\b`,
      // "It should be in Portuguese", "All sentences should be short"
      String.raw`(?:it|this|each|all|every)\s+(?:[\w-]+\s+){0,2}?(?:should|must) (?:be|have|contain|include|start|end|appear)\b`,
    ].join('|'),
    ')',
  ].join(''),
  'i',
);

/** A meta-instruction anywhere in a sentence: "repeat the request word for word". */
const REPEAT_REQUEST =
  /\b(?:repeat (?:the|this|my|all)\b[^.?!]{0,40}\b(?:request|prompt|question|text)\b|word (?:for|by) word)\b/i;

/** Something done with the answer beyond writing it: such a sentence is part of the task. */
const ACT =
  /\b(?:send\w*|sent|e-?mail(?:ed)? (?:it|this|them)|e-?mailed|post(?:s|ed|ing)?|publish\w*|sav(?:e|es|ed|ing)|stor(?:e|es|ed|ing)|logged|deliver\w*|written to|upload\w*|shar(?:e|es|ed|ing)|schedul\w*|file it|submit\w*|tweet\w*|forward\w*)\b|https?:\/\/|#\d/i;

/**
 * Quoted words ("start with 'send'") say nothing of the task. A single quotation mark opens or
 * closes a quotation only beside no letter or digit: the apostrophes of "don't" and "Bob's" are
 * none. An opening mark with no closing one ends no quotation, and the next opening mark ends the
 * search for one (linear on a text of many opening marks).
 */
const QUOTED =
  /"[^"\n]*"|“[^“”\n]*”|”[^"”\n]*["”]|‘[^‘’\n]*’|(?<![\p{L}\d])'[^'\n]*'(?![\p{L}\d])/gu;

/**
 * A unit, mark or form of the answer: a sentence about the answer names one ("exactly 3 bullet
 * points", "in JSON", "all lowercase letters", "in English"). Without one, "There must be a way
 * to book it" or "It must be delivered by Friday" is the task, not its form. The words the
 * openings themselves use are none: "your answer", "answer with", "format the", "highlight the"
 * ("Your answer should list the open tickets", "Format the spreadsheet in our drive"); several
 * responses or answers are ("Separate the responses with ******"), and so is the answer as the
 * place of what comes before ("Do not include 'can' in your response").
 */
const FORMAT_OBJECT =
  /\b(?:words?|letters?|characters?|sentences?|paragraphs?|sections?|bullet(?: points?)?s?|placeholders?|keywords?|asterisks?|symbols?|commas?|punctuation|capital(?:s|i[sz]ed)?|caps|lower ?case|upper ?case|markdown|json|xml|yaml|html|code blocks?|titles?|headings?|postscript|p\.\s?s|quotation marks|quotes|phrases?|highlight(?:s|ed|ing)|dividers?|(?<=\w )format|formatted|formatting|language|english|tone|integers?|responses|answers|replies|versions?|times|(?<=\S\s)(?:in|throughout) (?:your|the) (?:entire |whole )?(?:response|answer|reply|output))\b/i;

/** Whether a sentence only says what the answer should look like. */
export function isFormatInstruction(sentence: string): boolean {
  const text = sentence.trim().replace(QUOTED, '""');
  if (ACT.test(text)) return false;
  if (REPEAT_REQUEST.test(text)) return true;
  if (!FORMAT_OBJECT.test(text)) return false;
  // The user's data, the present or a record named there make it part of the task: "Your answer
  // should use the figures in our Q3 report", "Include the words of the latest contract", "Add
  // the words 'urgent' to ticket 4411".
  const lower = text.toLowerCase();
  if (OWNED.test(lower) || FRESH.test(lower) || RECORD_ID.test(lower)) return false;
  return ANSWER_SUBJECT.test(text) || FORMAT_OPENING.test(text);
}

/**
 * The request without the words of its sentences that only say what the answer should look like;
 * the request unchanged when it has none, or when every sentence is one (then they are the task).
 * Such a sentence at the start goes; one later keeps its place as an empty sentence (".") so that a
 * long request still ends where it did: its last sentence often says what to return ("Your output
 * should be the number of lines"), and the scene between stays the scene (`askedSentences`).
 */
export function withoutFormatInstructions(text: string): string {
  // Most requests have no such sentence: one cheap test first.
  if (!FORMAT_OBJECT.test(text) && !REPEAT_REQUEST.test(text)) return text;
  const sentences = text.split(SENTENCE_END);
  const format = sentences.map(isFormatInstruction);
  if (!format.includes(true)) return text;
  const first = format.indexOf(false);
  if (first < 0 || sentences.slice(first).every((s, i) => format[first + i] || s.trim() === ''))
    return text;
  return sentences
    .slice(first)
    .map((sentence, i) => (format[first + i] ? '.' : sentence))
    .join(' ');
}
