// The SVG charts of the generated section, from the same results as the tables.
import { type BarGroup, renderBarChart } from './bar-chart.ts';
import { CONTENDERS } from './contenders/index.ts';
import { loadFigures, rowFigures, toCriticalPath } from './figures.ts';
import { COLORS, ms, SERIES, shortRow, times, usd } from './format.ts';
import type { Results } from './results.ts';
import type { Policy } from './routing-economics.ts';

/** The charts, by file name under docs/benchmarks/. */
export function renderCharts(results: Results): Record<string, string> {
  const floorGroups: BarGroup[] = [...results.direct, ...results.agent].map((row) => {
    const f = rowFigures(row);
    return {
      label: `${row.scenario}, ${shortRow(row)}`,
      bars: CONTENDERS.map((name) => ({
        series: name,
        value: f[name].toFloor.median,
        text: `${times(f[name].toFloor.median)} (${ms(f[name].median)})`,
      })),
    };
  });
  for (const row of results.fanOut) {
    const f = rowFigures(row);
    floorGroups.push({
      label: `fan-out, ${shortRow(row)}`,
      bars: CONTENDERS.map((name) => {
        const r = toCriticalPath(row, name).median;
        return {
          series: name,
          value: r,
          text: `${times(r)} of the critical path (${ms(f[name].median, 1)})`,
        };
      }),
    });
  }
  const load = loadFigures(results.load);
  floorGroups.push({
    label: `load, ${results.load.concurrency} concurrent`,
    bars: CONTENDERS.map((name) => {
      const r = load[name].toFloor.median;
      return {
        series: name,
        value: r,
        text: `${times(r)} (${load[name].runsPerSecond.median.toFixed(0)} runs/s)`,
      };
    }),
  });
  const growth: BarGroup[] = results.growth.map((row) => {
    const f = rowFigures(row);
    return {
      label: `${row.steps} steps`,
      bars: CONTENDERS.map((name) => ({
        series: name,
        value: f[name].median / row.calls,
        text: ms(f[name].median / row.calls, 3),
      })),
    };
  });
  const r = results.routing;
  const routing: BarGroup[] = (Object.keys(r.policies) as Policy[]).map((p) => ({
    label: p,
    bars: [
      {
        series: 'cost',
        value: r.policies[p].usd,
        text: `${usd(r.policies[p].usd)}, ${r.policies[p].met}/${r.requests} met`,
      },
    ],
  }));
  return {
    'side-by-side-time.svg': renderBarChart({
      title: 'Time per run ÷ the hand-written floor (lower is better)',
      subtitle: `Medians; fan-out ÷ its critical path; load: the floor's runs/s ÷ each one's. ${results.machine.cores} cores, Node ${results.machine.node}.`,
      series: SERIES,
      groups: floorGroups,
      reference: { value: 1, label: '1.0× (floor)' },
    }),
    'side-by-side-growth.svg': renderBarChart({
      title: 'Time per step of one agent run, by its length (flat is better)',
      subtitle:
        'Median run ÷ model calls, mock with no delay; the whole conversation is resent every step.',
      series: SERIES,
      groups: growth,
    }),
    'routing-economics.svg': renderBarChart({
      title: `Cost of the ${r.requests} dev-set requests by policy (${r.costModel.model})`,
      subtitle: 'Estimated from each request’s length and tools under the stated cost model.',
      series: [{ name: 'cost', color: COLORS.tierup }],
      groups: routing,
    }),
  };
}
