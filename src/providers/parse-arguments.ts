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
