/** A scripted routing judgement: the model's answer to `routeAssisted`, with its usage. */
export const verdict = (toolUse: boolean) => ({
  output: {
    toolUse,
    crossDomain: false,
    securityBoundary: false,
    parallelism: false,
    reason: 'checked',
  },
  usage: { inputTokens: 120, outputTokens: 20 },
});
