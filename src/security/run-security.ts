import { z } from 'zod';
import { GuardrailTripped } from '../core/errors.ts';
import { parseOptions } from '../core/parse.ts';
import type {
  Approver,
  AuditEntry,
  Guardrail,
  GuardrailContext,
  GuardrailHop,
  Guardrails,
  Owner,
  Permit,
  Policy,
  SecurityOptions,
} from '../core/security.ts';
import { defaultPolicy } from './default-policy.ts';
import { createTaintLedger, type TaintLedger } from './taint-ledger.ts';

/** The security state of one run. */
export interface RunSecurity {
  readonly policy: Policy;
  readonly approve: Approver | undefined;
  /** The run's permits (the ledger applies them). */
  readonly permit: readonly Permit[];
  /** The user the service acts for, when declared (the ledger counts their values as written). */
  readonly owner: Owner | undefined;
  readonly ledger: TaintLedger;
  /** The request the user wrote: what the ledger counts as theirs. */
  readonly userInput: string;
  readonly audit: AuditEntry[];
  /** Runs the guardrails of a hop. @throws {GuardrailTripped} */
  check(hop: GuardrailHop, value: unknown, at?: Omit<GuardrailContext, 'hop'>): Promise<void>;
}

const HOPS: Readonly<Record<GuardrailHop, keyof Guardrails>> = {
  input: 'input',
  'tool-call': 'toolCall',
  'tool-result': 'toolResult',
  'agent-output': 'agentOutput',
  output: 'output',
};

/**
 * Checks a run's own security options (naming the one at fault; the defaults were checked when
 * given) and starts its security state.
 * @throws {InvalidConfigError}
 */
export function createRunSecurity(
  run: SecurityOptions,
  defaults: SecurityOptions,
  userInput: string,
): RunSecurity {
  // Most runs give none of their own: nothing to check.
  if (
    run.policy !== undefined ||
    run.approve !== undefined ||
    run.guardrails !== undefined ||
    run.permit !== undefined ||
    run.owner !== undefined
  ) {
    checkSecurityOptions(run);
  }
  // A run's own settings replace the defaults one by one.
  const options: SecurityOptions = {
    policy: run.policy ?? defaults.policy,
    approve: run.approve ?? defaults.approve,
    guardrails: run.guardrails ?? defaults.guardrails,
    permit: run.permit ?? defaults.permit,
    owner: run.owner ?? defaults.owner,
  };
  const guardrails = options.guardrails ?? {};
  const permit = options.permit ?? [];
  return {
    policy: options.policy ?? defaultPolicy,
    approve: options.approve,
    permit,
    owner: options.owner,
    ledger: createTaintLedger(userInput, permit, options.owner?.values),
    userInput,
    audit: [],
    async check(hop, value, at = {}) {
      const given = guardrails[HOPS[hop]];
      const list: readonly Guardrail[] =
        given === undefined ? [] : typeof given === 'function' ? [given] : given;
      for (const guardrail of list) {
        const verdict = await guardrail(value, { hop, ...at });
        if (verdict === false || (typeof verdict === 'string' && verdict !== '')) {
          throw new GuardrailTripped(
            hop,
            verdict === false ? 'the guardrail returned false' : verdict,
            at,
          );
        }
      }
    },
  };
}

/** A callback option: any function (what it returns is checked where it is called). */
export const Callback = z.custom<(...args: never[]) => unknown>(
  (value) => typeof value === 'function',
  'must be a function',
);
/** One guardrail or a list of them, checked as a list. */
const GuardrailList = z.preprocess(
  (value) => (typeof value === 'function' ? [value] : value),
  z.array(Callback),
);

/** The schema of {@link SecurityOptions}, as options of createTierup, an executor or a run. */
export const SecurityOptionsShape = z.looseObject({
  policy: Callback.optional(),
  approve: Callback.optional(),
  permit: z
    .array(
      z.strictObject({
        tool: z.string().min(1),
        argument: z.string().min(1),
        from: z.string().min(1),
      }),
    )
    .optional(),
  owner: z
    .strictObject({ values: z.array(z.string().trim().min(1, 'must not be empty')) })
    .optional(),
  guardrails: z
    .strictObject(
      Object.fromEntries(Object.values(HOPS).map((key) => [key, GuardrailList.optional()])),
    )
    .optional(),
});

/**
 * Validates security options.
 * @throws {InvalidConfigError} naming the option, e.g. `guardrails.toolCall[1]`.
 */
export function checkSecurityOptions(options: SecurityOptions): void {
  parseOptions(SecurityOptionsShape, options);
}
