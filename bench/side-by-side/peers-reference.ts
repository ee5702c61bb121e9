// The peer figures of /work/shared/PEERS.md (measured on a machine like this one), as ratios to
// the hand-written floor, and this run's same ratios: the harness must reproduce them within
// noise before its tierup figures are trusted.
import type { ContenderName } from './contenders/index.ts';
import { rowFigures } from './figures.ts';
import { median } from './measure.ts';
import type { Results } from './results.ts';

export interface PeerCheck {
  readonly what: string;
  readonly peer: ContenderName;
  /** PEERS.md's ratio to the floor: a range when it gave one. */
  readonly reference: readonly [number, number];
  readonly measured: number;
  /** Within 10% of the reference range. */
  readonly reproduced: boolean;
}

const TOLERANCE = 0.1;

/** PEERS.md, as ratios to its hand-written floor. */
const REFERENCE = {
  chat0: { '@openai/agents': [2.06, 2.24], 'AI SDK': [1.28, 1.35] },
  responses0: { '@openai/agents': [2.28, 2.28], 'AI SDK': [1.47, 1.47] },
  // CPU per run over 1,000 runs: 4.1 ms floor, 7.7 and 4.3 ms.
  cpu: { '@openai/agents': [7.7 / 4.1, 7.7 / 4.1], 'AI SDK': [4.3 / 4.1, 4.3 / 4.1] },
  // Fan-out wall time: 110.5 ms floor, 126.2 and 115.4 ms.
  fanOut: {
    '@openai/agents': [126.2 / 110.5, 126.2 / 110.5],
    'AI SDK': [115.4 / 110.5, 115.4 / 110.5],
  },
} as const;

export function checkPeers(results: Results): PeerCheck[] {
  const out: PeerCheck[] = [];
  const add = (
    what: string,
    peer: '@openai/agents' | 'AI SDK',
    ref: readonly [number, number],
    measured: number,
  ) =>
    out.push({
      what,
      peer,
      reference: ref,
      measured,
      reproduced: measured >= ref[0] * (1 - TOLERANCE) && measured <= ref[1] * (1 + TOLERANCE),
    });
  const agent = (api: string) => results.agent.find((row) => row.api === api && row.delayMs === 0);
  const chat = agent('chat');
  const responses = agent('responses');
  const fanOut = results.fanOut.find((row) => row.api === 'chat');
  const cpu = results.agentMemory.results;
  for (const peer of ['@openai/agents', 'AI SDK'] as const) {
    if (chat)
      add(
        'agent, Chat Completions, 0 ms: time ÷ floor',
        peer,
        REFERENCE.chat0[peer],
        rowFigures(chat)[peer].toFloor.median,
      );
    if (responses)
      add(
        'agent, Responses, 0 ms: time ÷ floor',
        peer,
        REFERENCE.responses0[peer],
        rowFigures(responses)[peer].toFloor.median,
      );
    add(
      'agent: CPU per run ÷ floor (each alone in a process)',
      peer,
      REFERENCE.cpu[peer],
      cpu[peer].cpuMsPerRun / cpu['hand-written'].cpuMsPerRun,
    );
    if (fanOut) {
      const floor = median(fanOut.samples['hand-written'].ms);
      add(
        'fan-out, 8 × 100 ms: time ÷ floor',
        peer,
        REFERENCE.fanOut[peer],
        median(fanOut.samples[peer].ms) / floor,
      );
    }
  }
  return out;
}
