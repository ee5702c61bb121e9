import type { RunEvent } from '../core/run-event.ts';
import type { Tier } from '../core/tier.ts';
import type { ResolvedSseOptions } from './sse-options.ts';

/** The agent whose text is a tier's answer: not a specialist's, a reader's or the router's. */
const ANSWERING: Readonly<Record<Tier, string>> = {
  direct: 'direct',
  agent: 'agent',
  'multi-agent': 'manager',
};

/** One server-sent event: its name and its data as one line of JSON. */
export function sseFrame(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data) ?? 'null'}\n\n`;
}

/**
 * Turns a run's events into server-sent events. In `all` mode, each event as it is. In `final`
 * mode, only the answer, read from the stream's public events: the current tier from
 * `tier-decided`, `agent-start` and `tier-escalated`; the `text-delta`s of that tier's answering
 * agent passed on as they come (the stream reports no text a later escalation drops, with its
 * default `textDeltas: 'kept'`); when none came (a structured output, a tier that wrote its
 * answer whole), the result's string `output` at `run-finish`; then `finish`.
 */
export function runEventFrames(options: ResolvedSseOptions) {
  let tier: Tier | undefined;
  let streamed = false;
  const final = (event: RunEvent<unknown>): string[] => {
    switch (event.type) {
      case 'tier-decided':
      case 'agent-start':
        tier = event.tier;
        return [];
      case 'tier-escalated':
        tier = event.escalation.to;
        return [];
      case 'text-delta':
        if (tier === undefined || event.agent !== ANSWERING[tier]) return [];
        streamed = true;
        return [sseFrame('text', { delta: event.delta })];
      case 'run-finish': {
        const { output } = event.result;
        const text =
          !streamed && typeof output === 'string' && output !== ''
            ? [sseFrame('text', { delta: output })]
            : [];
        return [...text, sseFrame('finish', options.finish(event.result))];
      }
      default:
        return [];
    }
  };
  return {
    /** The frames one event of the run becomes. */
    of: (event: RunEvent<unknown>): string[] =>
      options.events === 'all' ? [sseFrame(event.type, event)] : final(event),
    /** The frame of the run's failure. */
    error: (error: unknown): string => sseFrame('error', options.error(error)),
  };
}
