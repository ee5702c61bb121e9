// The tables (Markdown) of one set of results, with the charts of report-charts.ts. Everything here is computed from
// latest.json, so the docs can be regenerated from it and show nothing the run did not measure.

import { telemetryTable } from '../telemetry/telemetry-table.ts';
import { CONTENDERS } from './contenders/index.ts';
import {
  criticalPathMs,
  describeRow,
  judgeTargets,
  loadFigures,
  nominalPathMs,
  rowFigures,
  toCriticalPath,
} from './figures.ts';
import { counts, held, kb, mb, ms, ratio, sign, table, times, usd } from './format.ts';
import type { InterleavedRow } from './interleaved-scenarios.ts';
import { checkPeers } from './peers-reference.ts';
import { renderCharts } from './report-charts.ts';
import type { Results } from './results.ts';
import type { Policy } from './routing-economics.ts';

export interface Report {
  readonly markdown: string;
  /** SVG files by name, for docs/benchmarks/. */
  readonly charts: Record<string, string>;
}

function timingTable(rows: readonly InterleavedRow[], withCpu: boolean): string {
  const head = ['row', 'contender', 'median', 'min–max', '× floor', 'overhead per run'];
  head.push('per model call');
  if (withCpu) head.push('CPU per run (median)');
  head.push('request bytes per run', 'tierup ÷ it (p25–p75)');
  const body = rows.flatMap((row) => {
    const figures = rowFigures(row);
    return CONTENDERS.map((name) => {
      const f = figures[name];
      const cells = [
        describeRow(row),
        name === 'hand-written' ? 'hand-written (floor)' : name,
        ms(f.median),
        `${f.min.toFixed(2)}–${f.max.toFixed(2)}`,
        times(f.toFloor.median),
        name === 'hand-written' ? '' : `${sign(f.overheadMs)} ms`,
        name === 'hand-written' ? '' : `${sign(f.overheadPerCallMs)} ms`,
      ];
      if (withCpu) cells.push(ms(f.cpuMs));
      cells.push(f.bytesPerRun.toFixed(0), name === 'tierup' ? '' : ratio(f.tierupOver));
      return cells;
    });
  });
  return table(head, body);
}

function memoryTable(results: Results): string {
  const { results: byContender } = results.agentMemory;
  return table(
    [
      'contender',
      'heap allocated per run',
      'heap held after the runs',
      'idle RSS',
      'peak RSS',
      'CPU per run',
    ],
    CONTENDERS.map((name) => {
      const r = byContender[name];
      return [
        name,
        kb(r.allocatedKbPerRun ?? 0),
        kb(r.retainedKb ?? 0),
        mb(r.baselineRssMb),
        mb(r.peakRssMb),
        ms(r.cpuMsPerRun),
      ];
    }),
  );
}

function fanOutTable(results: Results): string {
  const body = results.fanOut.flatMap((row) => {
    const figures = rowFigures(row);
    const path = `critical path ${ms(criticalPathMs(row), 1)} (nominal ${ms(nominalPathMs(results, row), 1)})`;
    return CONTENDERS.map((name) => {
      const f = figures[name];
      return [
        `${describeRow(row)}: ${path}`,
        name,
        ms(f.median, 1),
        `${f.min.toFixed(1)}–${f.max.toFixed(1)}`,
        ratio(toCriticalPath(row, name)),
        times(f.toFloor.median),
        f.bytesPerRun.toFixed(0),
        name === 'tierup' ? '' : ratio(f.tierupOver),
      ];
    });
  });
  return table(
    [
      'API',
      'contender',
      'median',
      'min–max',
      '× critical path (p25–p75)',
      '× floor',
      'request bytes per run',
      'tierup ÷ it (p25–p75)',
    ],
    body,
  );
}

function loadTable(results: Results): string {
  const figures = loadFigures(results.load);
  return table(
    [
      'contender',
      'runs/s, median (min–max of rounds)',
      'p50',
      'p99',
      'peak heap above idle',
      'idle → peak RSS',
      'CPU per run',
      "tierup's time ÷ its (p25–p75)",
    ],
    CONTENDERS.map((name) => {
      const f = figures[name];
      return [
        name,
        `${f.runsPerSecond.median.toFixed(0)} (${f.runsPerSecond.min.toFixed(0)}–${f.runsPerSecond.max.toFixed(0)})`,
        ms(f.p50Ms, 0),
        ms(f.p99Ms, 0),
        mb(f.peakHeapAboveIdleMb),
        `${mb(f.idleRssMb)} → ${mb(f.peakRssMb)}`,
        ms(f.cpuMs),
        name === 'tierup' ? '' : ratio(f.tierupOver),
      ];
    }),
  );
}

function growthTable(results: Results): string {
  const body = results.growth.flatMap((row) => {
    const figures = rowFigures(row);
    return CONTENDERS.map((name) => {
      const f = figures[name];
      const heldBy = row.retained?.[name];
      const trace =
        heldBy?.traceSpans === undefined
          ? ''
          : `${heldBy.traceSpans} spans, ${((heldBy.traceBytes ?? 0) / 1024).toFixed(0)} KB as JSON`;
      return [
        String(row.steps),
        name,
        ms(f.median, 1),
        ms(f.median / row.calls, 3),
        name === 'hand-written' ? '' : `${sign(f.overheadPerCallMs)} ms`,
        heldBy ? held(heldBy.heapKb) : '',
        trace,
      ];
    });
  });
  return table(
    [
      'steps',
      'contender',
      'median per run',
      'per step',
      'overhead per step over the floor',
      'heap held by the result',
      'trace',
    ],
    body,
  );
}

function mappingTable(results: Results): string {
  return table(
    [
      'messages',
      'toChatBody',
      'toResponsesBody',
      'JSON.stringify of the body (the SDK does this anyway)',
      'mapping ÷ serializing',
    ],
    results.growthMapping.map((m) => [
      String(m.messages),
      `${m.toChatBodyUs.toFixed(1)} µs`,
      `${m.toResponsesBodyUs.toFixed(1)} µs`,
      `${m.serializeUs.toFixed(1)} µs`,
      `${((m.toChatBodyUs / m.serializeUs) * 100).toFixed(0)}%`,
    ]),
  );
}

function routingTables(results: Results): string {
  const r = results.routing;
  const base = r.policies['always multi-agent'].usd;
  const policies = table(
    [
      'policy',
      'model calls',
      `cost of the ${r.requests} requests`,
      'per request',
      'requests met',
      'saved against always multi-agent',
    ],
    (Object.keys(r.policies) as Policy[]).map((p) => {
      const v = r.policies[p];
      return [
        p,
        String(v.calls),
        usd(v.usd),
        `$${((v.usd / r.requests) * 1e6).toFixed(0)} per million`,
        `${v.met}/${r.requests} (${((v.met / r.requests) * 100).toFixed(1)}%)`,
        `${((1 - v.usd / base) * 100).toFixed(1)}%`,
      ];
    }),
  );
  const m = r.costModel;
  return [
    policies,
    '',
    `Under-escalated (routed below the label): ${r.underEscalated.length}/${r.requests} (${r.underEscalated.join(', ') || 'none'}); over-escalated: ${r.overEscalated.length}/${r.requests}. ` +
      `The router's own cost: ${r.routerUs.median.toFixed(1)} µs per request (p99 ${r.routerUs.p99.toFixed(1)} µs, ${r.routerUs.passes} passes over the set), no model call.`,
    '',
    `Cost model (${m.model} at $${r.price.inputPerMillion} / $${r.price.outputPerMillion} per million input / output tokens, no cached input; a token is ${m.charsPerToken} characters): ` +
      `direct is 1 call (${m.systemTokens}-token system prompt + the request in, ${m.answerTokens} out); ` +
      `agent is ${m.agentToolCalls + 1} calls (${m.agentToolCalls} tool calls of ${m.toolCallTokens} tokens, each result ${m.toolResultTokens} tokens read back, then a ${m.answerTokens}-token answer), each reading the system prompt, the request and every offered tool (name, description and ${m.toolSchemaTokens} tokens of schema); ` +
      `multi-agent is a plan call (${m.planSystemTokens} + ${m.planSchemaTokens} tokens of role and schema + the request in, ${m.subtaskTokens} tokens per subtask out), ${m.specialists} specialists of ${m.specialistToolCalls + 1} calls each (their subtask and their domain's share of the tools in, ${m.resultTokens}-token result), and a synthesis call (the request and the results in, ${m.answerTokens} out). ` +
      '"+ escalation" charges an under-escalated request its failed tier, then each tier up to the label.',
    '',
    'How the saving depends on the two guesses that matter most (tierup routing against always multi-agent):',
    '',
    table(
      [
        'specialists per multi-agent run',
        ...[1, 2, 4].map((n) => `agent tier: ${n} tool call${n > 1 ? 's' : ''}`),
      ],
      [2, 3, 5].map((k) => [
        String(k),
        ...[1, 2, 4].map((n) => {
          const hit = r.sensitivity.find((x) => x.specialists === k && x.agentToolCalls === n);
          return hit ? `${(hit.saved * 100).toFixed(1)}%` : '';
        }),
      ]),
    ),
  ].join('\n');
}

function peersTable(results: Results): string {
  return table(
    ['figure', 'peer', 'PEERS.md', 'this run', 'reproduced (±10%)'],
    checkPeers(results).map((c) => [
      c.what,
      c.peer,
      c.reference[0] === c.reference[1]
        ? times(c.reference[0])
        : `${c.reference[0].toFixed(2)}–${c.reference[1].toFixed(2)}×`,
      times(c.measured),
      c.reproduced ? 'yes' : '**no**',
    ]),
  );
}

function targetsTable(results: Results): string {
  return table(
    ['target', 'measured', 'met'],
    judgeTargets(results).map((t) => [t.target, t.measured, t.met ? 'yes' : '**no**']),
  );
}

/** The Markdown of the generated section, and the charts. */
export function renderReport(results: Results): Report {
  const { machine, versions } = results;
  const markdown = [
    `Generated by \`${results.command}\` on ${results.generatedAt.slice(0, 10)} in ${Math.round(results.durationSeconds)} s: ` +
      `${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}. ` +
      `Versions: ${Object.entries(versions)
        .map(([name, v]) => `${name} ${v}`)
        .join(', ')}. Raw samples: bench/results/latest.json.`,
    '',
    '![Time per run against the floor](benchmarks/side-by-side-time.svg)',
    '',
    '### The peers against PEERS.md',
    '',
    peersTable(results),
    '',
    '### Targets',
    '',
    targetsTable(results),
    '',
    `### 1. Direct: one call, no tools (${results.direct[0]?.rounds} rounds after ${results.direct[0]?.warmup} warm-up rounds)`,
    '',
    timingTable(results.direct, false),
    '',
    `### 2. Agent: three sequential tool calls, then the answer (4 model calls)`,
    '',
    timingTable(results.agent, true),
    '',
    `Memory: each contender alone in a fresh process, ${results.agentMemory.runs} runs after ${results.agentMemory.warmup} warm-up runs (${results.agentMemory.api}, no delay).`,
    '',
    memoryTable(results),
    '',
    `### 3. Fan-out: a manager and 8 specialists, each specialist call ${results.fanOut[0]?.delayMs} ms (${results.fanOut[0]?.rounds} rounds after ${results.fanOut[0]?.warmup} warm-up rounds)`,
    '',
    fanOutTable(results),
    '',
    `### 4. Load: ${results.load.concurrency} concurrent agent runs, ${results.load.delayMs} ms per model call (${results.load.rounds} rounds; each contender and round a fresh process: ${results.load.warmup} warm-up runs and ${results.load.warmupBursts} warm-up bursts, the last after the idle baseline's full collections, then ${results.load.bursts} measured bursts)`,
    '',
    loadTable(results),
    '',
    `### 5. Growth: one agent run of ${counts(results.growth.map((row) => row.calls))} model calls (no delay)`,
    '',
    '![Time per step by run length](benchmarks/side-by-side-growth.svg)',
    '',
    growthTable(results),
    '',
    "What grows with the conversation in tierup itself: each model call maps the whole conversation to the API's shape before the SDK serializes it (timed in the harness process, µs per call, the fastest of 30 rounds):",
    '',
    mappingTable(results),
    '',
    `### 6. Routing economics (${results.routing.requests} labelled requests of ${results.routing.file ?? 'data/routing/dev.jsonl'})`,
    '',
    '![Cost by routing policy](benchmarks/routing-economics.svg)',
    '',
    routingTables(results),
    ...(results.telemetry ? telemetrySection(results.telemetry) : []),
  ].join('\n');
  return { markdown, charts: renderCharts(results) };
}

/** Scenario 7; results written before it existed have none. */
function telemetrySection(telemetry: NonNullable<Results['telemetry']>): string[] {
  return [
    '',
    `### 7. Tracing: an agent run with OpenTelemetry off, off again (the A/A noise floor), with no SDK registered, with a tracer that keeps nothing (tierup's own work), and with an SDK recording every span or one run in ten (${telemetry.rounds} interleaved rounds, a batch per configuration each in a random order; CPU per run, medians; each percentage is the median over rounds of the configuration's CPU against off's in the same round, with the interquartile range and a bootstrap 95% interval of that median)`,
    '',
    telemetryTable(telemetry),
  ];
}
