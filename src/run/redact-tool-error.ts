/**
 * What the model is told of a tool's error by default: the error's text with what tells an
 * attacker about the service's insides replaced: URLs, IPv4 and IPv6 addresses, `host:port`,
 * and absolute file paths. The rest (the message, a system code such as `ECONNREFUSED`) stays,
 * so the model can still tell the user what went wrong or try another way. A bare host name
 * without a port stays too: it cannot be told from a word such as `order.total`.
 *
 * @example
 * redactToolError('Error: orders DB is down (ECONNREFUSED 10.0.0.5:5432)');
 * // 'Error: orders DB is down (ECONNREFUSED [address])'
 */
export function redactToolError(text: string): string {
  let out = text;
  for (const [pattern, replace] of REPLACEMENTS) {
    out = out.replace(pattern, typeof replace === 'string' ? () => replace : replace);
  }
  return out;
}

type Replace = string | ((match: string) => string);

const REPLACEMENTS: readonly (readonly [RegExp, Replace])[] = [
  // scheme://anything up to white space or a closing quote or bracket
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>()[\]{}]+/gi, '[url]'],
  // [IPv6]:port
  [/\[[0-9a-f:.]+\](?::\d{1,5})?/gi, '[address]'],
  // IPv6: with `::` or five groups at least, so that a time (10:30:00) stays
  [
    /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/gi,
    (match) => (match.includes('::') || match.split(':').length >= 5 ? '[address]' : match),
  ],
  // IPv4, with its port if any
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b/g, '[address]'],
  // host:port (a dotted name or localhost)
  [/\b(?:localhost|(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*):\d{1,5}\b/gi, '[address]'],
  // absolute paths: /a/b (two segments or more), ~/a/b, C:\a
  [/(?<![\w.~/-])~?\/(?:[\w.@-]+\/)+[\w.@-]*/g, '[path]'],
  [/\b[A-Za-z]:\\[^\s'"<>|]+/g, '[path]'],
];
