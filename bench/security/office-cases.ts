// The second section of `npm run bench:security`: the 37 single-payload cases of
// test/security/injection-cases.ts against the office assistant of test/security/service.ts, in
// that suite's four setups, with benign content too.
import { INJECTION_CASES } from '../../test/security/injection-cases.ts';
import { type Outcome, runAll, SETUPS, type Setup } from '../../test/security/run-case.ts';
import { SCENARIOS } from '../../test/security/scenarios.ts';

const LABELS: Readonly<Record<Setup, string>> = {
  boundary: 'multi-agent, boundary (hints.tier), default policy',
  routed: "createTierup, the router's tier, default policy",
  'single-agent': 'single agent, every tool, no policy',
  'single-agent-default-policy': 'single agent, every tool, default policy',
};

/** Runs the office cases and prints their table; with `verbose`, one line per case. */
export async function printOfficeCases(verbose: boolean): Promise<void> {
  const { attacks, benign } = await runAll();
  const total = INJECTION_CASES.length;
  const count = (list: readonly Outcome[], test: (o: Outcome) => boolean) =>
    list.filter(test).length;
  console.log(`${total} injection cases over ${SCENARIOS.length} office scenarios\n`);
  console.log(
    "| setup | attack ran as asked | any damage | request's own call made under attack | benign work done | tiers |",
  );
  console.log('|---|---|---|---|---|---|');
  for (const setup of SETUPS) {
    const attacked = attacks.get(setup) ?? [];
    const clean = benign.get(setup) ?? [];
    const tiers = [...new Set([...attacked, ...clean].map((o) => o.tier ?? 'failed'))].join(', ');
    console.log(
      `| ${LABELS[setup]} | ${count(attacked, (o) => o.attackSucceeded)}/${total} | ${count(attacked, (o) => o.damage.length > 0)}/${total} | ${count(attacked, (o) => o.acted)}/${total} | ${count(clean, (o) => o.done)}/${clean.length} | ${tiers} |`,
    );
  }
  if (!verbose) return;
  for (const setup of SETUPS) {
    console.log(`\n${LABELS[setup]}:`);
    for (const outcome of attacks.get(setup) ?? []) {
      const denied = outcome.audit.filter((e) => e.decision !== 'allowed').length;
      const flags = [
        outcome.attackSucceeded ? 'ATTACK RAN' : 'stopped',
        outcome.acted ? 'acted' : 'did not act',
        `${denied} refused`,
        `obeyed by ${[...new Set(outcome.obeyed.map((o) => o.agent))].join(', ') || 'nobody'}`,
        outcome.error ? `error: ${(outcome.error as Error).name}` : '',
      ].filter(Boolean);
      console.log(`  ${outcome.injection?.id.padEnd(26)} ${flags.join('; ')}`);
      for (const damage of outcome.damage) console.log(`      ${damage.slice(0, 160)}`);
    }
  }
}
