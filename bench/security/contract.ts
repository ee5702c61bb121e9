// The one place where the suite uses the issue 14 contract (/work/notes/security-contract.md)
// before main has it: tool argument roles (`openWorld`, `credentials`, `amounts`) and the run
// option `permit`. Today `defineTool` keeps unknown keys on the tool (its schema is loose) and a
// run ignores unknown options, so both reach tierup as the contract writes them; once the core
// branch types them, the casts below can go.
import type { ToolDefinition } from '../../src/core/tool.ts';
import { defineTool, type RunOptions, type Tool } from '../../src/index.ts';
import type { Permit } from './types.ts';

/** The argument roles of a tool the contract adds to `defineTool`. */
export interface ContractRoles {
  /** The call's arguments reach a party outside the service even when nothing changes. */
  readonly openWorld?: boolean;
  /** Argument names that carry a secret or a credential. */
  readonly credentials?: readonly string[];
  /** Argument names that carry an amount of money the call moves. */
  readonly amounts?: readonly string[];
}

/**
 * `defineTool` with the contract's argument roles. Every tool of the suite declares its roles
 * here, next to its flags (`untrustedInput`, `sensitiveData`, `sideEffects`, `destinations`).
 */
export function toolWithRoles<Input, Output>(
  definition: ToolDefinition<Input, Output>,
  roles: ContractRoles = {},
): Tool<Input, Output> {
  return defineTool({ ...definition, ...roles } as ToolDefinition<Input, Output>);
}

/** The roles a tool declares (for the suite's own leak checks). */
export function rolesOf(tool: object): ContractRoles {
  return tool as ContractRoles;
}

/** A run's options under the contract: `permit` for the legitimate flows the task needs. */
export function permitOptions(permit: readonly Permit[] | undefined): RunOptions {
  return (PERMIT_OPTION && permit && permit.length > 0 ? { permit } : {}) as RunOptions;
}

/**
 * Whether tierup takes the contract's `permit` run option. Main refuses it ("`permit` is not a
 * known option"), so until the core branch is merged the suite runs without it and the tasks that
 * need it cannot be done by tierup; set this to `true` when merging the core branch.
 */
export const PERMIT_OPTION = false;
