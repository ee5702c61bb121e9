// What one contender's runs hold while they wait on the model, for `npm run bench:held`. Started by
// held-breakdown.ts with `fork`; argv[2] is a HeldJob as JSON; it sends back a HeldResult and
// exits. After warm-up it writes a heap snapshot at idle, starts a burst of `concurrency` agent
// runs, writes a second snapshot `afterMs` into it (V8 collects garbage before each), and counts
// the objects in the second that the first did not have (V8 keeps object ids across snapshots).
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeHeapSnapshot } from 'node:v8';
import { type ContenderName, checkedAgentRun, createContender } from './contenders/index.ts';

export interface HeldJob {
  readonly contender: ContenderName;
  readonly baseURL: string;
  readonly steps: number;
  readonly concurrency: number;
  readonly warmup: number;
  readonly afterMs: number;
}

/** One kind of heap object (V8's node type and name), per run in flight. */
export interface HeldKind {
  readonly kind: string;
  readonly bytes: number;
  readonly count: number;
}

export interface HeldResult {
  /** Bytes of the new objects per run in flight. */
  readonly bytesPerRun: number;
  /** The kinds with the most bytes, most first. */
  readonly kinds: HeldKind[];
  /** Suspended `async` functions (V8's `Generator` objects), promises and closures per run. */
  readonly asyncFrames: number;
  readonly promises: number;
  readonly closures: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

const job = JSON.parse(process.argv[2] ?? '{}') as HeldJob;
const contender = createContender(job.contender, { baseURL: job.baseURL, api: 'chat' });
const once = checkedAgentRun(contender, job.steps, job.contender);
const burst = () => Promise.all(Array.from({ length: job.concurrency }, once));

for (let i = 0; i < job.warmup; i++) await once();
await burst();
const idleFile = writeHeapSnapshot(join(tmpdir(), `tierup-held-idle-${process.pid}.heapsnapshot`));
const running = burst();
await sleep(job.afterMs);
const busyFile = writeHeapSnapshot(join(tmpdir(), `tierup-held-busy-${process.pid}.heapsnapshot`));
await running;

/** Reads a snapshot and calls `each(kind, id, selfSize)` for every object in it. */
function forEachNode(file: string, each: (kind: string, id: number, size: number) => void): void {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  rmSync(file);
  const fields = data.snapshot.meta.node_fields;
  const [types] = data.snapshot.meta.node_types;
  const [type, name, id, size] = ['type', 'name', 'id', 'self_size'].map((f) => fields.indexOf(f));
  for (let i = 0; i < data.nodes.length; i += fields.length) {
    const label = String(data.strings[data.nodes[i + (name as number)] as number]);
    each(
      `${types[data.nodes[i + (type as number)] as number]}:${label.slice(0, 40)}`,
      data.nodes[i + (id as number)] as number,
      data.nodes[i + (size as number)] as number,
    );
  }
}

const idle = new Set<number>();
forEachNode(idleFile, (_kind, id) => idle.add(id));
const kinds = new Map<string, { bytes: number; count: number }>();
forEachNode(busyFile, (kind, id, size) => {
  if (idle.has(id)) return;
  const entry = kinds.get(kind) ?? { bytes: 0, count: 0 };
  entry.bytes += size;
  entry.count += 1;
  kinds.set(kind, entry);
});
const per = (x: number) => x / job.concurrency;
const countOf = (kind: string) => per(kinds.get(kind)?.count ?? 0);
const all = [...kinds].map(([kind, e]) => ({ kind, bytes: per(e.bytes), count: per(e.count) }));
const result: HeldResult = {
  bytesPerRun: all.reduce((total, k) => total + k.bytes, 0),
  kinds: all.sort((a, b) => b.bytes - a.bytes).slice(0, 12),
  asyncFrames: countOf('object:Generator'),
  promises: countOf('object:Promise'),
  closures: [...kinds].reduce((n, [k, e]) => (k.startsWith('closure:') ? n + per(e.count) : n), 0),
};
process.send?.(result, () => process.exit(0));
