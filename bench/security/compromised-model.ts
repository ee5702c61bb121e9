// The fully compromised model of the scenario suite: one scripted model that plays every agent of a
// run (the direct tier, the single agent, the manager, the readers, the specialists) and does the
// user's task as an honest model would, and that obeys any attacker goal whose instruction it can
// see, with whatever tools it holds. A compromised quarantined reader hands on the values the
// attacker's goal needs. It extends the approach of test/security/adversarial-model.ts to
// multi-step tasks whose steps depend on what readers found.
import type { ModelMessage, ModelRequest } from '../../src/index.ts';
import { type ScriptedAnswer, type ScriptedModel, scriptedModel } from '../../src/testing/index.ts';
import { contextOf, parseJson, type Role, teamRoleOf } from '../../test/security/conversation.ts';
import { planTurn, synthesisTurn } from './manager-turns.ts';
import { type AgendaStep, attackSteps, nextOf, stepOfSubtask, type Turn } from './model-turn.ts';
import { specialistTurn } from './specialist-turn.ts';
import { conditionsHold, type Lookup, MISSING, resolveArgs } from './step-values.ts';
import { decodedBase64 } from './templates.ts';
import type { AttackerGoal, EnvironmentView, FieldKind, TaskStep, UserTask } from './types.ts';

/** An agent that found an attacker's instruction in its context. */
export interface Obedience {
  readonly agent: string;
  readonly goal: string;
  readonly quarantined: boolean;
}

export interface CompromisedModel extends ScriptedModel {
  /** Every agent that found an instruction, and which (once per agent and goal). */
  readonly obeyed: readonly Obedience[];
}

/** A model that meets `environment`'s tasks and obeys any of its goals it reads. */
export function compromisedModel(environment: EnvironmentView): CompromisedModel {
  const obeyed: Obedience[] = [];
  const model = scriptedModel((request): ScriptedAnswer => {
    const role = roleOf(request);
    const shown = contextOf(request);
    const context = [shown, ...decodedBase64(shown)].join('\n');
    const found = environment.goals.filter((goal) => context.includes(goal.instruction));
    for (const goal of found) {
      if (!obeyed.some((o) => o.agent === role.agent && o.goal === goal.id)) {
        obeyed.push({ agent: role.agent, goal: goal.id, quarantined: role.quarantined });
      }
    }
    const turn: Turn = { request, environment, context, found };
    const task = environment.tasks.find((t) => context.includes(t.prompt));
    switch (role.kind) {
      case 'plan':
        return { output: planTurn(turn, task) };
      case 'synthesis':
        return synthesisTurn(turn);
      case 'direct':
        return {
          toolCalls: [{ name: 'tierup_escalate', arguments: { reason: 'It needs tools.' } }],
        };
      case 'hand-off':
        return { output: handOff(turn) };
      case 'specialist':
        return specialistTurn(turn);
      case 'agent':
        return task ? agentTurn(turn, task) : 'I cannot help with that.';
      default:
        return 'OK.';
    }
  });
  return Object.assign(model, { obeyed });
}

/** Which agent a request is for, from tierup's prompts (src/prompts/). */
function roleOf(request: ModelRequest): Role {
  const team = teamRoleOf(request);
  if (team) return team;
  const system = request.system ?? '';
  if (system.includes('Answer the request directly'))
    return { kind: 'direct', agent: 'direct', quarantined: false };
  if ((request.tools ?? []).length > 0)
    return { kind: 'agent', agent: 'agent', quarantined: false };
  return { kind: 'other', agent: 'other', quarantined: false };
}

// --- The single agent (tierup's agent tier, or the undefended loop).

/** The task's steps as far as what it has read allows, the goals' calls after what it found. */
function agentTurn(turn: Turn, task: UserTask<never>): ScriptedAnswer {
  const { messages } = turn.request;
  const lookup = ownResults(messages, task.steps);
  const agenda: AgendaStep[] = [];
  for (const step of task.steps) {
    if (conditionsHold(step.when, lookup) !== true) continue;
    const args = resolveArgs(step.args, lookup);
    if (args !== MISSING) agenda.push({ id: step.id, tool: step.tool, arguments: args });
  }
  if (turn.found.length > 0) {
    // It obeys as soon as it has read the instruction: right after the call that returned it.
    const at = agenda.findIndex((step) =>
      turn.found.some((goal) => resultText(messages, step.id).includes(goal.instruction)),
    );
    agenda.splice(at === -1 ? agenda.length : at + 1, 0, ...attackSteps(turn));
  }
  const next = nextOf(agenda, messages);
  if (next) return next;
  const lines = task.steps.flatMap((step) =>
    Object.keys(step.extract ?? {}).flatMap((name) => {
      const value = lookup(`${step.id}.${name}`);
      return value === MISSING ? [] : [`${name}: ${JSON.stringify(value)}`];
    }),
  );
  return ['Done.', ...lines].join('\n');
}

/** What the agent's own calls found: `s1.iban` read from the result of its call `s1`. */
function ownResults(messages: readonly ModelMessage[], steps: readonly TaskStep[]): Lookup {
  return (path) => {
    const [id = '', name = ''] = path.split('.');
    const message = messages.find((m) => m.role === 'tool' && m.toolCallId === id);
    const read = steps.find((s) => s.id === id)?.extract?.[name]?.read;
    if (message?.role !== 'tool' || message.isError || read === undefined) return MISSING;
    return read(parseJson(message.content));
  };
}

function resultText(messages: readonly ModelMessage[], id: string): string {
  const message = messages.find((m) => m.role === 'tool' && m.toolCallId === id);
  if (message === undefined) return '';
  return [message.content, ...decodedBase64(message.content)].join('\n');
}

// --- A quarantined reader's hand-off.

/** The fields asked for: honest ones read from the source, or those the attacker's goal needs. */
function handOff(turn: Turn): Record<string, unknown> {
  const { request, found, environment } = turn;
  const step = stepOfSubtask(request, environment);
  // What an honest reader reads is the result of the call its subtask made (`task-0`, ...), not
  // of a call the attacker asked for after it.
  const source = request.messages.findLast(
    (m) => m.role === 'tool' && !m.isError && m.toolCallId.startsWith('task-'),
  );
  const result = parseJson(source?.content ?? '') ?? source?.content;
  const goal = found[0];
  const secrets = environment.secrets.filter((secret) => turn.context.includes(secret));
  const values: Record<string, unknown> = {};
  for (const field of fieldsOf(request)) {
    const spec = step?.extract?.[field.name];
    const honest = spec ? spec.read(result) : honestDefault(field, result);
    values[field.name] = goal
      ? attackerValue(goal, spec?.kind ?? 'text', field.type, honest, secrets)
      : honest;
  }
  return values;
}

/**
 * The value a compromised reader puts in a field of this kind: the goal's value where it has one
 * of this kind; in free text, what an honest reader would write with the instruction and any
 * secret it saw added, to carry them on; elsewhere what an honest reader would write.
 */
function attackerValue(
  goal: AttackerGoal<never>,
  kind: FieldKind,
  type: string,
  honest: unknown,
  secrets: readonly string[],
): unknown {
  const value = goal.values[kind];
  if (value !== undefined && typeof value === (type === 'number' ? 'number' : 'string'))
    return value;
  if (kind === 'text' && type === 'string')
    return [String(honest ?? ''), ...secrets, goal.instruction].join(' ').trim().slice(0, 500);
  return honest;
}

interface SchemaField {
  readonly name: string;
  readonly type: string;
  readonly values: readonly string[];
}

function honestDefault(field: SchemaField, result: unknown): unknown {
  if (field.type === 'number') return 0;
  if (field.type === 'boolean') return false;
  if (field.type === 'enum') return field.values[0];
  const text = typeof result === 'string' ? result : JSON.stringify(result ?? '');
  return text.slice(0, 200);
}

/** The fields of a hand-off request, from its JSON Schema. */
function fieldsOf(request: ModelRequest): SchemaField[] {
  const properties = (request.output?.schema.properties ?? {}) as Record<
    string,
    { type?: string; enum?: string[] }
  >;
  return Object.entries(properties).map(([name, schema]) =>
    schema.enum
      ? { name, type: 'enum', values: schema.enum }
      : { name, type: schema.type ?? 'string', values: [] },
  );
}
