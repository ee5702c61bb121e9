// Builds data/routing/sources/composed-secpar.jsonl.gz: requests the team wrote for the two rare
// multi-agent signals, securityBoundary and parallelism, with their hard negatives, placed under
// varied enterprise registries (composed-secpar-registries.ts).
//
//   node scripts/routing-data/composed-secpar.ts
//
// Labels come from each item's needed tools and options (composed-secpar-types.ts):
// - toolUse: the item needs at least one offered tool;
// - securityBoundary: the needed tools together are untrustedInput, sensitiveData and
//   sideEffects (all three), or the item mixes tenants or clearance levels (`tenant`);
// - parallelism, crossDomain: set by hand on the item (`par`, `cd`).
// Every item is checked to land in the group it is written in. For the negatives of
// securityBoundary, the registry always also offers a tool with each flag the request does not
// need (when the registry has one), so that the flags on offer cover all three. A few
// securityBoundary positives are also placed under a registry that offers none of the tools they
// need: those are direct (no offered tool can help).

import { MORE } from './composed-secpar-more.ts';
import { PAR_NEGATIVE, PAR_POSITIVE } from './composed-secpar-par.ts';
import { DISTRACTORS, REGISTRIES } from './composed-secpar-registries.ts';
import { SB_NEGATIVE, SB_POSITIVE } from './composed-secpar-sb.ts';
import type { Item } from './composed-secpar-types.ts';
import {
  type LabeledRecord,
  label,
  pick,
  random,
  shuffle,
  type ToolRecord,
  writeSource,
} from './lib.ts';

const SOURCE = 'composed-secpar';
const rand = random(4242);

/** `{a|b}`: braces holding a `|` (braces in pasted code have none). */
const ALTERNATIVES = /\{([^{}]*\|[^{}]*)\}/g;

/** Up to two variants of a text with `{a|b}` alternatives (variant k takes option k). */
function variants(text: string): string[] {
  const groups = [...text.matchAll(ALTERNATIVES)].map((m) => m[1]?.split('|') ?? []);
  const count = Math.min(2, Math.max(1, ...groups.map((g) => g.length)));
  return Array.from({ length: count }, (_, k) =>
    text.replace(ALTERNATIVES, (_m, body: string) => {
      const options = body.split('|');
      return options[Math.min(k, options.length - 1)] as string;
    }),
  );
}

const has = (tools: readonly ToolRecord[], f: 'untrustedInput' | 'sensitiveData' | 'sideEffects') =>
  tools.some((t) => t[f]);

function needed(item: Item): ToolRecord[] {
  const registry = REGISTRIES[item.r];
  if (!registry) throw new Error(`unknown registry ${item.r}`);
  return item.n.map((name) => {
    const found = registry.find((t) => t.name === name);
    if (!found) throw new Error(`${name} is not in registry ${item.r} (${item.x.slice(0, 40)})`);
    return found;
  });
}

function signals(item: Item) {
  const need = needed(item);
  const rule =
    has(need, 'untrustedInput') && has(need, 'sensitiveData') && has(need, 'sideEffects');
  return {
    toolUse: need.length > 0,
    securityBoundary: rule || item.tenant === true,
    parallelism: item.par === true,
    crossDomain: item.cd === true,
  };
}

/** The registry offered with an item: its needed tools, some of the rest, sometimes off-topic ones. */
function offer(item: Item, hardNegative: boolean): ToolRecord[] {
  const registry = REGISTRIES[item.r] as ToolRecord[];
  const need = needed(item);
  const chosen = new Map(need.map((t) => [t.name, t]));
  if (hardNegative) {
    for (const flag of ['untrustedInput', 'sensitiveData', 'sideEffects'] as const) {
      if (has(need, flag)) continue;
      const withFlag = registry.filter((t) => t[flag] && !chosen.has(t.name));
      if (withFlag.length > 0) {
        const t = pick(rand, withFlag);
        chosen.set(t.name, t);
      }
    }
  }
  const rest = shuffle(
    rand,
    registry.filter((t) => !chosen.has(t.name)),
  );
  const target = Math.min(registry.length, Math.max(chosen.size + 1, 3 + Math.floor(rand() * 6)));
  for (const t of rest) {
    if (chosen.size >= target) break;
    chosen.set(t.name, t);
  }
  if (rand() < 0.35) {
    for (const t of shuffle(rand, DISTRACTORS).slice(0, 1 + Math.floor(rand() * 2))) {
      if (
        chosen.size < 12 &&
        ![...chosen.values()].some((c) => c.name.split('.')[0] === t.name.split('.')[0])
      )
        chosen.set(t.name, t);
    }
  }
  return shuffle(rand, [...chosen.values()]);
}

const records: LabeledRecord[] = [];
const groups: [string, Item[], (s: ReturnType<typeof signals>) => boolean, boolean][] = [
  ['sbp', SB_POSITIVE, (s) => s.securityBoundary, false],
  ['sbn', SB_NEGATIVE, (s) => !s.securityBoundary && !s.parallelism, true],
  ['parp', PAR_POSITIVE, (s) => s.parallelism, false],
  ['parn', PAR_NEGATIVE, (s) => !s.parallelism, false],
  ['sbp', MORE.filter((m) => m.group === 'sbp'), (s) => s.securityBoundary, false],
  [
    'sbn',
    MORE.filter((m) => m.group === 'sbn'),
    (s) => !s.securityBoundary && !s.parallelism,
    true,
  ],
  ['parp', MORE.filter((m) => m.group === 'parp'), (s) => s.parallelism, false],
  ['parn', MORE.filter((m) => m.group === 'parn'), (s) => !s.parallelism, false],
];
const counters = new Map<string, number>();
for (const [group, items, check, hardNegative] of groups) {
  for (const item of items) {
    const s = signals(item);
    if (!check(s)) throw new Error(`${group}: item does not fit its group: ${item.x.slice(0, 60)}`);
    const n = counters.get(group) ?? 0;
    counters.set(group, n + 1);
    for (const [k, text] of variants(item.x).entries()) {
      records.push({
        id: `${SOURCE}:${group}-${String(n).padStart(3, '0')}-${k}`,
        source: SOURCE,
        input: text,
        tools: offer(item, hardNegative),
        expected: label(s, item.n),
        ...(item.lang ? { lang: item.lang } : {}),
      });
    }
    // Every fifth securityBoundary positive also under a registry that offers none of its tools.
    if (group === 'sbp' && n % 5 === 2) {
      const tools = shuffle(
        rand,
        [...(REGISTRIES.assistant as ToolRecord[]), ...DISTRACTORS].filter(
          (t) => !t.untrustedInput && !t.sensitiveData && !t.sideEffects,
        ),
      ).slice(0, 4 + Math.floor(rand() * 4));
      records.push({
        id: `${SOURCE}:${group}-${String(n).padStart(3, '0')}-unmet`,
        source: SOURCE,
        input: variants(item.x)[0] as string,
        tools,
        expected: label({}),
        ...(item.lang ? { lang: item.lang } : {}),
      });
    }
  }
}

const foreign = records.filter((r) => r.lang).length;
console.error(
  `non-English ${foreign} of ${records.length} (${((100 * foreign) / records.length).toFixed(1)}%)`,
);
if (foreign < 0.25 * records.length) throw new Error('fewer than 25% non-English records');
writeSource(SOURCE, records);
