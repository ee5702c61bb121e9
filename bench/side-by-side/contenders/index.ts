import { agentAnswer } from '../fixtures.ts';
import { aiSdk } from './ai-sdk.ts';
import type { Contender, ContenderName, ContenderSetup } from './contender.ts';
import { handWritten } from './hand-written.ts';
import { openaiAgents } from './openai-agents.ts';
import { tierup } from './tierup.ts';

export { CONTENDERS, type Contender, type ContenderName, type Outcome } from './contender.ts';

const BUILDERS: Record<ContenderName, (setup: ContenderSetup) => Contender> = {
  'hand-written': handWritten,
  tierup,
  '@openai/agents': openaiAgents,
  'AI SDK': aiSdk,
};

/** Builds a contender by name. */
export function createContender(name: ContenderName, setup: ContenderSetup): Contender {
  return BUILDERS[name](setup);
}

/** One agent run of `steps` model calls that throws, naming `label`, unless it answered right. */
export function checkedAgentRun(
  contender: Contender,
  steps: number,
  label: string,
): () => Promise<void> {
  const expected = agentAnswer(steps);
  return async () => {
    const { output } = await contender.agent(steps);
    if (output !== expected) {
      throw new Error(`${label}: expected ${JSON.stringify(expected)}, got ${output}`);
    }
  };
}
