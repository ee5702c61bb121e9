/**
 * Tool arguments arrive as a JSON string; a string that is not JSON is passed on as it is, for
 * the tool's schema to reject (the model then sees why). An empty string is no arguments.
 */
export function parseArguments(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Structured output arrives as JSON text; no text, or text that is not JSON, is no output
 * (`undefined`), for the caller to repair or reject.
 */
export function parseOutput(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
