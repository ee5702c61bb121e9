import { type ConnectionOptions, Worker, type WorkerOptions } from 'bullmq';
import type { SubtaskRequest } from '../core/engine.ts';
import type { LanguageModel } from '../core/language-model.ts';
import type { Approver, Guardrails, Policy } from '../core/security.ts';
import type { AnyTool } from '../core/tool.ts';
import type { ToolErrorMessage } from '../core/tool-error.ts';
import type { RunJournal } from '../durable/run-journal.ts';
import { serveSubtask } from '../executors/serve-subtask.ts';
import { createPriceTable, type PriceTableOptions } from '../pricing/price-table.ts';
import { checkBullmqOptions } from './bullmq-options.ts';
import {
  JobSignatureError,
  type SignedOutcome,
  signOutcome,
  verifiedJob,
} from './job-signature.ts';
import { publishOutcome } from './outcome-channel.ts';

/** Options of {@link startTierupWorker}. */
export interface TierupWorkerOptions {
  /** The Redis connection: ioredis options (`{ host, port }`) or an ioredis client. */
  readonly connection: ConnectionOptions;
  /** The queue the engine sends subtasks to. */
  readonly queue: string;
  /** The secret the engine signs jobs with; a job that does not verify is refused. */
  readonly secret: string;
  /**
   * Your tools: a subtask gets only those its specialist was given, by name, and only when their
   * security flags are the ones the run knows them by.
   */
  readonly tools: readonly AnyTool[];
  /** The model of every specialist, unless `models` names one. */
  readonly model: LanguageModel;
  /** A specialist's own model, by its name. */
  readonly models?: Readonly<Record<string, LanguageModel>>;
  /** Subtasks this process runs at once. @default 1 */
  readonly concurrency?: number;
  /** The policy of the tool calls it runs. @default defaultPolicy */
  readonly policy?: Policy;
  readonly approve?: Approver;
  /** The `toolCall` and `toolResult` guardrails (the run checks the others). */
  readonly guardrails?: Guardrails;
  /** Prices to add or override, for the usage and `maxCostUsd` of its calls. */
  readonly prices?: PriceTableOptions['prices'];
  readonly toolErrorMessage?: ToolErrorMessage;
  /**
   * The journal your durable runs use (`redisJournal`): a subtask of a durable run writes its
   * calls to it, so a worker that takes over its job from one that died replays what that one
   * finished (docs/scale-out.md). @default none: a subtask taken over runs again from its start
   */
  readonly journal?: RunJournal;
  /** BullMQ's key prefix. @default 'bull' */
  readonly prefix?: string;
  /**
   * BullMQ's own worker settings: `lockDuration`, `stalledInterval`, `maxStalledCount`, `limiter`,
   * ... (a job whose worker died is handed to another after `lockDuration`).
   */
  readonly worker?: Omit<WorkerOptions, 'connection' | 'concurrency' | 'prefix' | 'autorun'>;
  /** Told of each job refused (bad signature or format) before it fails. */
  readonly onRefused?: (error: JobSignatureError) => void;
}

/** A running worker: `close()` it to stop taking jobs (the ones it runs finish first). */
export interface TierupWorker {
  /** The BullMQ worker, for its events (`failed`, `error`, ...). */
  readonly worker: Worker<unknown, SignedOutcome>;
  close(): Promise<void>;
}

/**
 * Starts a worker, in your own process, that runs the subtasks a `bullmqEngine` sends: it checks
 * each job's signature (refusing, and running nothing of, one that does not verify), runs the
 * specialist with your tools and model under the run's ledger, permits and budgets, and sends
 * back what it used and did, signed: published straight to the run that waits for it, and as the
 * job's result.
 *
 * @example
 * const worker = startTierupWorker({ connection, queue: 'tierup', secret, tools, model, concurrency: 4 });
 * process.on('SIGTERM', () => worker.close());
 * @throws {InvalidConfigError} naming the option at fault.
 */
export function startTierupWorker(options: TierupWorkerOptions): TierupWorker {
  checkBullmqOptions(options);
  const { secret, prefix, onRefused } = options;
  const server = {
    tools: options.tools,
    model: options.model,
    models: options.models,
    prices: createPriceTable(options.prices ? { prices: options.prices } : {}),
    policy: options.policy,
    approve: options.approve,
    guardrails: options.guardrails,
    toolErrorMessage: options.toolErrorMessage,
    journal: options.journal,
  };
  const worker: Worker<unknown, SignedOutcome> = new Worker<unknown, SignedOutcome>(
    options.queue,
    async (job, _token, signal) => {
      let request: SubtaskRequest;
      let reply: string | undefined;
      try {
        const verified = verifiedJob(job.data, secret, job.id);
        request = parseRequest(verified.payload, job.id);
        reply = verified.reply;
      } catch (error) {
        if (error instanceof JobSignatureError) onRefused?.(error);
        throw error;
      }
      const outcome = await serveSubtask(request, server, signal);
      const signed = signOutcome(job.id as string, outcome, secret);
      // Straight to the run that waits for it; the job's completion carries it too.
      if (reply !== undefined) {
        await publishOutcome(worker, reply, JSON.stringify({ jobId: job.id, ...signed }));
      }
      return signed;
    },
    {
      ...options.worker,
      connection: options.connection,
      concurrency: options.concurrency ?? 1,
      ...(prefix ? { prefix } : {}),
    },
  );
  return {
    worker,
    close: () => worker.close(),
  };
}

/** The request a verified payload holds. @throws {JobSignatureError} for one of another format. */
function parseRequest(payload: string, jobId: string | undefined): SubtaskRequest {
  let request: SubtaskRequest;
  try {
    request = JSON.parse(payload) as SubtaskRequest;
  } catch {
    throw new JobSignatureError(jobId, 'its payload is not JSON');
  }
  if (request?.version !== 1) {
    throw new JobSignatureError(
      jobId,
      `its payload has version ${String(request?.version)}, not 1`,
    );
  }
  return request;
}
