// Builds data/routing/sources/sgd.jsonl.gz from the Schema-Guided Dialogue dataset
// (google-research-datasets/dstc8-schema-guided-dialogue, CC-BY-SA-4.0).
//
//   node scripts/routing-data/sgd.ts --from <bare git dir of dstc8-schema-guided-dialogue>
//
// Every intent of a service schema becomes a tool (`<service>.<intent in snake_case>`, the
// intent's own description); `is_transactional` intents have side effects. The request text is
// always the users' own: the first user turn of a dialogue, the user turns that open a new intent
// joined in dialogue order, or a closing turn. Labels follow from the dialogue annotation (the
// frames' active intents) by the rules in data/routing/sources/sgd.md.
import { execFileSync } from 'node:child_process';
import {
  type LabeledRecord,
  label,
  random,
  readGitFile,
  shuffle,
  sourceDir,
  type ToolRecord,
  tool,
  writeSource,
} from './lib.ts';

interface Intent {
  name: string;
  description: string;
  is_transactional: boolean;
}
interface Service {
  service_name: string;
  description: string;
  intents: Intent[];
}
interface Frame {
  service: string;
  actions: { act: string }[];
  state?: { active_intent: string };
}
interface Turn {
  speaker: 'USER' | 'SYSTEM';
  utterance: string;
  frames: Frame[];
}
interface Dialogue {
  dialogue_id: string;
  /** `train`, `dev` or `test`: dialogue ids repeat across splits. */
  split: string;
  services: string[];
  turns: Turn[];
}

const SOURCE = 'sgd';
const dir = sourceDir();

/**
 * The `domain` of each service family. Flights, hotels, buses, trains, rental cars, ride sharing
 * and attractions are one travel domain; events, movies, media and music one entertainment
 * domain; the four `Services_N` are a hair salon (personal care) and dentists, doctors and
 * therapists (healthcare).
 */
function domainOf(service: string): string {
  const family = service.split('_')[0] ?? service;
  if (service === 'Services_1') return 'personal-care';
  if (family === 'Services') return 'healthcare';
  const map: Record<string, string> = {
    Flights: 'travel',
    Hotels: 'travel',
    Buses: 'travel',
    Trains: 'travel',
    RentalCars: 'travel',
    RideSharing: 'travel',
    Travel: 'travel',
    Restaurants: 'dining',
    Events: 'entertainment',
    Movies: 'entertainment',
    Media: 'entertainment',
    Music: 'entertainment',
    Homes: 'real-estate',
    Banks: 'finance',
    Payment: 'finance',
    Calendar: 'productivity',
    Alarm: 'productivity',
    Weather: 'weather',
    Messaging: 'messaging',
  };
  const domain = map[family];
  if (!domain) throw new Error(`no domain for ${service}`);
  return domain;
}

/** Domains whose tools could stand in for each other, so neither is a decoy for the other. */
function related(a: string, b: string): boolean {
  if (a === b) return true;
  const pair = new Set([a, b]);
  if (pair.has('personal-care') && pair.has('healthcare')) return true;
  // Homes_* finds places to live; Hotels_2 books houses for a stay: close enough to be confused.
  return pair.has('real-estate') && pair.has('travel');
}

/** Intents that read the user's private data (bank balances, calendar). */
const SENSITIVE = new Set([
  'Banks_1.CheckBalance',
  'Banks_2.CheckBalance',
  'Calendar_1.GetEvents',
  'Calendar_1.GetAvailableTime',
  'Alarm_1.GetAlarms',
]);

/** Services whose tools could serve each other's requests: "something to do" is an event or an attraction. */
function serviceRelated(a: string, b: string): boolean {
  if (related(domainOf(a), domainOf(b))) return true;
  const families = new Set([a.split('_')[0], b.split('_')[0]]);
  return families.has('Travel') && families.has('Events');
}

const snake = (s: string) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
const toolName = (service: string, intent: string) => `${service.toLowerCase()}.${snake(intent)}`;
const sentence = (s: string) => {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

// ---- schemas -------------------------------------------------------------------------------
const services = new Map<string, Service>();
for (const split of ['train', 'dev', 'test']) {
  for (const s of JSON.parse(readGitFile(dir, `${split}/schema.json`)) as Service[]) {
    if (!services.has(s.service_name)) services.set(s.service_name, s);
  }
}
const toolsOf = (service: string): ToolRecord[] => {
  const s = services.get(service);
  if (!s) throw new Error(`unknown service ${service}`);
  return s.intents.map((i) =>
    tool(toolName(service, i.name), sentence(i.description), domainOf(service), {
      sideEffects: i.is_transactional,
      sensitiveData: SENSITIVE.has(`${service}.${i.name}`),
    }),
  );
};
const serviceNames = [...services.keys()].sort();

// ---- dialogues (files of 4 MiB and more are absent from the snapshot and skipped) -----------
const files = execFileSync(
  'git',
  ['--git-dir', dir, 'ls-tree', '--name-only', 'HEAD', 'train/', 'dev/', 'test/'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((f) => /dialogues_\d+\.json$/.test(f))
  .sort();
const dialogues: Dialogue[] = [];
let skipped = 0;
for (const f of files) {
  let text: string;
  try {
    text = execFileSync('git', ['--git-dir', dir, 'show', `HEAD:${f}`], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    skipped++;
    continue;
  }
  for (const d of JSON.parse(text) as Dialogue[])
    dialogues.push({ ...d, split: f.split('/')[0] as string });
}
console.error(`${files.length - skipped} dialogue files read, ${skipped} absent from the snapshot`);

const rand = random(20_261_207);
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * A registry: the given services' tools plus decoy services from unrelated domains, up to 12
 * tools, shuffled. `avoid` are domains no decoy may come from.
 */
function registry(
  needed: string[],
  avoid: string[],
  minDecoys: number,
  maxDecoys: number,
): ToolRecord[] {
  const tools = needed.flatMap(toolsOf);
  const want = minDecoys + Math.floor(rand() * (maxDecoys - minDecoys + 1));
  const candidates = shuffle(
    rand,
    serviceNames.filter((s) => !needed.includes(s) && !avoid.some((d) => related(d, domainOf(s)))),
  );
  const usedFamilies = new Set(needed.map((s) => s.split('_')[0]));
  let added = 0;
  for (const s of candidates) {
    if (added >= want) break;
    const family = s.split('_')[0];
    if (usedFamilies.has(family)) continue;
    const more = toolsOf(s);
    if (tools.length + more.length > 12) continue;
    tools.push(...more);
    usedFamilies.add(family);
    added++;
  }
  return shuffle(rand, tools);
}

const records: LabeledRecord[] = [];
const usedText = new Set<string>();
const activeIntents = (t: Turn) =>
  t.frames
    .map((f) => [f.service, f.state?.active_intent ?? 'NONE'] as const)
    .filter(([, i]) => i !== 'NONE');

// ---- 1. first user turn of single-service dialogues: the request needs that service ---------
const FIRST_CAP = 6; // per (service, first intent)
const firstCount = new Map<string, number>();
const spareFirst: { d: Dialogue; text: string; service: string }[] = [];
for (const d of shuffle(rand, dialogues)) {
  if (d.services.length !== 1) continue;
  const first = d.turns[0];
  if (first?.speaker !== 'USER') continue;
  const intents = activeIntents(first);
  if (intents.length === 0) continue;
  const key = norm(first.utterance);
  if (usedText.has(key) || key.split(' ').length < 4) continue;
  const service = d.services[0] as string;
  const k = intents.map(([s, i]) => `${s}.${i}`).join('+');
  const n = firstCount.get(k) ?? 0;
  if (n >= FIRST_CAP) {
    spareFirst.push({ d, text: first.utterance, service });
    continue;
  }
  firstCount.set(k, n + 1);
  usedText.add(key);
  records.push({
    id: `${SOURCE}:${d.split}-${d.dialogue_id}:first`,
    source: SOURCE,
    input: first.utterance,
    tools: registry([service], [domainOf(service)], 1, 3),
    expected: label(
      { toolUse: true },
      intents.map(([s, i]) => toolName(s, i)),
    ),
  });
}

// ---- 2. multi-service dialogues: the user turns that open each new intent, joined ------------
// Not crossDomain by the table in sgd.md: every SGD service pair is one consumer assistant
// chaining look-ups and bookings, or a utility/channel (weather, calendar, alarm, ride,
// payment, messaging) serving the other.
const JOINED_CAP = 4; // per set of service families
const joinedCount = new Map<string, number>();
for (const d of shuffle(rand, dialogues)) {
  if (d.services.length < 2) continue;
  const seen = new Set<string>();
  const parts: string[] = [];
  const needed: string[] = [];
  for (const t of d.turns) {
    if (t.speaker !== 'USER') continue;
    let opens = false;
    for (const [s, i] of activeIntents(t)) {
      const k = `${s}.${i}`;
      if (seen.has(k)) continue;
      seen.add(k);
      needed.push(toolName(s, i));
      opens = true;
    }
    if (opens) parts.push(t.utterance.trim());
  }
  const spanned = new Set([...seen].map((k) => k.split('.')[0]));
  if (spanned.size < 2 || parts.length < 2) continue;
  const families = [...new Set([...spanned].map((s) => (s as string).split('_')[0]))]
    .sort()
    .join('+');
  const n = joinedCount.get(families) ?? 0;
  if (n >= JOINED_CAP) continue;
  const input = parts.join(' ');
  const key = norm(input);
  if (usedText.has(key)) continue;
  const used = [...spanned] as string[];
  if (used.flatMap(toolsOf).length > 12) continue;
  joinedCount.set(families, n + 1);
  usedText.add(key);
  records.push({
    id: `${SOURCE}:${d.split}-${d.dialogue_id}:joined`,
    source: SOURCE,
    input,
    tools: registry(used, used.map(domainOf), 0, 2),
    expected: label({ toolUse: true }, needed),
  });
}

// ---- 3. closing turns (thanks, no more requests, goodbye): no tool -------------------------
const CLOSING_ACTS = new Set(['THANK_YOU', 'GOODBYE', 'NEGATE', 'NEGATE_INTENT']);
const CLOSING_CAP = 140;
let closing = 0;
for (const d of shuffle(rand, dialogues)) {
  if (closing >= CLOSING_CAP) break;
  const users = d.turns.filter((t) => t.speaker === 'USER');
  const last = users[users.length - 1];
  if (!last) continue;
  const acts = last.frames.flatMap((f) => f.actions.map((a) => a.act));
  if (acts.length === 0 || !acts.every((a) => CLOSING_ACTS.has(a))) continue;
  const key = norm(last.utterance);
  if (usedText.has(key)) continue;
  usedText.add(key);
  closing++;
  records.push({
    id: `${SOURCE}:${d.split}-${d.dialogue_id}:closing`,
    source: SOURCE,
    input: last.utterance,
    tools: registry(d.services.slice(0, 3), d.services.map(domainOf), 1, 2),
    expected: label({}, []),
  });
}

// ---- 4. first turns under registries that cannot serve them: not toolUse --------------------
const OFFTOPIC_CAP = 130;
const offtopicPerService = new Map<string, number>();
let offtopic = 0;
for (const { d, text, service } of spareFirst) {
  if (offtopic >= OFFTOPIC_CAP) break;
  const key = norm(text);
  if (usedText.has(key)) continue;
  const n = offtopicPerService.get(service) ?? 0;
  if (n >= 4) continue;
  offtopicPerService.set(service, n + 1);
  usedText.add(key);
  offtopic++;
  const decoys = shuffle(
    rand,
    serviceNames.filter((s) => !serviceRelated(s, service)),
  );
  const chosen: string[] = [];
  const families = new Set<string>();
  const count = 2 + Math.floor(rand() * 3);
  for (const s of decoys) {
    if (chosen.length >= count) break;
    const family = s.split('_')[0] as string;
    if (families.has(family)) continue;
    if ([...chosen, s].flatMap(toolsOf).length > 12) continue;
    families.add(family);
    chosen.push(s);
  }
  records.push({
    id: `${SOURCE}:${d.split}-${d.dialogue_id}:offtopic`,
    source: SOURCE,
    input: text,
    tools: shuffle(rand, chosen.flatMap(toolsOf)),
    expected: label({}, []),
  });
}

writeSource(SOURCE, records);
