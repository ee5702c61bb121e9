import type { SubtaskEvent, SubtaskOutcome, SubtaskRequest, SubtaskTool } from '../core/engine.ts';
import { InvalidConfigError } from '../core/errors.ts';
import type { LanguageModel } from '../core/language-model.ts';
import type { Approver, Guardrails, Policy } from '../core/security.ts';
import type { AnyTool } from '../core/tool.ts';
import type { ToolErrorMessage } from '../core/tool-error.ts';
import { subtaskPath } from '../durable/journal-keys.ts';
import type { RunJournal } from '../durable/run-journal.ts';
import { RunRecorder } from '../durable/run-recorder.ts';
import type { PriceTable } from '../pricing/price-table.ts';
import { type RunScope, startRun } from '../run/run-scope.ts';
import { describeError } from '../run/trace-recorder.ts';
import { privilegesOf } from '../security/privileges.ts';
import { createRunSecurity } from '../security/run-security.ts';
import type { Subtask } from './plan.ts';
import { toolFlags } from './remote-subtask.ts';
import { type TeamRun, work } from './run-plan.ts';
import type { ResolvedSpecialist } from './specialists.ts';
import { endsRun, failureText, toRemoteError } from './subtask-failure.ts';

/** What a worker runs subtasks with: its own tools, model and security callbacks. */
export interface SubtaskServer {
  /** The worker's tools; a subtask gets only those its specialist was given, by name. */
  readonly tools: readonly AnyTool[];
  /** The model of every specialist this worker runs, unless `models` names one. */
  readonly model: LanguageModel;
  /** A specialist's own model, by its name. */
  readonly models?: Readonly<Record<string, LanguageModel>> | undefined;
  readonly prices: PriceTable;
  readonly policy?: Policy | undefined;
  readonly approve?: Approver | undefined;
  /** The `toolCall` and `toolResult` guardrails run on the worker; the others on the run. */
  readonly guardrails?: Guardrails | undefined;
  readonly toolErrorMessage?: ToolErrorMessage | undefined;
  /**
   * The journal of durable runs (the runs' own): the subtask of a durable run writes its calls to
   * it, and replays those a worker that died before it wrote.
   */
  readonly journal?: RunJournal | undefined;
}

/** The events a subtask's work reports that the run reports in turn. */
const REPORTED = new Set<string>([
  'model-call-start',
  'model-call-end',
  'text-delta',
  'tool-call-start',
  'tool-call-end',
] satisfies SubtaskEvent['type'][]);

/** The span id a worker's spans hang under; the run puts them under the specialist's span. */
const REMOTE_PARENT = 'remote';

/**
 * Runs one subtask a run sent (a worker's part of an engine): the specialist's tool loop, with
 * only the tools it was given (this worker's, by name, with the flags the run knows them by), on
 * the run's ledger entries, placeholders, permits and budgets, under the subtask's time limit.
 * Resolves with what it used and did, however it ended.
 */
export async function serveSubtask(
  request: SubtaskRequest,
  server: SubtaskServer,
  signal?: AbortSignal,
): Promise<SubtaskOutcome> {
  const security = createRunSecurity(
    { permit: [...request.permit], ...(request.owner ? { owner: request.owner } : {}) },
    { policy: server.policy, approve: server.approve, guardrails: server.guardrails },
    request.userInput,
  );
  security.ledger.replay(request.ledger);
  const known = security.ledger.records().length;
  const journal =
    request.journaled && server.journal ? await recorderOf(server.journal, request) : undefined;
  const run = startRun({
    // The run's time limit for this subtask is its agent time limit.
    budgets: { ...request.budgets, timeoutMs: request.budgets.agentTimeoutMs },
    prices: server.prices,
    security,
    tier: 'multi-agent',
    signal,
    runId: request.runId,
    toolErrorMessage: server.toolErrorMessage,
    settings: request.settings,
    journal,
  });
  // What the work reports is kept for the run, which reports it when the outcome comes back.
  const events: SubtaskEvent[] = [];
  const scope: RunScope = {
    ...run.scope,
    streaming: request.streaming,
    emit: (event) => {
      if (REPORTED.has(event.type)) events.push(event as SubtaskEvent);
    },
  };
  // What the run had spent stays reserved: the subtask's calls get what is left of the budgets.
  scope.usage.reserve(request.spent.tokens, request.spent.usd);
  const placeholders = new Map(request.placeholders);
  const team: TeamRun = {
    ctx: scope,
    boundary: request.boundary,
    placeholders,
    managerSpan: REMOTE_PARENT,
    instructions: undefined,
  };
  let ended: Pick<SubtaskOutcome, 'status' | 'text' | 'output' | 'why' | 'error'>;
  try {
    const specialist = specialistOf(request, server);
    const done = await work(
      team,
      request.subtask as Subtask,
      specialist,
      request.content,
      REMOTE_PARENT,
      scope.signal,
      request.sensitive,
    );
    ended = { status: 'ok', text: done.text, output: done.output };
  } catch (error) {
    ended = endsRun(error)
      ? { status: 'fatal', error: toRemoteError(error) }
      : {
          status: 'failed',
          why: scope.signal.aborted
            ? describeError(scope.signal.reason)
            : failureText(error, request.specialist.quarantined),
        };
  } finally {
    run.dispose();
  }
  const partial = run.partial();
  return {
    ...ended,
    usage: partial.usage,
    trace: partial.trace,
    audit: partial.audit,
    toolErrors: partial.toolErrors,
    ledger: security.ledger.records().slice(known),
    events,
    placeholders: [...placeholders].filter(
      ([key]) => !request.placeholders.some(([k]) => k === key),
    ),
  };
}

/** The run's journal, as far as this subtask's own calls go. */
async function recorderOf(journal: RunJournal, request: SubtaskRequest): Promise<RunRecorder> {
  const contents = await journal.read(request.runId);
  const own = `${subtaskPath(request.subtask.id, request.specialist.name)}/`;
  const entries = [...(contents?.entries ?? [])].filter(([key]) => key.startsWith(own));
  return new RunRecorder(journal, request.runId, new Map(entries));
}

/**
 * The specialist as the run resolved it, with this worker's tools and model.
 * @throws {InvalidConfigError} when the worker lacks one of its tools, or knows one by other flags.
 */
function specialistOf(request: SubtaskRequest, server: SubtaskServer): ResolvedSpecialist {
  const byName = new Map(server.tools.map((tool) => [tool.name, tool]));
  const tools = request.specialist.tools.map((wanted, i) => {
    const tool = byName.get(wanted.name);
    const path = `tools[${i}]`;
    if (tool === undefined) {
      throw new InvalidConfigError([
        {
          path,
          message: `the worker has no tool \`${wanted.name}\` (the run gave it to ${request.specialist.name})`,
        },
      ]);
    }
    const differs = differingFlag(toolFlags(tool), wanted);
    if (differs !== undefined) {
      throw new InvalidConfigError([
        { path, message: `the worker's \`${wanted.name}\` has ${differs} unlike the run's` },
      ]);
    }
    return tool;
  });
  const { name, system, quarantined } = request.specialist;
  return {
    name,
    description: '',
    instructions: system,
    tools,
    model: server.models?.[name] ?? server.model,
    privileges: privilegesOf(tools),
    quarantined,
  };
}

/** The first security flag two descriptions of a tool disagree on, as `flag: value`. */
function differingFlag(own: SubtaskTool, wanted: SubtaskTool): string | undefined {
  for (const key of [
    'domain',
    'untrustedInput',
    'sensitiveData',
    'sideEffects',
    'openWorld',
  ] as const) {
    if (own[key] !== wanted[key]) return `\`${key}: ${String(own[key])}\``;
  }
  return undefined;
}
