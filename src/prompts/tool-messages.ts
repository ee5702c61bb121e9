/** What a model is told when a tool call it asked for did not run, or failed. */
export const toolMessages = {
  unknown: (name: string, known: readonly string[]) =>
    `Unknown tool \`${name}\`. Tools you can call: ${known.join(', ') || 'none'}.`,
  invalidArguments: (name: string, problems: string) =>
    `Invalid arguments for \`${name}\`: ${problems}. Fix them and call again.`,
  denied: (reason: string) => `Denied by policy: ${reason}. Do not retry this call.`,
  notApproved: (reason: string) => `Not approved: ${reason}. Do not retry this call.`,
  timedOut: (name: string, ms: number) => `Tool \`${name}\` timed out after ${ms} ms.`,
  failed: (name: string, error: string) => `Tool \`${name}\` failed: ${error}`,
  /** The end of a result cut to the model's limit. */
  cut: (more: number) => `… [${more} more characters cut]`,
};
