// `npm run demo`: routes examples/requests.jsonl and prints each decision with its reasons.
// The executors arrive in a later release; until then the demo shows where each request would run.
import { readFileSync } from 'node:fs';
import { createRouter, SIGNALS } from '../src/index.ts';

const file = new URL('./requests.jsonl', import.meta.url);
const router = createRouter();

for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const record = JSON.parse(line);
  const decision = router.route({ input: record.input, tools: record.tools });
  const signals = SIGNALS.map(
    (s) => `${s} ${decision.signals[s].score.toFixed(2)}${decision.signals[s].set ? '*' : ''}`,
  );
  console.log(`\n${record.id}  →  ${decision.tier.toUpperCase()}`);
  console.log(
    `  "${record.input.length > 100 ? `${record.input.slice(0, 97)}...` : record.input}"`,
  );
  console.log(`  ${signals.join('  ')}`);
  for (const reason of decision.reasons) console.log(`  - ${reason}`);
}
