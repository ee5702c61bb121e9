import type { ModelRequest } from 'tierup';
import { type ScriptedAnswer, scriptedModel } from 'tierup/testing';
import { teamAnswer } from './durable-team.ts';

/** The team's script as a scripted model (in the test process); `fails` picks calls that fail. */
export function scriptedTeam(fails: (request: ModelRequest) => boolean = () => false) {
  return scriptedModel((request): ScriptedAnswer => {
    if (fails(request)) return new Error('the model is overloaded');
    const last = request.messages.at(-1)?.content ?? '';
    const tools = (request.tools ?? []).map((tool) => tool.name);
    return teamAnswer(request.system ?? '', last, tools);
  });
}
