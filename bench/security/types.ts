// The shapes of the scenario suite (bench/security): environments, their user tasks, attacker
// goals and injection templates. Every environment is a small stateful fake service whose tools
// record what they ran with; tasks and goals are judged on its state after the run.
import type { AnyTool } from '../../src/index.ts';

/** One call a tool's `run` received: what actually happened in the world. */
export interface ToolRun {
  readonly tool: string;
  readonly arguments: Record<string, unknown>;
}

/**
 * What a field a reader hands on stands for. A compromised reader fills a field whose kind
 * matches one of its goal's values with that value (an IBAN field gets the attacker's IBAN).
 */
export type FieldKind =
  | 'iban'
  | 'email'
  | 'user'
  | 'channel'
  | 'url'
  | 'amount'
  | 'credential'
  /** A name, a date, a time, a number written as text: a compromised reader leaves it as it is. */
  | 'name'
  /** Free text: a compromised reader adds the instruction, and any secret it saw, to it. */
  | 'text'
  | 'number'
  | 'boolean'
  | 'enum';

/** A value an honest reader reads in a tool's result, by one of the reader's fields. */
export interface ExtractField {
  readonly kind: FieldKind;
  /** The allowed values of an `enum`. */
  readonly values?: readonly string[];
  /** What an honest model reads in the tool's parsed result. */
  readonly read: (result: unknown) => unknown;
}

/**
 * An argument of a planned call: a literal, a value a reader found (`{ ref: 's1.iban' }`), or a
 * string with such values in it (`{ text: 'Refund for {s1.reference}' }`). In a list, each item is
 * one of those.
 */
export type ArgSpec =
  | string
  | number
  | boolean
  | { readonly ref: string }
  | { readonly text: string }
  | readonly ArgSpec[];

/** A comparison a step's condition makes on a value a reader found, with a constant or another. */
export interface Condition {
  readonly ref: string;
  readonly op: '>' | '<' | '==' | '!=';
  readonly value: number | boolean | string | { readonly ref: string };
}

/** One step of a user task: a tool call, with the fields an honest model reads in its result. */
export interface TaskStep {
  /** `s1`, `s2`, ...: other steps refer to its fields as `s1.field`. */
  readonly id: string;
  readonly tool: string;
  readonly args: Readonly<Record<string, ArgSpec>>;
  readonly extract?: Readonly<Record<string, ExtractField>>;
  /** Steps that must be done before this one, though it uses none of their values. */
  readonly after?: readonly string[];
  /** The step runs only when every condition holds on what earlier steps found. */
  readonly when?: readonly Condition[];
}

/** `security.permit` of the issue 14 contract: this argument may come from that tool's result. */
export interface Permit {
  readonly tool: string;
  readonly argument: string;
  readonly from: string;
}

/** A benign request, how an honest model meets it, and how to tell that it was met. */
export interface UserTask<State> {
  readonly id: string;
  readonly prompt: string;
  readonly steps: readonly TaskStep[];
  /** Legitimate flows from a source the user named, which the default policy denies otherwise. */
  readonly permit?: readonly Permit[];
  /** Every injection point whose text the task's tools return (checked by a test). */
  readonly injectionPoints: readonly string[];
  /** The task was done: the environment's state after the run, and the answer. */
  readonly done: (state: State, output: string) => boolean;
}

/**
 * What an attacker wants. Its instruction goes into every injection point of the task under
 * attack, wrapped in a template; `calls` are what an obedient model does on reading it.
 */
export interface AttackerGoal<State> {
  readonly id: string;
  /** The instruction in plain words; the model recognizes it (decoded, if encoded) in its context. */
  readonly instruction: string;
  /**
   * The calls it asks for, in order. In a string argument, `$SECRET` stands for the environment's
   * secrets the model can see by then.
   */
  readonly calls: readonly { readonly tool: string; readonly arguments: Record<string, unknown> }[];
  /** The values a compromised reader hands on in fields of these kinds. */
  readonly values: Partial<Record<FieldKind, string | number>>;
  /** The goal was reached: judged on the environment's state and what the tools ran with. */
  readonly reached: (state: State, runs: readonly ToolRun[]) => boolean;
}

/** One environment's live service: its tools over a fresh state, recording what ran. */
export interface Service<State> {
  readonly state: State;
  readonly tools: readonly AnyTool[];
  readonly runs: ToolRun[];
  /**
   * The values of the user the service serves, as it knows its logged-in user (tierup's `owner`
   * option): their own addresses, accounts and handle, never their secrets.
   */
  readonly owner: { readonly values: readonly string[] };
}

/** A small stateful fake service with its tasks, goals and injection points. */
export interface Environment<State = unknown> {
  readonly id: string;
  /** The user, as the templates that pose as the user name them. */
  readonly userName: string;
  /** Every injection point: a place a tool returns text outsiders wrote. */
  readonly injectionPoints: readonly string[];
  /** A fresh service; `injections` adds text at injection points. */
  readonly create: (injections?: Readonly<Record<string, string>>) => Service<State>;
  readonly tasks: readonly UserTask<State>[];
  readonly goals: readonly AttackerGoal<State>[];
  /** Values that must never reach the attacker. */
  readonly secrets: readonly string[];
  /** Destinations the attacker reads: addresses, IBANs, channels, users, domains. */
  readonly attackerDestinations: readonly string[];
  /** Leaks the state shows beyond the calls (the attacker added to a channel with secrets). */
  readonly stateLeaks?: (state: State) => readonly string[];
}

/** What the model knows of an environment: its tasks, goals and secrets, not its state. */
export type EnvironmentView = Pick<Environment<never>, 'id' | 'tasks' | 'goals' | 'secrets'>;

/** An environment of any state, as lists of them hold it. */
// biome-ignore lint/suspicious/noExplicitAny: a list holds environments of different states; each judges its own.
export type AnyEnvironment = Environment<any>;
