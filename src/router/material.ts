/**
 * Splits a request into the instruction (what the user asks) and the material it carries
 * (a pasted email, table, log, code or quotation). Cues of need are read from the instruction;
 * material answers many requests by itself.
 */
export interface SplitRequest {
  readonly instruction: string;
  readonly material: string;
}

/** A quotation this long is material, not part of the instruction. */
const MIN_QUOTE = 40;
/** A rule ("---"), or a log line's opening: an IP address, a date and time, a log level. */
const OPENING = String.raw`(?:-{3,}|={3,}|_{3,}|\*{3,})\s*$|\d{1,3}(?:\.\d{1,3}){3}\b|\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL)\b`;
/**
 * A line of pasted content: a quote, a table row, a list item, code, a key and value; a rule of
 * dashes, equals signs, underscores or asterisks that sets a text apart ("---"); a log line opening with an IP address, a
 * date and time or a log level.
 */
const MATERIAL_LINE = new RegExp(
  String.raw`^\s*(>|\||[-*•]\s|\d+[.)]\s|#\d|\x60{3}|[{}[\]<]|(at|SELECT|FROM|WHERE|GROUP|ORDER|UPDATE|INSERT|def|function|const|let|return|import|export|for|if|async|print)\b|[A-Za-z_]+\s*[:=|,]\s*\S|${OPENING})`,
);

/**
 * Splits the request text; both parts are the original text, not normalized, except that HTML
 * line breaks (`<br>`), which text copied from a web form keeps, are line breaks.
 */
export function splitRequest(text: string): SplitRequest {
  const input = text.replace(LINE_BREAK_TAG, '\n');
  const split = splitMaterial(input);
  // A request that is all quotation or all list is its own instruction, not pasted material.
  return WORD.test(split.instruction) ? split : { instruction: input, material: '' };
}

/** An HTML line break: `<br>`, `<br/>`, `<br />`. */
const LINE_BREAK_TAG = /<br\s*\/?>/gi;

/** A word: without one outside the material, the split was wrong. */
const WORD = /\p{L}{2}/u;

function splitMaterial(input: string): SplitRequest {
  const { rest: instruction, quotes } = extractQuotes(input);
  const material = quotes.join('\n');
  const lines = instruction.split('\n');
  if (lines.length < 2) {
    // "Summarize this email: my parcel arrived damaged...": what follows the colon is the text.
    const announced = ANNOUNCED_TEXT.exec(instruction);
    if (!announced) return { instruction, material };
    const [, asked = '', text = ''] = announced;
    return { instruction: asked, material: [material, text].filter(Boolean).join('\n') };
  }

  // The first paragraph is the instruction when later lines look like pasted content:
  // a blank line or a colon ends the instruction, structured lines are material.
  const kept: string[] = [];
  const pasted: string[] = [];
  const block = blockLines(lines);
  // "<context>\n\nQuestion: ..." : what comes before a labelled question is the context it is
  // asked about, except lines that announce it ("Here is the email:").
  const asked = lines.findIndex((line, i) => i > 0 && INSTRUCTION_LABEL.test(line));
  if (asked > 0) {
    for (let i = 0; i < asked; i++) {
      if (!(lines[i] ?? '').trimEnd().endsWith(':')) block[i] = 1;
    }
  }
  let inMaterial = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (block[i] === 1) {
      pasted.push(line);
      continue;
    }
    if (INSTRUCTION_LABEL.test(line)) {
      // "Question: ..." after pasted content asks what the request is about.
      inMaterial = false;
      kept.push(line);
      continue;
    }
    if (!inMaterial && i > 0) {
      const previous = (lines[i - 1] ?? '').trimEnd();
      if (
        previous.endsWith(':') ||
        (previous === '' && MATERIAL_LINE.test(line) && !isSentenceAfterOpener(lines, i))
      )
        inMaterial = true;
    }
    if (
      inMaterial &&
      pasted.some((p) => p.trim() !== '') &&
      line.trim() !== '' &&
      !MATERIAL_LINE.test(line) &&
      isProseAfterMaterial(lines, i)
    ) {
      inMaterial = false;
    }
    (inMaterial ? pasted : kept).push(line);
  }
  return {
    // Every line kept (each line goes to one list, in order): the text as it was, not joined again.
    instruction: kept.length === lines.length ? instruction : kept.join('\n'),
    // Most requests paste nothing outside quotations: the quotations are then all the material.
    material: pasted.length === 0 ? material : [material, ...pasted].filter(Boolean).join('\n'),
  };
}

/**
 * A one-line request that announces a text and gives it after a colon ("Summarize this email:
 * ...", "Given the following paragraph, extract the names: ..."): the text is material.
 */
const ANNOUNCED_TEXT =
  /^(.{0,160}?\b(?:the following|this|these|that|below|here(?:'s| is| are))\s+(?:\w+\s+){0,2}?(?:paragraphs?|texts?|passages?|arguments?|e-?mails?|messages?|reviews?|articles?|stor(?:y|ies)|poems?|sentences?|statements?|abstracts?|excerpts?|quotes?|transcripts?|letters?|posts?|tweets?|comments?|feedback|notes?|conversations?|dialogues?|essays?|headlines?|descriptions?|complaints?|announcements?|press releases?|documents?|code|snippets?|scripts?|quer(?:y|ies)|json|logs?|errors?)\b[^:]{0,80}):\s*(\S.{19,})$/is;

/** A line that labels itself as what the user asks. */
const INSTRUCTION_LABEL =
  /^\s*(question|q|task|instructions?|request|query|frage|aufgabe|pregunta|tarea|domanda)\s*:/i;

/** Rows of a pasted table, this many in a row or more, are material wherever they stand. */
const MIN_TABLE_ROWS = 3;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const FENCE = /^\s*```/;

/**
 * Marks (1) the lines of fenced code blocks and of runs of table rows: pasted content wherever it
 * stands, even before the instruction or without a colon announcing it.
 */
function blockLines(lines: readonly string[]): Uint8Array {
  const marked = new Uint8Array(lines.length);
  let fenceOpen = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE.test(lines[i] ?? '')) continue;
    if (fenceOpen < 0) fenceOpen = i;
    else {
      marked.fill(1, fenceOpen, i + 1);
      fenceOpen = -1;
    }
  }
  let run = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && TABLE_ROW.test(lines[i] ?? '')) {
      run++;
      continue;
    }
    if (run >= MIN_TABLE_ROWS) marked.fill(1, i - run, i);
    run = 0;
  }
  return marked;
}

/** A block that opens with a rule or a log line's opening (see {@link OPENING}). */
const OPENER = new RegExp(String.raw`^\s*(?:${OPENING})`);
const RULE = /^\s*(?:-{3,}|={3,}|_{3,}|\*{3,})\s*$/;
const SENTENCE_END = /[.?!]\s*$/;

/**
 * A block that opens with a rule or a log line's opening but holds one line, a sentence, is the
 * user's own text: "---" then "Then email it to the team.", "10.0.0.5 is down, restart it." A
 * pasted log or a text set apart by rules runs over lines, or its line ends as no sentence does.
 */
function isSentenceAfterOpener(lines: readonly string[], i: number): boolean {
  if (!OPENER.test(lines[i] ?? '')) return false;
  const content: string[] = [];
  for (let j = i; j < lines.length && (lines[j] ?? '').trim() !== ''; j++) {
    if (RULE.test(lines[j] ?? '')) continue;
    content.push(lines[j] ?? '');
    if (content.length > 1) return false;
  }
  return content.length === 1 && SENTENCE_END.test(content[0] ?? '');
}

/** A line of plain prose after a blank line, following material, is the instruction again. */
function isProseAfterMaterial(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? '';
  return (
    (lines[i - 1] ?? '').trim() === '' &&
    /^[A-Z][^|{}]*[.?!]$/.test(line.trim()) &&
    line.length < 200
  );
}

/**
 * Takes quotations of {@link MIN_QUOTE}+ characters out of the text: double quotes of any style,
 * or single quotes that open and close at word edges.
 */
function extractQuotes(text: string): { rest: string; quotes: string[] } {
  const quotes: string[] = [];
  let rest = '';
  let copied = 0;
  const n = text.length;
  // A single-quote scan that found no closing quote before `openFailedUntil` proves that no
  // apostrophe before that point can open one either: each is scanned once, never again.
  let openFailedUntil = -1;
  for (let i = 0; i < n; i++) {
    // Jump to the next quotation mark or apostrophe: most characters are neither.
    QUOTE_MARK.lastIndex = i;
    const next = QUOTE_MARK.exec(text);
    if (next === null) break;
    i = next.index;
    const c = text.charCodeAt(i);
    let end = -1;
    if (isDoubleQuote(c)) {
      end = indexFrom(DOUBLE_QUOTE_MARK, text, i + 1);
    } else if (
      c === APOSTROPHE &&
      i > openFailedUntil &&
      (i === 0 || opensSingle(text.charCodeAt(i - 1)))
    ) {
      end = indexFrom(SINGLE_QUOTE_END, text, i + 1);
      if (end >= n || text.charCodeAt(end) === NEWLINE) openFailedUntil = end;
    } else continue;
    if (end >= n || text.charCodeAt(end) === NEWLINE) continue;
    if (end - i - 1 < MIN_QUOTE) {
      // A short quotation ("I love reading books.") stays in the instruction; its closing mark
      // opens nothing: quotation marks pair in turn.
      i = end;
      continue;
    }
    quotes.push(text.slice(i + 1, end));
    rest += `${text.slice(copied, i)} « » `;
    copied = end + 1;
    i = end;
  }
  return { rest: copied === 0 ? text : rest + text.slice(copied), quotes };
}

const APOSTROPHE = 0x27;
const QUOTE_MARK = /["“”«»„']/g;
const DOUBLE_QUOTE_MARK = /["“”«»„]/g;
/** What ends a single-quoted passage: a closing quote at a word edge, or the end of the line. */
const SINGLE_QUOTE_END = /'(?=$|[\s.,;:!?)])|\n/g;

/** Index of the next match of a global pattern from `from`, or the text's length. */
function indexFrom(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? text.length;
}
const NEWLINE = 0x0a;

/** " “ ” « » „ */
function isDoubleQuote(c: number): boolean {
  return c === 0x22 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e;
}

/** White space, a colon or an opening parenthesis before a single quote opens a quotation. */
function opensSingle(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === NEWLINE || c === 0x3a || c === 0x28;
}
