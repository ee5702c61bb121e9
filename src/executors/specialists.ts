import { InvalidConfigError } from '../core/errors.ts';
import type { LanguageModel } from '../core/language-model.ts';
import type { AnyTool } from '../core/tool.ts';

/**
 * A specialist of the multi-agent tier, declared by you. Without declared specialists, the tier
 * makes one per tool `domain`, holding only that domain's tools, plus a `generalist` with none.
 */
export interface Specialist {
  /** How the manager names it in its plan: letters, digits, `_` and `-`. */
  readonly name: string;
  /** What it is good at, for the manager's plan. */
  readonly description: string;
  /** Its system prompt. @default 'You are the {name} specialist. {description}' */
  readonly instructions?: string;
  /** Its tools: tool objects, or names of the run's tools. @default [] */
  readonly tools?: readonly (AnyTool | string)[];
  /** Its model. @default the tier's specialist model */
  readonly model?: LanguageModel;
}

/** A specialist with its tools resolved for one run. */
export interface ResolvedSpecialist {
  readonly name: string;
  readonly description: string;
  readonly instructions: string;
  readonly tools: readonly AnyTool[];
  readonly model: LanguageModel;
}

/** The specialist for work that needs no tool. */
export const GENERALIST = 'generalist';

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The specialists of one run: the declared ones (tool names resolved against the run's tools),
 * then one per domain of the tools no declared specialist holds, then the generalist.
 * @throws {InvalidConfigError} for a bad name, a duplicate or a tool name the run does not offer.
 */
export function resolveSpecialists(
  declared: readonly Specialist[],
  tools: readonly AnyTool[],
  model: LanguageModel,
): ResolvedSpecialist[] {
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const held = new Set<string>();
  const out: ResolvedSpecialist[] = [];
  declared.forEach((specialist, i) => {
    const own = (specialist.tools ?? []).map((tool, j) => {
      const found = typeof tool === 'string' ? byName.get(tool) : tool;
      if (found === undefined) {
        throw new InvalidConfigError([
          {
            path: `specialists[${i}].tools[${j}]`,
            message: `names no tool of the run: ${String(tool)}`,
          },
        ]);
      }
      held.add(found.name);
      return found;
    });
    out.push({
      name: specialist.name,
      description: specialist.description,
      instructions:
        specialist.instructions ?? defaultInstructions(specialist.name, specialist.description),
      tools: own,
      model: specialist.model ?? model,
    });
  });
  const domains = new Map<string, AnyTool[]>();
  for (const tool of tools) {
    if (held.has(tool.name)) continue;
    const list = domains.get(tool.domain) ?? [];
    list.push(tool);
    domains.set(tool.domain, list);
  }
  for (const [domain, own] of domains) {
    const name = toName(domain);
    const description = `Work in the ${domain} domain, with its tools: ${own.map((t) => t.name).join(', ')}.`;
    out.push({
      name,
      description,
      instructions: defaultInstructions(name, description),
      tools: own,
      model,
    });
  }
  if (!out.some((s) => s.name === GENERALIST)) {
    const description = 'Reasoning, writing and analysis that need no tool.';
    out.push({
      name: GENERALIST,
      description,
      instructions: defaultInstructions(GENERALIST, description),
      tools: [],
      model,
    });
  }
  checkNames(out);
  return out;
}

function defaultInstructions(name: string, description: string): string {
  return `You are the ${name} specialist. ${description} Do only the subtask you are given and answer with its result.`;
}

/** A domain as a specialist name: characters outside the name's alphabet become `_`. */
function toName(domain: string): string {
  return domain.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'domain';
}

function checkNames(specialists: readonly ResolvedSpecialist[]): void {
  const seen = new Set<string>();
  specialists.forEach((specialist, i) => {
    if (!NAME.test(specialist.name)) {
      throw new InvalidConfigError([
        { path: `specialists[${i}].name`, message: 'must be 1-64 letters, digits, `_` or `-`' },
      ]);
    }
    if (seen.has(specialist.name)) {
      throw new InvalidConfigError([
        {
          path: `specialists[${i}].name`,
          message: `duplicates the specialist \`${specialist.name}\``,
        },
      ]);
    }
    seen.add(specialist.name);
  });
}
