import { type ScriptedAnswer, scriptedModel } from 'tierup/testing';
import { teamAnswer } from './durable-team.ts';

/** The team's script as a scripted model (in the test process). */
export function scriptedTeam() {
  return scriptedModel((request): ScriptedAnswer => {
    const last = request.messages.at(-1)?.content ?? '';
    const tools = (request.tools ?? []).map((tool) => tool.name);
    return teamAnswer(request.system ?? '', last, tools);
  });
}
