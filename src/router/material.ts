/**
 * Splits a request into the instruction (what the user asks) and the material it carries
 * (a pasted email, table, log, code or quotation). Cues of need are read from the instruction;
 * material answers many requests by itself.
 */
export interface SplitRequest {
  readonly instruction: string;
  readonly material: string;
}

/** A quotation of 40+ characters; a single-quoted one must open and close at word edges, not at "it's". */
const QUOTED = /["“”«»„][^"“”«»„]{40,}["“”«»„]|(?<=^|[\s:(])'[^'\n]{40,}'(?=$|[\s.,;:!?)])/g;
const MATERIAL_LINE =
  /^\s*(>|\||[-*•]\s|\d+[.)]\s|#\d|```|[{}[\]<]|(at|SELECT|FROM|WHERE|GROUP|ORDER|UPDATE|INSERT|def|function|const|let|return|import|export|for|if|async|print)\b|[A-Za-z_]+\s*[:=|,]\s*\S)/;

/** Splits the request text; both parts are the original text, not normalized. */
export function splitRequest(input: string): SplitRequest {
  let instruction = input;
  let material = '';
  const quoted = /["“”«»„]|(^|[\s:(])'/.test(instruction) ? instruction.match(QUOTED) : null;
  if (quoted) {
    material = quoted.join('\n');
    instruction = instruction.replace(QUOTED, ' « » ');
  }
  const lines = instruction.split('\n');
  if (lines.length < 3) return { instruction, material };

  // The first paragraph is the instruction when later lines look like pasted content:
  // a blank line or a colon ends the instruction, structured lines are material.
  const kept: string[] = [];
  const pasted: string[] = [];
  let inMaterial = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!inMaterial && i > 0) {
      const previous = (lines[i - 1] ?? '').trimEnd();
      if (previous.endsWith(':') || (previous === '' && MATERIAL_LINE.test(line)))
        inMaterial = true;
    }
    if (
      inMaterial &&
      line.trim() !== '' &&
      !MATERIAL_LINE.test(line) &&
      isProseAfterMaterial(lines, i)
    ) {
      inMaterial = false;
    }
    (inMaterial ? pasted : kept).push(line);
  }
  return {
    instruction: kept.join('\n'),
    material: [material, ...pasted].filter(Boolean).join('\n'),
  };
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
