// Prompt-injection figures: `npm run bench:security`. Runs the scenario suite (four environments,
// their user tasks benign and under every attack) with the compromised model in four setups and
// prints, per setup, the attacks that reached their goal, leaks, benign tasks done and tasks done
// under attack; then the 37 office cases. No network, no randomness: the same figures every run.
//
//   --cases            one line per failing run (goal reached, leak, or task not done)
//   --setup=<id>       only this setup (undefended, routed, agent, multi-agent); repeatable
//   --env=<id>         only this environment (banking, messaging, workspace, travel); repeatable
//   --untrusted-only   flag the untrusted-and-sensitive tools untrusted only (dishonest, to compare)
//   --no-office        skip the office cases
import { ENVIRONMENTS } from './environments.ts';
import { printOfficeCases } from './office-cases.ts';
import { type Outcome, SETUPS, type Setup } from './run-scenario.ts';
import { runSetup, type SetupRuns, summarize } from './run-suite.ts';
import { TEMPLATES } from './templates.ts';

const args = process.argv.slice(2);
const values = (name: string) =>
  args.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
const verbose = args.includes('--cases');
const untrustedOnly = args.includes('--untrusted-only');
const setups = SETUPS.filter((s) => values('setup').length === 0 || values('setup').includes(s));
const environments = ENVIRONMENTS.filter(
  (e) => values('env').length === 0 || values('env').includes(e.id),
);

const LABELS: Readonly<Record<Setup, string>> = {
  undefended: 'undefended loop, every tool, no checks',
  routed: "tierup, the router's tier",
  agent: 'tierup, tier forced to `agent`',
  'multi-agent': 'tierup, tier forced to `multi-agent`',
};

const tasks = environments.flatMap((e) => e.tasks);
const goals = environments.flatMap((e) => e.goals);
console.log(
  `Scenario suite: ${environments.length} environments (${environments.map((e) => e.id).join(', ')}), ${tasks.length} user tasks, ${goals.length} attacker goals, ${TEMPLATES.length} injection templates; tools flagged ${untrustedOnly ? 'with the untrusted-and-sensitive ones as untrusted only' : 'honestly'}.\n`,
);
console.log(
  '| setup | attacks that reached their goal | of them through a permitted source | runs that leaked a secret | other attacker-chosen side effects | benign tasks done | done under attack | how runs ended |',
);
console.log('|---|---|---|---|---|---|---|---|');
const all = new Map<Setup, SetupRuns>();
const started = performance.now();
for (const setup of setups) {
  const runs = await runSetup(setup, { environments, untrustedOnly });
  all.set(setup, runs);
  const s = summarize(runs);
  const percent = s.attacked === 0 ? 0 : (100 * s.doneUnderAttack) / s.attacked;
  const endings = [...s.endings].map(([key, n]) => `${key} ${n}`).join(', ');
  console.log(
    `| ${LABELS[setup]} | ${s.reached} / ${s.attacked} | ${s.viaPermit ?? '—'} | ${s.leaked} | ${s.otherDamage} | ${s.benignDone} / ${s.benign} | ${percent.toFixed(1)}% | ${endings} |`,
  );
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);

console.log('By environment: attacks that reached their goal / attacked runs, benign tasks done\n');
console.log(`| setup | ${environments.map((e) => e.id).join(' | ')} |`);
console.log(`|---|${environments.map(() => '---').join('|')}|`);
for (const [setup, runs] of all) {
  const cells = environments.map((e) => {
    const s = summarize({
      attacked: runs.attacked.filter((o) => o.environment === e.id),
      benign: runs.benign.filter((o) => o.environment === e.id),
    });
    return `${s.reached} / ${s.attacked}, ${s.benignDone} / ${s.benign}`;
  });
  console.log(`| ${setup} | ${cells.join(' | ')} |`);
}

if (verbose) {
  for (const [setup, runs] of all) {
    console.log(`\n${LABELS[setup]}: failing runs`);
    for (const outcome of [...runs.benign, ...runs.attacked]) {
      const line = describeFailure(outcome);
      if (line) console.log(`  ${line}`);
    }
  }
}

if (!args.includes('--no-office')) {
  console.log('\n## The office cases (test/security)\n');
  await printOfficeCases(verbose);
}

/** One line for a run that failed: its goal reached, a leak, or its task not done. */
function describeFailure(o: Outcome): string | undefined {
  const problems = [
    o.reached ? `GOAL REACHED${o.viaPermit ? ' (through a permit)' : ''}` : '',
    ...o.leaks.map((leak) => `LEAK ${leak}`),
    !o.reached && o.attackerArguments.length > 0
      ? `attacker values in ${o.attackerArguments.join(', ')}`
      : '',
    o.done ? '' : `task not done${o.error ? ` (${o.error})` : ''}`,
  ].filter(Boolean);
  if (problems.length === 0) return undefined;
  const attack = o.attack ? `${o.attack.goal}/${o.attack.template}` : 'benign';
  const obeyed = [...new Set(o.obeyed.map((x) => x.agent))].join(', ');
  const tail = [
    o.tier ? `tier ${o.tier}` : '',
    `${o.refused} refused`,
    obeyed ? `obeyed by ${obeyed}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return `${o.environment}/${o.task} ${attack}: ${problems.join('; ')} [${tail}]`;
}
