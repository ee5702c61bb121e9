import { RunError } from '../core/errors.ts';

/** The side-effect call a resumed run found started and never finished. */
export interface InDoubtCall {
  readonly tool: string;
  /** The model's id of the call. */
  readonly callId: string;
  /** The arguments it was called with. */
  readonly arguments: unknown;
  /** Its key in the run's journal (`multi-agent/subtask:s2:billing/tool:1:call_7`). */
  readonly key: string;
  /** The idempotency key it was given, to look the call up on the system it reached. */
  readonly idempotencyKey: string;
}

/**
 * A resumed durable run reached a side-effect tool call that had started before the crash and
 * whose outcome was never recorded: whether it took effect is unknown, so it is not called again
 * (the tool is not `idempotent`). Find out with `idempotencyKey` on the system the tool reached,
 * then settle it yourself. `partial` holds what the run had got to.
 */
export class InDoubtError extends RunError {
  override readonly name = 'InDoubtError';
  readonly tool: string;
  readonly callId: string;
  readonly arguments: unknown;
  readonly key: string;
  readonly idempotencyKey: string;

  constructor(call: InDoubtCall) {
    super(
      'in-doubt',
      `The tool \`${call.tool}\` (call ${call.callId}) started before the run stopped and its outcome was not recorded: it may or may not have taken effect, so it is not called again`,
    );
    this.tool = call.tool;
    this.callId = call.callId;
    this.arguments = call.arguments;
    this.key = call.key;
    this.idempotencyKey = call.idempotencyKey;
  }
}
