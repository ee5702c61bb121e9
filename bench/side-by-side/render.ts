// Rewrites the generated part of docs/benchmarks.md and the charts from bench/results/latest.json,
// without measuring again: `node --experimental-strip-types bench/side-by-side/render.ts`.
import { readFileSync } from 'node:fs';
import { renderReport } from './report.ts';
import type { Results } from './results.ts';
import { updateDocs } from './update-docs.ts';

const root = new URL('../../', import.meta.url);
const results = JSON.parse(
  readFileSync(new URL('bench/results/latest.json', root), 'utf8'),
) as Results;
const report = renderReport(results);
updateDocs(root, report);
console.log(report.markdown);
