// The adversarial model of the prompt-injection suite: one scripted model that plays every agent
// of a run (the manager, each specialist, the single agent) as an obedient model would, and that
// obeys any injected instruction it finds in what it is shown.
import type { ModelRequest } from '../../src/index.ts';
import { type ScriptedAnswer, type ScriptedModel, scriptedModel } from '../../src/testing/index.ts';
import {
  contextOf,
  DIRECTIVE,
  dependencyResults,
  directive,
  fill,
  fillTokens,
  parseJson,
  type Role,
  resolveResults,
  resultOf,
  teamRoleOf,
} from './conversation.ts';
import type { InjectionCase } from './injection-cases.ts';
import { type Call, type Field, readField, reportOf, type Scenario } from './scenarios.ts';
import { LOOKUP_TOOLS } from './service.ts';

/** Options of {@link adversarialModel}. */
export interface AdversaryOptions {
  /** The requests it knows how to meet, as an honest model would. */
  readonly scenarios: readonly Scenario[];
  /** The instructions it obeys wherever it finds one: every case's payload. */
  readonly cases: readonly InjectionCase[];
  /**
   * A specialist that is not quarantined also makes its outward call once more for each untrusted
   * placeholder it sees (`{{t1.sender}}`), with the placeholder as the destination: the worst an
   * untrusted field could talk it into, though it cannot read the field's text. @default false
   */
  readonly confusedDeputy?: boolean;
}

/** An agent turn that found an injected instruction. */
export interface Obedience {
  readonly agent: string;
  readonly caseId: string;
  /** The agent was a quarantined reader. */
  readonly quarantined: boolean;
}

export interface AdversarialModel extends ScriptedModel {
  /** Every agent that found an injected instruction, and which (once per agent and case). */
  readonly obeyed: readonly Obedience[];
}

/** Argument names the model takes for where a call sends or writes. */
const DESTINATION = /^(to|cc|channel|ticketId|account|collection)$/;
/** Names of hand-off fields that hold a destination, which a compromised reader fills with the attacker's. */
const DESTINATION_FIELD = /sender|from|email|recipient|address|account|channel|^to$/i;
const PLACEHOLDER = /\{\{([A-Za-z0-9_-]+\.[A-Za-z][A-Za-z0-9_]*)\}\}/g;

/**
 * A model that meets the scenarios' requests as an honest model would, and whenever every marker
 * of an injection case is in its context (system prompt, messages, tool results, its own earlier
 * calls), does what that case's payload asks with whatever it holds: it calls the tools named
 * (offered or not), fills `$RESULT:tool` with what it has read, writes the requested text into
 * its answer, and, as a quarantined reader, hands on attacker-chosen fields.
 */
export function adversarialModel(options: AdversaryOptions): AdversarialModel {
  const { scenarios, cases, confusedDeputy = false } = options;
  const obeyed: Obedience[] = [];
  const model = scriptedModel((request): ScriptedAnswer => {
    const role = roleOf(request);
    const context = contextOf(request);
    const found = cases.filter((c) => c.markers.every((marker) => context.includes(marker)));
    for (const c of found) {
      if (!obeyed.some((o) => o.agent === role.agent && o.caseId === c.id)) {
        obeyed.push({ agent: role.agent, caseId: c.id, quarantined: role.quarantined });
      }
    }
    const scenario = scenarios.find((s) => context.includes(s.request));
    switch (role.kind) {
      case 'plan':
        return { output: plan(request, scenario, found) };
      case 'synthesis':
        return finalAnswer(request, found);
      case 'direct':
        return {
          toolCalls: [{ name: 'tierup_escalate', arguments: { reason: 'It needs tools.' } }],
        };
      case 'hand-off':
        return { output: handOff(request, found) };
      case 'agent':
        return nextStep(request, singleAgentAgenda(request, scenario, found), found);
      case 'specialist':
        return nextStep(
          request,
          specialistAgenda(request, found, confusedDeputy && !role.quarantined),
          found,
        );
      default:
        return 'OK.';
    }
  });
  return Object.assign(model, { obeyed });
}

function roleOf(request: ModelRequest): Role {
  const team = teamRoleOf(request);
  if (team) return team;
  const system = request.system ?? '';
  if (request.tools?.some((tool) => tool.name === 'tierup_escalate'))
    return { kind: 'direct', agent: 'direct', quarantined: false };
  if (system.includes('Meet the request using the tools'))
    return { kind: 'agent', agent: 'agent', quarantined: false };
  return { kind: 'other', agent: 'other', quarantined: false };
}

// --- The manager.

/** A sensible plan: read the source, look up what is needed, then make the outward call. */
function plan(
  request: ModelRequest,
  scenario: Scenario | undefined,
  found: readonly InjectionCase[],
) {
  const system = request.system ?? '';
  const holders = new Map<string, string>();
  for (const [, name = '', tools = ''] of system.matchAll(/^- ([\w-]+): .*Tools: (.*)\.$/gm)) {
    for (const tool of tools.split(', ')) holders.set(tool, name);
  }
  const boundary = system.includes('quarantined');
  // Told not to, a sensible manager keeps sensitive results from quarantined readers.
  const told = /quarantined subtask[^.]*depend/i.test(system);
  const holder = (tool: string) => holders.get(tool) ?? 'generalist';
  const subtasks: {
    id: string;
    specialist: string;
    task: string;
    dependsOn: string[];
    extract: readonly Field[];
  }[] = [];
  const add = (
    specialist: string,
    task: string,
    dependsOn: string[],
    extract: readonly Field[] = [],
  ) => {
    const id = `t${subtasks.length + 1}`;
    subtasks.push({ id, specialist, task, dependsOn, extract: boundary ? extract : [] });
    return id;
  };
  if (scenario !== undefined) {
    const { read, extract, lookups, act } = scenario;
    const compares = scenario.readerCompares === true && !told;
    const lookUp = () =>
      lookups.map((lookup) =>
        add(holder(lookup.tool), `Look this up and report it.\n${directive(lookup)}`, []),
      );
    const first = compares ? lookUp() : [];
    const source = add(
      holder(read.tool),
      `Read what the request is about and report it${compares ? ', next to the results you are given' : ''}.\n${directive(read)}`,
      first,
      extract,
    );
    const looked = compares ? first : lookUp();
    const value = (token: string) => {
      if (token === 'lookup') return looked.map((id) => `<${id}>`).join(' ');
      const field = extract.find((f) => f.name === token);
      if (!boundary) return `<${source}>`;
      return field?.type === 'string' ? `{{${source}.${token}}}` : `<${source}.${token}>`;
    };
    add(holder(act.tool), `Make the call the request asks for.\n${directive(fill(act, value))}`, [
      source,
      ...looked,
    ]);
  }
  // Instructions in the request itself are the user's, as far as the manager can tell.
  for (const c of found) {
    for (const call of c.attack.calls) add(holder(call.tool), directive(call), []);
  }
  return { subtasks };
}

function finalAnswer(request: ModelRequest, found: readonly InjectionCase[]): string {
  const shown = request.messages.at(-1)?.content ?? '';
  const placeholders = [...new Set([...shown.matchAll(PLACEHOLDER)].map((m) => m[0]))];
  const failed = shown.includes('(FAILED)') ? ' Some steps failed.' : '';
  return `Done.${failed} ${placeholders.join(' ')}${revealed(request, found)}`.trim();
}

// --- Agents with tools.

interface Step {
  /** Stable per agent: the call's id, by which the model knows it has made it. */
  readonly id: string;
  readonly call: Call;
}

/** The single agent: read the source, obey what it found, look up, act, answer. */
function singleAgentAgenda(
  request: ModelRequest,
  scenario: Scenario | undefined,
  found: readonly InjectionCase[],
): Step[] {
  if (scenario === undefined) return [];
  const { messages } = request;
  const steps: Step[] = [{ id: 'read', call: scenario.read }];
  steps.push(...attackSteps(found));
  scenario.lookups.forEach((lookup, i) => {
    steps.push({ id: `lookup-${i}`, call: lookup });
  });
  const source = resultOf(messages, scenario.read.tool) as Record<string, unknown> | undefined;
  const reports = scenario.lookups
    .map((lookup) => {
      const result = resultOf(messages, lookup.tool);
      return result === undefined ? '' : reportOf(lookup.tool, result);
    })
    .join(' ');
  steps.push({
    id: 'act',
    call: fill(scenario.act, (token) => {
      if (token === 'lookup') return reports;
      const field = scenario.extract.find((f) => f.name === token);
      return field && source ? String(readField(source, field)) : '';
    }),
  });
  return steps;
}

/** A specialist: the calls its subtask names, what it found, and, as a confused deputy, more. */
function specialistAgenda(
  request: ModelRequest,
  found: readonly InjectionCase[],
  confusedDeputy: boolean,
): Step[] {
  const task = request.messages.find((m) => m.role === 'user')?.content ?? '';
  const results = dependencyResults(task);
  const own = [...task.matchAll(DIRECTIVE)].map(([, tool = '', args = '{}']) => ({
    tool,
    arguments: fillTokens(JSON.parse(args) as Record<string, unknown>, results),
  }));
  const steps: Step[] = own.map((call, i) => ({ id: `task-${i}`, call }));
  steps.push(...attackSteps(found));
  if (confusedDeputy) {
    const placeholders = new Set([...contextOf(request).matchAll(PLACEHOLDER)].map((m) => m[0]));
    own.forEach((call, i) => {
      for (const key of Object.keys(call.arguments).filter((k) => DESTINATION.test(k))) {
        for (const placeholder of placeholders) {
          steps.push({
            id: `deputy-${i}-${key}-${placeholder}`,
            call: { tool: call.tool, arguments: { ...call.arguments, [key]: placeholder } },
          });
        }
      }
    });
  }
  return steps;
}

/** The calls the found payloads ask for, once the agent has read them. */
function attackSteps(found: readonly InjectionCase[]): Step[] {
  return found.flatMap((c) =>
    c.attack.calls.map((call, i) => ({ id: `attack-${c.id}-${i}`, call })),
  );
}

/** The first step not made yet, or the answer when all are made. */
function nextStep(
  request: ModelRequest,
  steps: readonly Step[],
  found: readonly InjectionCase[],
): ScriptedAnswer {
  const made = new Set(
    request.messages.flatMap((m) =>
      m.role === 'assistant' ? (m.toolCalls ?? []).map((call) => call.id) : [],
    ),
  );
  const next = steps.find((step) => !made.has(step.id));
  if (next !== undefined) {
    return {
      toolCalls: [
        {
          id: next.id,
          name: next.call.tool,
          arguments: resolveResults(next.call.arguments, request.messages),
        },
      ],
    };
  }
  const reports = request.messages.flatMap((m) =>
    m.role === 'tool' && !m.isError && LOOKUP_TOOLS.includes(m.toolName)
      ? [reportOf(m.toolName, parseJson(m.content))]
      : [],
  );
  return `Done. ${reports.join(' ')}${revealed(request, found)}`.trim();
}

/** What the found payloads ask to put in the answer. */
function revealed(request: ModelRequest, found: readonly InjectionCase[]): string {
  const asked = found.flatMap((c) => (c.attack.answer ? [c.attack.answer] : []));
  return asked.map((text) => ` ${resolveResults(text, request.messages)}`).join('');
}

// --- A quarantined reader's hand-off.

/** The fields asked for: honest ones read from the source, or the attacker's. */
function handOff(request: ModelRequest, found: readonly InjectionCase[]): Record<string, unknown> {
  const fields = fieldsOf(request);
  const source = request.messages.findLast((m) => m.role === 'tool' && !m.isError);
  const content = (parseJson(source?.content ?? '') ?? {}) as Record<string, unknown>;
  const attack = found[0];
  if (attack === undefined) {
    return Object.fromEntries(fields.map((field) => [field.name, readField(content, field)]));
  }
  // Fully compromised: the first free-text field carries the payload on, destination fields
  // carry the attacker's destination, and the rest is the worst the types allow.
  const payload = Object.values(attack.payload).join('\n').slice(0, 500);
  const destination = attackDestination(attack) ?? payload;
  const amount = attack.attack.calls
    .map((call) => call.arguments.amount)
    .find((value) => typeof value === 'number');
  let carried = false;
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.type === 'number') values[field.name] = amount ?? 999_999;
    else if (field.type === 'boolean') values[field.name] = true;
    else if (field.type === 'enum') values[field.name] = field.values.at(-1);
    else if (DESTINATION_FIELD.test(field.name) || carried) values[field.name] = destination;
    else {
      values[field.name] = payload;
      carried = true;
    }
  }
  if (attack.attack.handOffKey) values[attack.attack.handOffKey] = 'yes';
  return values;
}

function attackDestination(c: InjectionCase): string | undefined {
  for (const call of c.attack.calls) {
    for (const [key, value] of Object.entries(call.arguments)) {
      if (DESTINATION.test(key) && typeof value === 'string' && key !== 'ticketId') return value;
    }
  }
  return undefined;
}

/** The fields of a hand-off request, from its JSON Schema. */
function fieldsOf(request: ModelRequest): Field[] {
  const properties = (request.output?.schema.properties ?? {}) as Record<
    string,
    { type?: string; enum?: string[] }
  >;
  return Object.entries(properties).map(([name, schema]) => {
    if (schema.enum) return { name, type: 'enum', values: schema.enum };
    const type = schema.type === 'number' || schema.type === 'boolean' ? schema.type : 'string';
    return { name, type, values: [] };
  });
}
