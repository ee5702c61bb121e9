import { z } from 'zod';
import { CallSettingsShape } from '../core/call-settings.ts';
import { InvalidConfigError } from '../core/errors.ts';
import type { CallSettings, LanguageModel } from '../core/language-model.ts';
import type { Privilege } from '../core/security.ts';
import { type AnyTool, isTool } from '../core/tool.ts';
import {
  defaultSpecialistInstructions,
  QUARANTINED_SPECIALIST_NOTE,
} from '../prompts/team-prompts.ts';
import { modelSchema, uniqueNames } from '../run/option-schemas.ts';
import { specialistPrivileges } from '../security/boundary.ts';

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
  /** Settings of its model calls, over those of the specialists (`settings.specialist`). */
  readonly settings?: CallSettings;
}

/** A specialist with its tools resolved for one run. */
export interface ResolvedSpecialist {
  readonly name: string;
  readonly description: string;
  readonly instructions: string;
  readonly tools: readonly AnyTool[];
  readonly model: LanguageModel;
  /** What its tools let it do. */
  readonly privileges: readonly Privilege[];
  /**
   * Under a security boundary: it reads untrusted content, holds no other privilege, and hands
   * on only the structured fields the manager asks for.
   */
  readonly quarantined: boolean;
}

/** The specialist for work that needs no tool. */
export const GENERALIST = 'generalist';

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The specialists of one run: the declared ones (tool names resolved against the run's tools),
 * then one per domain of the tools no declared specialist holds, then the generalist. Under a
 * security boundary a domain's untrusted-content tools go to a quarantined `{domain}_reader`
 * apart from its other tools, and no specialist may hold untrusted content with anything else.
 * @throws {InvalidConfigError} for a bad name, a duplicate or a tool name the run does not offer.
 * @throws {BoundaryViolationError} under a boundary, for a specialist or tool that would break it.
 */
export function resolveSpecialists(
  declared: readonly Specialist[],
  tools: readonly AnyTool[],
  model: LanguageModel,
  boundary = false,
): ResolvedSpecialist[] {
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const held = new Set<string>();
  const out: ResolvedSpecialist[] = [];
  const add = (
    name: string,
    description: string,
    instructions: string | undefined,
    own: readonly AnyTool[],
    ownModel: LanguageModel,
  ) => {
    const { privileges, quarantined } = specialistPrivileges(name, own, boundary);
    out.push({
      name,
      description,
      instructions:
        (instructions ?? defaultSpecialistInstructions(name, description)) +
        (quarantined ? QUARANTINED_SPECIALIST_NOTE : ''),
      tools: own,
      model: ownModel,
      privileges,
      quarantined,
    });
  };
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
    add(
      specialist.name,
      specialist.description,
      specialist.instructions,
      own,
      specialist.model ?? model,
    );
  });
  const domains = new Map<string, AnyTool[]>();
  for (const tool of tools) {
    if (held.has(tool.name)) continue;
    // Under a boundary, a domain's readers of untrusted content are a specialist of their own.
    const key = boundary && tool.untrustedInput ? `${tool.domain}\u0000reader` : tool.domain;
    const list = domains.get(key) ?? [];
    list.push(tool);
    domains.set(key, list);
  }
  for (const [key, own] of domains) {
    const [domain = key, reader] = key.split('\u0000');
    const name = toName(domain) + (reader ? '_reader' : '');
    const description = reader
      ? `Reads untrusted ${domain} content (quarantined), with its tools: ${own.map((t) => t.name).join(', ')}.`
      : `Work in the ${domain} domain, with its tools: ${own.map((t) => t.name).join(', ')}.`;
    add(name, description, undefined, own, model);
  }
  if (!out.some((s) => s.name === GENERALIST)) {
    add(GENERALIST, 'Reasoning, writing and analysis that need no tool.', undefined, [], model);
  }
  checkNames(out);
  return out;
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

/**
 * The schema of declared specialists, checked before any run: names, descriptions, tools (names
 * or tools) and models that can call tools.
 */
export const SpecialistList = z
  .array(
    z.looseObject({
      name: z.string().regex(NAME, 'must be 1-64 letters, digits, `_` or `-`'),
      description: z
        .string()
        .refine((text) => text.trim() !== '', 'must be a sentence on what it is good at'),
      instructions: z.string().optional(),
      tools: z
        .array(
          z.custom<AnyTool | string>(
            (tool) => typeof tool === 'string' || isTool(tool),
            'must be a tool name or a tool made with `defineTool`',
          ),
        )
        .optional(),
      model: modelSchema({ tools: true }).optional(),
      settings: CallSettingsShape.optional(),
    }),
  )
  .superRefine(uniqueNames('specialist'));
