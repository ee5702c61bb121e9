// Development aid: route labeled JSONL files and print accuracy per file, with misroutes.
import { readFileSync } from 'node:fs';
import { createRouter, Expected, evaluate } from '../src/index.ts';

const router = createRouter(process.env.TH ? { thresholds: JSON.parse(process.env.TH) } : {});
const verbose = process.argv.includes('-v');
for (const file of process.argv.slice(2).filter((a) => a !== '-v')) {
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const results = rows.map((r) => ({
    id: r.id,
    expected: Expected.parse(r.expected),
    decision: router.route({ input: r.input, tools: r.tools, hints: r.hints }),
    input: r.input,
  }));
  const rep = evaluate(results);
  const f = (x: number) => (x * 100).toFixed(1);
  const sig = Object.entries(rep.signals)
    .map(([k, v]) => `${k} P${f(v.precision)} R${f(v.recall)}`)
    .join(' | ');
  console.log(
    `${file.split('/').pop()}: n=${rep.total} acc ${f(rep.accuracy)} under ${f(rep.underEscalation)} over ${f(rep.overEscalation)} || ${sig}`,
  );
  if (verbose) {
    for (const r of results) {
      const d = r.decision;
      const e = r.expected;
      const bad = (['toolUse', 'crossDomain', 'securityBoundary', 'parallelism'] as const).filter(
        (s) => d.signals[s].set !== e[s],
      );
      if (bad.length === 0) continue;
      console.log(
        `  ${r.id} ${e.tier}->${d.tier} wrong:${bad.map((s) => `${s}(${d.signals[s].score})`).join(',')} tools:${d.tools.map((t) => `${t.name}:${t.score}`).join(',')} :: ${r.input.slice(0, 110).replace(/\n/g, ' ')}`,
      );
    }
  }
}
