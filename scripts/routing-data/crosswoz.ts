// CrossWOZ (thu-coai/CrossWOZ, Apache-2.0): Chinese wizard-of-oz dialogues of a Beijing travel
// assistant with five services (attractions, restaurants, hotels, metro, taxi), dialogue acts on
// every turn and the assistant's database queries. The validation and test splits are used (the
// train zip is over the snapshot's size limit). Records (all `lang: zh`):
//   - `u1`: the user's opening request; the services it needs are the domains of its dialogue acts;
//   - `uN`: later user turns that stand on their own: a taxi or metro request naming both places,
//     or a question about a place named in the turn ("北京贵都大酒店的电话是多少？");
//   - `task`: the goal description the user worker was given, joined (a request phrased as a
//     scenario: "你要去一个餐馆(id=1)用餐。...");
//   - `close`: thank-you and goodbye turns (direct);
//   - about 15% of the requests sit under a registry without the services they need (direct).
// Hotel, restaurant, attraction, metro and taxi are one travel domain: a trip plan over them is
// one agent's work, never crossDomain.
//
//   node scripts/routing-data/crosswoz.ts --from /work/.mirror/thu-coai+CrossWOZ/repo
import { inflateRawSync } from 'node:zlib';
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
  readGitBytes,
  shuffle,
  sourceDir,
  type ToolRecord,
  tool,
  writeSource,
} from './lib.ts';

const SOURCE = 'crosswoz';

/** The five CrossWOZ services as tools (after data/crosswoz/database/database.md). */
const SERVICE: Record<string, ToolRecord> = {
  景点: tool(
    'search_attractions',
    'Search Beijing attractions by name, rating, ticket price and visit duration; returns address, hours, phone and nearby places.',
    'travel',
  ),
  餐馆: tool(
    'search_restaurants',
    'Search Beijing restaurants by name, dish, rating and price per person; returns address, hours, phone and nearby places.',
    'travel',
  ),
  酒店: tool(
    'search_hotels',
    'Search Beijing hotels by name, type, rating, price and facilities; returns address, phone and nearby places.',
    'travel',
  ),
  地铁: tool(
    'find_metro_stations',
    'Return the metro stations nearest to a departure place and to a destination.',
    'travel',
  ),
  出租: tool(
    'call_taxi',
    'Dispatch a taxi from a departure place to a destination and return the car model and plate.',
    'travel',
    { sideEffects: true },
  ),
};

/** Other tools of travel and general assistants, none of which does a CrossWOZ service's work. */
const OTHER: ToolRecord[] = [
  tool('reserve_hotel_room', 'Reserve a room at a given hotel for dates and guests.', 'travel', {
    sideEffects: true,
  }),
  tool(
    'book_restaurant_table',
    'Book a table at a given restaurant for a time and party size.',
    'travel',
    {
      sideEffects: true,
    },
  ),
  tool('search_flights', 'Search flights between two cities on a date.', 'travel'),
  tool('book_train_ticket', 'Buy a high-speed rail ticket for a passenger.', 'travel', {
    sensitiveData: true,
    sideEffects: true,
  }),
  tool('get_weather', 'Get the weather forecast for a city.', 'weather'),
  tool('get_air_quality', 'Get the air-quality index for a city.', 'weather'),
  tool('convert_currency', 'Convert an amount between currencies at the current rate.', 'finance'),
  tool('translate_text', 'Translate text between Chinese and other languages.', 'language'),
  tool(
    'send_sms',
    "Send a text message to a phone number from the user's phone.",
    'communication',
    {
      sideEffects: true,
    },
  ),
];

interface Act extends Array<string> {
  0: string;
  1: string;
  2: string;
  3: string;
}
interface Message {
  role: 'usr' | 'sys';
  content: string;
  dialog_act: Act[];
}
interface Dialogue {
  messages: Message[];
  'task description': string[];
  goal: [number, string, string, unknown, boolean][];
}

/** The one file of a zip archive that stores it deflated (as CrossWOZ's split zips do). */
function unzipOne(zip: Buffer): string {
  if (zip.readUInt32LE(0) !== 0x04034b50) throw new Error('not a zip archive');
  const flags = zip.readUInt16LE(6);
  const method = zip.readUInt16LE(8);
  const size = zip.readUInt32LE(18);
  const start = 30 + zip.readUInt16LE(26) + zip.readUInt16LE(28);
  if (method !== 8 || flags & 8) throw new Error('unexpected zip layout');
  return inflateRawSync(zip.subarray(start, start + size)).toString('utf8');
}

/** Character bigrams of the Chinese text (digits and Latin letters dropped). */
function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[\s\p{P}0-9A-Za-z.]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** The needed services' tools, 2 to 4 more of them, 0 to 2 other tools (or none of the needed). */
function registry(rand: () => number, needed: string[], offered: boolean): ToolRecord[] {
  const services = Object.values(SERVICE);
  const own = offered ? services.filter((t) => needed.includes(t.name)) : [];
  const more = shuffle(
    rand,
    services.filter((t) => !needed.includes(t.name)),
  ).slice(0, 2 + Math.floor(rand() * 3));
  const extra = shuffle(rand, OTHER).slice(0, (offered ? 0 : 1) + Math.floor(rand() * 3));
  return shuffle(rand, [...own, ...more, ...extra]);
}

const CLOSING = /谢|再见|拜拜/;

function main(): void {
  const dir = sourceDir();
  const overrides = readLabels<Record<string, LabelOverride>>('crosswoz-labels.json');
  interface Candidate {
    id: string;
    input: string;
    services: string[];
  }
  const openings = new Map<string, Candidate[]>();
  const taxi: Candidate[] = [];
  const metro: Candidate[] = [];
  const named: Candidate[] = [];
  const tasks: Candidate[] = [];
  const closings: Candidate[] = [];
  for (const split of ['val', 'test']) {
    const zip = readGitBytes(dir, `data/crosswoz/${split}.json.zip`);
    const data = JSON.parse(unzipOne(zip)) as Record<string, Dialogue>;
    for (const key of Object.keys(data).sort((a, b) => Number(a) - Number(b))) {
      const d = data[key] as Dialogue;
      const base = `${SOURCE}:${split}-${key}`;
      d.messages.forEach((m, i) => {
        if (m.role !== 'usr') return;
        const text = m.content.replace(/\s+/g, ' ').trim();
        const acts = m.dialog_act.filter((a) => a[0] !== 'General');
        const services = [...new Set(acts.map((a) => a[1]))].filter((s) => s in SERVICE);
        const id = `${base}-u${i + 1}`;
        if (i === 0) {
          if (services.length === 0) return;
          const list = openings.get(services[0] as string) ?? [];
          list.push({ id, input: text, services });
          openings.set(services[0] as string, list);
          return;
        }
        if (acts.length === 0) {
          if (CLOSING.test(text) && text.length <= 30)
            closings.push({ id, input: text, services: [] });
          return;
        }
        const value = (slot: string) => acts.find((a) => a[2] === slot)?.[3] ?? '';
        const both = () => {
          const from = value('出发地');
          const to = value('目的地');
          return from !== '' && to !== '' && text.includes(from) && text.includes(to);
        };
        if (services.includes('出租')) {
          if (both()) taxi.push({ id, input: text, services: ['出租'] });
        } else if (services.includes('地铁')) {
          if (both()) metro.push({ id, input: text, services: ['地铁'] });
        } else if (
          acts.some(
            (a) => a[0] === 'Inform' && a[2] === '名称' && a[3].length >= 2 && text.includes(a[3]),
          ) &&
          acts.some((a) => a[0] === 'Request')
        ) {
          named.push({ id, input: text, services });
        }
      });
      const goalServices = [...new Set(d.goal.map((g) => g[1]))].filter((s) => s in SERVICE);
      const description = d['task description'].join('');
      if (goalServices.length > 0 && description.length > 10) {
        tasks.push({ id: `${base}-task`, input: description, services: goalServices });
      }
    }
  }

  const rand = random(20_260_609);
  const picked: { c: Candidate; kind: string }[] = [];
  for (const service of Object.keys(SERVICE)) {
    for (const c of spread(
      shuffle(rand, openings.get(service) ?? []),
      (x) => x.input,
      85,
      0.4,
      bigrams,
    )) {
      picked.push({ c, kind: 'opening' });
    }
  }
  for (const c of spread(shuffle(rand, taxi), (x) => x.input, 50, 0.4, bigrams))
    picked.push({ c, kind: 'taxi' });
  for (const c of spread(shuffle(rand, metro), (x) => x.input, 50, 0.4, bigrams))
    picked.push({ c, kind: 'metro' });
  for (const c of spread(shuffle(rand, named), (x) => x.input, 95, 0.35, bigrams))
    picked.push({ c, kind: 'named place' });
  for (const c of spread(shuffle(rand, tasks), (x) => x.input, 60, 0.5, bigrams))
    picked.push({ c, kind: 'scenario' });

  const stats: Record<string, number> = {};
  const count = (k: string) => {
    stats[k] = (stats[k] ?? 0) + 1;
  };
  const { records, add: finish } = overriddenRecords(overrides, () => count('override'));
  for (const { c, kind } of picked) {
    const r = random(seedOf(c.id));
    const needed = c.services.map((s) => (SERVICE[s] as ToolRecord).name);
    const offered = r() >= 0.15;
    count(offered ? kind : `${kind}: not offered`);
    finish(
      requestRecord(SOURCE, c, registry(r, needed, offered), offered ? needed : undefined, 'zh'),
    );
  }
  const seen = new Set<string>();
  const distinct = closings.filter((c) => !seen.has(c.input) && seen.add(c.input));
  for (const c of spread(shuffle(rand, distinct), (x) => x.input, 40, 0.6, bigrams)) {
    count('closing');
    const r = random(seedOf(c.id));
    finish(requestRecord(SOURCE, c, registry(r, [], true), undefined, 'zh'));
  }
  writeSource(SOURCE, records);
  console.log(`commit ${headCommit(dir)}; by origin: ${JSON.stringify(stats)}`);
}

main();
