// STAR (RasaHQ/STAR, MIT): 6,652 English wizard-of-oz dialogues in which a crowd worker asks an
// assistant for one or more of 24 tasks (bank balance, fraud report, doctor appointments, ride
// booking, hotel and restaurant reservations, flights, apartments, parties, meetings, weather,
// directions, trivia, spaceship emergencies) and the wizard calls the task's API. Records:
//   - `open`: the user's opening request (the first user turns joined while they are only a
//     greeting), under the wizard's own API registry plus other STAR APIs; expected.tools = the
//     APIs the wizard queried in that dialogue that the request asks for (keyword match);
//   - `task`: the scenario the worker was given ("You are John Smith and would like to submit a
//     fraud report ... Your account number is ..."), a request phrased as a scenario;
//   - `greet` / `close`: greeting-only openings and thank-you/goodbye closings (direct);
//   - about 15% of the requests are placed under a registry without any API of their task
//     (direct: no offered tool can help).
//
//   node scripts/routing-data/star.ts --from /work/.mirror/RasaHQ+STAR/repo
import { execFileSync } from 'node:child_process';
import {
  type LabelOverride,
  overriddenRecords,
  readLabels,
  requestRecord,
  seedOf,
  spread,
} from './builder-kit.ts';
import {
  headCommit,
  random,
  readGitFile,
  readGitFiles,
  shuffle,
  sourceDir,
  type ToolRecord,
  tool,
  writeSource,
} from './lib.ts';

const SOURCE = 'star';

/** The 24 STAR APIs as tools (descriptions ours, from apis/apis/<name>.json inputs and outputs). */
const TOOLS: Record<string, ToolRecord> = {
  apartment_search: tool(
    'apartment_search',
    'Search apartments to rent by area, bedrooms, bathrooms, price, floor and amenities.',
    'real-estate',
  ),
  apartment_schedule: tool(
    'apartment_schedule',
    'Book a viewing of an apartment for a named renter on a given day and time.',
    'real-estate',
    { sideEffects: true },
  ),
  bank_balance: tool(
    'bank_balance',
    "Return the balance of a customer's bank account after checking name, account number and PIN or security answers.",
    'banking',
    { sensitiveData: true },
  ),
  bank_fraud_report: tool(
    'bank_fraud_report',
    "File a fraud report on a customer's bank account after verifying their identity.",
    'banking',
    { sensitiveData: true, sideEffects: true },
  ),
  doctor_followup: tool(
    'doctor_followup',
    "Read a patient's follow-up instructions left by their doctor.",
    'healthcare',
    { sensitiveData: true },
  ),
  doctor_schedule: tool(
    'doctor_schedule',
    'Book an appointment with a doctor for a patient, with the symptoms and preferred time.',
    'healthcare',
    { sensitiveData: true, sideEffects: true },
  ),
  hotel_search: tool(
    'hotel_search',
    'Search hotels by name, part of town, price range, rating and amenities.',
    'hospitality',
  ),
  hotel_book: tool(
    'hotel_book',
    'Reserve a room at a hotel for a named guest between two dates.',
    'hospitality',
    { sideEffects: true },
  ),
  hotel_service_request: tool(
    'hotel_service_request',
    "Send a room-service, housekeeping or maintenance request to a guest's room for a given time.",
    'hospitality',
    { sideEffects: true },
  ),
  meeting_schedule: tool(
    'meeting_schedule',
    "Check a colleague's calendar and book a meeting with them for a day, time and reason.",
    'workplace',
    { sensitiveData: true, sideEffects: true },
  ),
  party_plan: tool(
    'party_plan',
    'Reserve a party venue for a day and time, with guest count, food and parking needs.',
    'events',
    { sideEffects: true },
  ),
  party_rsvp: tool(
    'party_rsvp',
    "Send an RSVP to a party's host with arrival time, number of guests and dietary restrictions.",
    'events',
    { sideEffects: true },
  ),
  plane_search: tool(
    'plane_search',
    'Search flights by origin, destination, date, airline, class and price.',
    'travel',
  ),
  plane_book: tool(
    'plane_book',
    'Book a seat on a flight by flight id for a named passenger.',
    'travel',
    { sideEffects: true },
  ),
  restaurant_search: tool(
    'restaurant_search',
    'Search restaurants by name, part of town, cuisine, price range, rating, delivery and reservations.',
    'dining',
  ),
  restaurant_book: tool(
    'restaurant_book',
    'Reserve a table at a restaurant for a party size, day and time under a name.',
    'dining',
    { sideEffects: true },
  ),
  ride_book: tool(
    'ride_book',
    'Book a ride from a pickup location to a destination, with the preferred service and car.',
    'transport',
    { sideEffects: true },
  ),
  ride_change: tool(
    'ride_change',
    "Change the pickup or drop-off location of a customer's booked ride by ride id.",
    'transport',
    { sensitiveData: true, sideEffects: true },
  ),
  ride_status: tool(
    'ride_status',
    "Look up a customer's booked ride by ride id: status, wait time, driver, car and plate.",
    'transport',
    { sensitiveData: true },
  ),
  trip_directions: tool(
    'trip_directions',
    'Give step-by-step walking, driving or public-transit directions between two places.',
    'maps',
  ),
  trivia: tool(
    'trivia',
    "Fetch a question and its answer from the service's trivia game by number.",
    'games',
  ),
  weather: tool(
    'weather',
    'Get the weather forecast (conditions and temperature) for a city and day.',
    'weather',
  ),
  spaceship_access_codes: tool(
    'spaceship_access_codes',
    "Look up a crew member's emergency access code to unlock the ship's doors, by name and rank.",
    'ship-operations',
    { sensitiveData: true },
  ),
  spaceship_life_support: tool(
    'spaceship_life_support',
    'Guide the repair robot through the life-support lock by its manufacturer and cable colours.',
    'ship-operations',
    { sideEffects: true },
  ),
};

/** Words that show a request asks for an API (only APIs the wizard queried are considered). */
const KEYWORDS: Record<string, RegExp> = {
  apartment_search: /apartment|appartment|bedroom|place to (live|rent)|\brent\b/i,
  apartment_schedule: /view|tour|visit|look at|see (an|the)|schedul|appointment|appt/i,
  bank_balance: /balance|how much (money )?(i have|do i have|is in)/i,
  bank_fraud_report:
    /fraud|stole|stolen|theft|suspicious|unauthori[sz]ed|odd things|took (out )?\$|taken|lost my (debit |credit |bank )?card|card is missing|card (was|is) (lost|missing)/i,
  doctor_followup:
    /medicine|medication|instructions|follow ?-?up|told me|forgot|prescription|side effect|pills?\b/i,
  doctor_schedule: /appointment|appt|schedul|see (the |a |my )?(doctor|dr)|book.*(doctor|dr\.?)\b/i,
  hotel_search: /hotel|\binn\b|place to stay|hyatt|hilton|rating/i,
  hotel_book: /reserv|\bbook|a room|stay at|staying at/i,
  hotel_service_request:
    /towel|room service|service request|housekeep|clean|broken|fix|\bac\b|air condition|to my room|pillow|blanket|order food|request/i,
  meeting_schedule: /meeting/i,
  party_plan: /party|celebrat|venue/i,
  party_rsvp: /rsvp|attend/i,
  plane_search: /flight|fly|plane|airline/i,
  plane_book: /flight|\bbook|reserve/i,
  restaurant_search: /restaurant|restauraunt|place to eat|somewhere to eat|\bfood\b|cuisine/i,
  restaurant_book: /table|reserv|\bbook/i,
  ride_book: /ride|taxi|\bcab\b|lyft|uber|pick me up|drive me|go to the|get to the/i,
  ride_change: /change|update|switch|modify/i,
  ride_status: /status|where is my|waiting|driver|how long/i,
  trip_directions: /direction|how (do|can) i get|get to|route|walk|way to/i,
  trivia: /trivia|quiz/i,
  weather: /weather|rain|forecast|temperature|sunny|snow|umbrella/i,
  spaceship_access_codes: /attack|door|locked|access code|\bcode\b|unlock/i,
  spaceship_life_support: /life support|cable|engineering|robot|lock/i,
};

/** Words of each domain: an API matches only when its domain is named too ("book" alone is not a flight). */
const DOMAIN_WORDS: Record<string, RegExp> = {
  'real-estate': /apartment|appartment|bedroom|\brent\b|north hill|one on center/i,
  banking: /bank|balance|account|card|fraud|stole|money|\$/i,
  healthcare:
    /doctor|\bdr\b|appointment|appt|medicine|medication|sick|cough|sore|fever|symptom|pills?\b/i,
  hospitality: /hotel|\binn\b|room|hyatt|hilton|\bstay|towel/i,
  workplace: /meeting/i,
  events: /party|rsvp|venue/i,
  travel: /flight|\bfly|plane|airline/i,
  dining:
    /restaurant|restauraunt|table|\beat\b|food|dinner|lunch|cuisine|porch|tamarind|legume|cactus club|lucca/i,
  transport: /ride|taxi|\bcab\b|lyft|uber|driver|pick me up/i,
  maps: /direction|get to|route|walk|way to|how (do|can) i get/i,
  games: /trivia|quiz/i,
  weather: /weather|rain|forecast|temperature|sunny|snow|umbrella/i,
  'ship-operations': /ship|attack|door|life support|robot|crew|cable|lock/i,
};

/** A first user turn that carries no request yet (the next turn is joined to it). */
const GREETING =
  /^(?:(?:hi|hello|hallo|hey|hiya|heya|howdy|yo|greetings|good|morning|afternoon|evening|there|how|are|is|it|going|you|doing|today|ai|assistant|kind|soul|sir|madam|again|bot)\b[\s!.,?:;'-]*)+$/i;
const CLOSING = /\b(thanks?|thank you|bye|goodbye)\b/i;
/** Scenario texts that are instructions about how to act, not the user's request. */
const META =
  /wizard|\[instruction|pretend|act (confused|like)|indicate that|come up with|make sure to|say goodbye|in this case|if (it|the \w+) is not available/i;

interface StarEvent {
  Agent: string;
  Action: string;
  Text?: string;
  APIName?: string;
}
interface StarDialogue {
  DialogueID: number;
  CompletionLevel: string;
  Events: StarEvent[];
  Scenario: {
    UserTask: string;
    MultiTask: boolean;
    WizardCapabilities: { Task: string; Domain: string }[];
  };
}

const domainOf = (api: string) => (TOOLS[api] as ToolRecord).domain;

/**
 * The registry of a request: the wizard's own APIs plus other STAR APIs (3 to 9 tools), or for a
 * `withoutDomains` request, another registry holding no API of those domains.
 */
function registry(rand: () => number, own: string[], withoutDomains?: Set<string>): ToolRecord[] {
  const all = Object.keys(TOOLS);
  const base = withoutDomains ? [] : [...own];
  // Related domains are left out together (a directions tool does not book the ride asked for);
  // the fictional spaceship APIs only join registries that already hold one.
  const related = new Set(withoutDomains);
  if (related.has('transport')) related.add('maps');
  if (related.has('maps')) related.add('transport');
  const ship = base.some((n) => domainOf(n) === 'ship-operations');
  const others = shuffle(
    rand,
    all.filter(
      (n) =>
        !base.includes(n) &&
        !related.has(domainOf(n)) &&
        (ship || domainOf(n) !== 'ship-operations'),
    ),
  );
  const size = Math.max(base.length + 1, 3 + Math.floor(rand() * 6));
  const names = [...base, ...others.slice(0, Math.max(0, Math.min(9, size) - base.length))];
  return shuffle(rand, names).map((n) => TOOLS[n] as ToolRecord);
}

function main(): void {
  const dir = sourceDir();
  const overrides = readLabels<Record<string, LabelOverride>>('star-labels.json');
  const files = execFileSync('git', ['--git-dir', dir, 'ls-tree', '-r', '--name-only', 'HEAD'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  })
    .split('\n')
    .filter((f) => /^dialogues\/.*\.json$/.test(f));
  readGitFile(dir, 'LICENSE.txt'); // MIT; fails loudly if the snapshot is not STAR's
  const dialogues: StarDialogue[] = readGitFiles(dir, files)
    .map((text) => JSON.parse(text) as StarDialogue)
    .sort((a, b) => a.DialogueID - b.DialogueID);

  interface Candidate {
    id: string;
    input: string;
    apis: string[];
    own: string[];
    kind: 'open' | 'task';
  }
  const open = new Map<string, Candidate[]>();
  const tasks = new Map<string, Candidate[]>();
  const greetings: { id: string; input: string; own: string[] }[] = [];
  const closings: { id: string; input: string; own: string[] }[] = [];
  const triviaOpenings: { id: string; input: string; own: string[] }[] = [];
  const push = <T>(map: Map<string, T[]>, key: string, item: T) => {
    const list = map.get(key) ?? [];
    list.push(item);
    map.set(key, list);
  };

  for (const d of dialogues) {
    const own = d.Scenario.WizardCapabilities.map((c) => c.Task).filter((t) => t in TOOLS);
    const queried = [
      ...new Set(d.Events.filter((e) => e.Action === 'query').map((e) => e.APIName ?? '')),
    ].filter((n) => n in TOOLS);
    const utterances = d.Events.filter((e) => e.Agent === 'User' && e.Action === 'utter').map((e) =>
      (e.Text ?? '').replace(/\s+/g, ' ').trim(),
    );
    // The opening: user turns joined while they are only a greeting.
    const parts: string[] = [];
    for (const u of utterances) {
      if (!u) continue;
      parts.push(u);
      if (!GREETING.test(u)) break;
    }
    const opening = parts.join(' ');
    const first = parts[0];
    if (first && GREETING.test(first) && first.length <= 40) {
      greetings.push({ id: `${SOURCE}:${d.DialogueID}-greet`, input: first, own });
    }
    if (opening && !GREETING.test(opening) && opening.length >= 12) {
      const apis = queried.filter(
        (a) => KEYWORDS[a]?.test(opening) && DOMAIN_WORDS[domainOf(a)]?.test(opening),
      );
      // A request matching two APIs of the same task family keeps both (search then book).
      const primary = apis[0];
      if (primary === 'trivia') {
        if (/question\s*#?\s*\d/i.test(opening)) continue;
        triviaOpenings.push({ id: `${SOURCE}:${d.DialogueID}-open`, input: opening, own });
      } else if (primary) {
        push(open, primary, {
          id: `${SOURCE}:${d.DialogueID}-open`,
          input: opening,
          apis: apis.filter((a) => a !== 'trivia'),
          own,
          kind: 'open',
        });
      }
    }
    const last = utterances.at(-1);
    if (
      d.CompletionLevel === 'Complete' &&
      utterances.length > 1 &&
      last &&
      CLOSING.test(last) &&
      last.length <= 70 &&
      !/\?/.test(last)
    ) {
      closings.push({ id: `${SOURCE}:${d.DialogueID}-close`, input: last, own });
    }
    // The worker's scenario, for single-task dialogues whose API was queried.
    const task = d.Scenario.UserTask.replace(/\s+/g, ' ').trim();
    const only = own.length === 1 ? own[0] : undefined;
    if (
      only &&
      only !== 'trivia' &&
      queried.includes(only) &&
      !META.test(task) &&
      task.length > 20
    ) {
      push(tasks, only, {
        id: `${SOURCE}:${d.DialogueID}-task`,
        input: task,
        apis: [only],
        own,
        kind: 'task',
      });
    }
  }

  const rand = random(20_260_607);
  const picked: Candidate[] = [];
  for (const api of Object.keys(TOOLS)) {
    const cap = api === 'weather' || api === 'bank_fraud_report' ? 24 : 20;
    picked.push(...spread(shuffle(rand, open.get(api) ?? []), (c) => c.input, cap, 0.45));
    picked.push(...spread(shuffle(rand, tasks.get(api) ?? []), (c) => c.input, 6, 0.6));
  }

  const stats = { tool: 0, notOffered: 0, greet: 0, close: 0, trivia: 0, overrides: 0 };
  const { records, add: finish } = overriddenRecords(overrides, () => {
    stats.overrides++;
  });

  for (const c of picked) {
    const r = random(seedOf(c.id));
    const domains = new Set(c.apis.map(domainOf));
    if (r() < 0.15) {
      stats.notOffered++;
      finish(requestRecord(SOURCE, c, registry(r, [], domains)));
      continue;
    }
    stats.tool++;
    const tools = registry(r, [...new Set([...c.apis, ...c.own])]);
    finish(requestRecord(SOURCE, c, tools, c.apis));
  }
  const negatives = [
    ...spread(shuffle(rand, greetings), (g) => g.input.toLowerCase(), 16, 0.7).map((g) => ({
      ...g,
      kind: 'greet' as const,
    })),
    ...spread(shuffle(rand, closings), (g) => g.input.toLowerCase(), 34, 0.6).map((g) => ({
      ...g,
      kind: 'close' as const,
    })),
    ...spread(shuffle(rand, triviaOpenings), (g) => g.input, 12, 0.45).map((g) => ({
      ...g,
      kind: 'trivia' as const,
    })),
  ];
  for (const n of negatives) {
    stats[n.kind]++;
    const r = random(seedOf(n.id));
    finish(requestRecord(SOURCE, n, registry(r, n.own)));
  }
  writeSource(SOURCE, records);
  console.log(`commit ${headCommit(dir)}; by origin: ${JSON.stringify(stats)}`);
  const multi = records.filter(
    (r) => new Set((r.expected.tools ?? []).map((t) => domainOf(t))).size > 1,
  );
  console.log(`requests whose needed tools span two domains (reviewed): ${multi.length}`);
  for (const m of multi) console.log(`  ${m.id}: ${m.expected.tools?.join(',')}: ${m.input}`);
}

main();
