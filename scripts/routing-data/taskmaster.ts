// Taskmaster (google-research-datasets/Taskmaster, CC-BY-4.0): the opening user turns of
//   - Taskmaster-3 (TicketTalk) movie-ticketing dialogues, as found in TM-3-2020/reward/*.json
//     (the dialogue prefixes with the agent's next API call; the full TM-3 data files are over the
//     snapshot's size limit), with the APIs the agent called (find_movies, find_showtimes,
//     check_tickets, book_tickets...);
//   - Taskmaster-4 coffee-ordering self-dialogues (TM-4-2024/data/*.json), whose user turns carry
//     the API calls they caused (get_menu_items, add_order_item, finish_order...), including the
//     "completely off topic" scenario (general questions to the barista) and greeting openings.
// Requests sit under the service's own API registry (plus a few other services' tools); about 12%
// of the tool requests sit under the other service's registry (direct: no offered tool helps).
//
//   node scripts/routing-data/taskmaster.ts --from /work/.mirror/google-research-datasets+Taskmaster/repo
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
  readGitFiles,
  shuffle,
  sourceDir,
  type ToolRecord,
  tool,
  writeSource,
} from './lib.ts';

const SOURCE = 'taskmaster';

/** TM-3 APIs (TM-3-2020/ontology/apis.json; descriptions after its README). */
const MOVIE: ToolRecord[] = [
  tool(
    'resolve_movie',
    'Match a movie name as the customer said it to the official title.',
    'movies',
  ),
  tool(
    'resolve_location',
    'Match a place the customer named to an official city and state.',
    'movies',
  ),
  tool(
    'resolve_theater',
    'Match a theater name the customer gave to the official theater name.',
    'movies',
  ),
  tool(
    'find_movies',
    'List the movies now showing, filtered by location, theater, genre, screening type, cast or reviews.',
    'movies',
  ),
  tool(
    'find_theaters',
    'List theaters near a location, optionally those showing a given movie.',
    'movies',
  ),
  tool('find_showtimes', 'List the showtimes of a movie at a theater on a date.', 'movies'),
  tool(
    'get_movie_attribute',
    'Return one attribute of a movie: genre, cast, plot, runtime, rating, release date or reviews.',
    'movies',
  ),
  tool(
    'check_tickets',
    'Check that tickets are available for a movie, theater, showtime, date and number of seats.',
    'movies',
  ),
  tool(
    'book_tickets',
    "Buy tickets for a movie showing with the customer's saved payment method.",
    'movies',
    { sideEffects: true },
  ),
];

/** TM-4 APIs (the api_call annotations of TM-4-2024/data; descriptions ours). */
const COFFEE: ToolRecord[] = [
  tool('show_menu', "Show the coffee bar's menu on the customer's screen.", 'food-ordering'),
  tool(
    'get_menu_items',
    "Search the coffee bar's menu for drinks matching a name or category, with descriptions.",
    'food-ordering',
  ),
  tool(
    'get_addons',
    'List the add-on options of a menu item (milks, sweeteners, espresso shots, temperature).',
    'food-ordering',
  ),
  tool(
    'add_order_item',
    "Add a menu item with its options and notes to the customer's open order.",
    'food-ordering',
    { sideEffects: true },
  ),
  tool(
    'update_order',
    'Change an order-level option such as the name on the order or for here/to go.',
    'food-ordering',
    { sideEffects: true },
  ),
  tool(
    'update_order_item',
    'Change the options of an item already in the order.',
    'food-ordering',
    { sideEffects: true },
  ),
  tool('get_order_details', 'Show the items and options of the open order.', 'food-ordering'),
  tool(
    'finish_order',
    'Send the confirmed order to the bar to be made and charged.',
    'food-ordering',
    { sideEffects: true },
  ),
];

/** Other services' tools, none of which serves a movie or coffee request. */
const OTHER: ToolRecord[] = [
  tool('get_weather', 'Get the current weather and forecast for a place.', 'weather'),
  tool('request_ride', 'Request a ride from a pickup point to a destination.', 'transport', {
    sideEffects: true,
  }),
  tool('get_directions', 'Give driving, walking or transit directions between two places.', 'maps'),
  tool(
    'book_restaurant_table',
    'Reserve a table at a restaurant for a time and party size.',
    'dining',
    {
      sideEffects: true,
    },
  ),
  tool('play_music', 'Play a song, album or playlist on the connected speaker.', 'media', {
    sideEffects: true,
  }),
  tool('send_email', 'Send an email from the user account.', 'communication', {
    sideEffects: true,
  }),
  tool('create_calendar_event', "Add an event to the user's calendar.", 'calendar', {
    sensitiveData: true,
    sideEffects: true,
  }),
  tool('get_loyalty_balance', "Return the customer's loyalty points and rewards.", 'loyalty', {
    sensitiveData: true,
  }),
];

const GREETING =
  /^(?:(?:hi|hello|hey|hiya|howdy|yo|greetings|good|morning|afternoon|evening|there|how|are|is|it|going|you|doing|today|friend|for|thanks?)\b[\s!.,?:;'-]*)+$/i;

/**
 * A registry: the needed tools, 2 to 5 more of the same service, 0 to 2 other services' tools.
 * `notOffered`: the other service's tools instead of this one's.
 */
function registry(
  rand: () => number,
  service: ToolRecord[],
  other: ToolRecord[],
  needed: string[],
  foreign = true,
): ToolRecord[] {
  const own = service.filter((t) => needed.includes(t.name));
  const more = shuffle(
    rand,
    service.filter((t) => !needed.includes(t.name)),
  ).slice(0, 2 + Math.floor(rand() * 4));
  const extra = foreign ? shuffle(rand, other).slice(0, Math.floor(rand() * 3)) : [];
  return shuffle(rand, [...own, ...more, ...extra]);
}

interface Message {
  role: string;
  text?: string;
  api?: Record<string, unknown>;
}

function main(): void {
  const dir = sourceDir();
  const overrides = readLabels<Record<string, LabelOverride>>('taskmaster-labels.json');
  const rand = random(20_260_608);
  const stats: Record<string, number> = {};
  const count = (k: string) => {
    stats[k] = (stats[k] ?? 0) + 1;
  };
  const { records, add: finish } = overriddenRecords(overrides, () => count('override'));

  // ---- TM-3: opening turns of movie-ticket dialogues, from the reward prefixes.
  interface Opening {
    text: string;
    conversations: Message[][];
    id: string;
  }
  const openings = new Map<string, Opening>();
  const rowsFiles = Array.from({ length: 8 }, (_, i) => `TM-3-2020/reward/reward_0${i}.json`);
  for (const text of readGitFiles(dir, rowsFiles)) {
    const rows = JSON.parse(text) as {
      conversation_id: string;
      context: string;
      generation: string;
    }[];
    for (const row of rows) {
      const messages = [
        ...(JSON.parse(row.context) as Message[]),
        JSON.parse(row.generation) as Message,
      ];
      const first = messages
        .find((m) => m.role === 'user')
        ?.text?.replace(/\s+/g, ' ')
        .trim();
      if (!first) continue;
      const o = openings.get(first) ?? { text: first, conversations: [], id: row.conversation_id };
      o.conversations.push(messages);
      openings.set(first, o);
    }
  }
  const BUY = /ticket|\bbook|\bbuy|reserve|purchase|seats?\b/i;
  const movieRequests: { id: string; input: string; apis: string[] }[] = [];
  const movieGreetings: { id: string; input: string }[] = [];
  for (const o of [...openings.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const id = `${SOURCE}:tm3-${o.id.replace(/^dlg-/, '')}`;
    if (GREETING.test(o.text)) {
      movieGreetings.push({ id, input: o.text });
      continue;
    }
    if (o.text.split(/\s+/).length < 2) continue;
    // The APIs the agent called for the opening request: those before its first text answer
    // that follows a search, check or booking call (name resolution and the agent's questions
    // for a location or a title before the search are passed over).
    const apis: string[] = [];
    const later = new Set<string>();
    for (const conversation of o.conversations) {
      let seenCall = false;
      let done = false;
      for (const m of conversation.slice(conversation.findIndex((x) => x.role === 'user') + 1)) {
        if (m.role === 'agent' && m.api) {
          const name = Object.keys(m.api)[0] ?? '';
          later.add(name);
          if (!done && !apis.includes(name)) apis.push(name);
          if (!name.startsWith('resolve_')) seenCall = true;
        } else if (m.role === 'agent' && m.text && seenCall) {
          done = true;
        }
      }
    }
    if (BUY.test(o.text) && later.has('book_tickets') && !apis.includes('book_tickets')) {
      apis.push('book_tickets');
    }
    if (apis.length === 0) continue;
    movieRequests.push({ id, input: o.text, apis });
  }

  // ---- TM-4: opening turns of coffee-ordering dialogues.
  interface Coffee {
    id: string;
    input: string;
    apis: string[];
    scenario: string;
  }
  const byScenario = new Map<string, Coffee[]>();
  const coffeeGreetings: { id: string; input: string }[] = [];
  const dialogsFiles = Array.from({ length: 8 }, (_, i) => `TM-4-2024/data/data_0${i}.json`);
  for (const text of readGitFiles(dir, dialogsFiles)) {
    const dialogs = JSON.parse(text) as {
      conversation_id: string;
      scenario: string;
      utterances: {
        speaker: string;
        text: string;
        annotations?: { name: string; value: string }[];
      }[];
    }[];
    for (const d of dialogs) {
      const first = d.utterances[0];
      if (first?.speaker !== 'user') continue;
      const input = first.text.replace(/\s+/g, ' ').trim();
      const id = `${SOURCE}:tm4-${d.conversation_id.replace(/^dlg-/, '')}`;
      const apis = [
        ...new Set(
          (first.annotations ?? []).filter((a) => a.name === 'api_call').map((a) => a.value),
        ),
      ];
      const scenario = (d.scenario.match(/^Auto template (\w+)/)?.[1] ?? d.scenario).toLowerCase();
      if (GREETING.test(input)) {
        coffeeGreetings.push({ id, input });
        continue;
      }
      if (input.length < 4) continue;
      const list = byScenario.get(scenario) ?? [];
      list.push({ id, input, apis, scenario });
      byScenario.set(scenario, list);
    }
  }

  // ---- Records.
  for (const m of spread(shuffle(rand, movieRequests), (x) => x.input, 190, 0.5)) {
    const r = random(seedOf(m.id));
    if (r() < 0.12) {
      count('movie: not offered');
      finish(requestRecord(SOURCE, m, registry(r, COFFEE, OTHER, [])));
      continue;
    }
    count('movie: tool');
    finish(requestRecord(SOURCE, m, registry(r, MOVIE, OTHER, m.apis), m.apis));
  }
  for (const g of spread(shuffle(rand, movieGreetings), (x) => x.input.toLowerCase(), 8, 0.7)) {
    count('greeting');
    const r = random(seedOf(g.id));
    finish(requestRecord(SOURCE, g, registry(r, MOVIE, OTHER, [])));
  }
  for (const g of spread(shuffle(rand, coffeeGreetings), (x) => x.input.toLowerCase(), 16, 0.6)) {
    count('greeting');
    const r = random(seedOf(g.id));
    finish(requestRecord(SOURCE, g, registry(r, COFFEE, OTHER, [])));
  }
  /** Per scenario: how many, and how the opening is labeled. */
  const MENU_QUESTION =
    /\bdo (you|y'all|you guys) (have|sell|serve|make|carry|offer)\b|\by'all sell\b|\byour (coffee|menu|drinks?|teas?|snacks?|food)\b/i;
  const COMPANY = /\byour\b|\bhere\b|you guys|\byou (make|put|use|serve)/i;
  for (const scenario of [...byScenario.keys()].sort()) {
    const items = byScenario.get(scenario) ?? [];
    const offTopic = scenario === '13';
    const ingredients = scenario === '25';
    const menu = ['14b', '15', '16', '17'].includes(scenario);
    const cap = offTopic ? 45 : ingredients ? 16 : menu ? 12 : 6;
    for (const c of spread(shuffle(rand, items), (x) => x.input, cap, 0.5)) {
      const r = random(seedOf(c.id));
      if (offTopic && MENU_QUESTION.test(c.input)) {
        // An "off topic" turn that still asks what this shop sells needs its menu.
        count('coffee: off topic asking the menu');
        finish(
          requestRecord(SOURCE, c, registry(r, COFFEE, OTHER, ['get_menu_items'], false), [
            'get_menu_items',
          ]),
        );
        continue;
      }
      if (offTopic) {
        // General questions to the barista: a model answers, or says it cannot (no tool helps).
        count('coffee: off topic');
        finish(requestRecord(SOURCE, c, registry(r, COFFEE, OTHER, [], false)));
        continue;
      }
      if (c.apis.length === 0) continue;
      if (ingredients && !COMPANY.test(c.input)) {
        // "What's in an Americano?" is general knowledge, with the menu tool on offer.
        count('coffee: general drink question');
        finish(requestRecord(SOURCE, c, registry(r, COFFEE, OTHER, c.apis)));
        continue;
      }
      if (r() < 0.12) {
        count('coffee: not offered');
        finish(requestRecord(SOURCE, c, registry(r, MOVIE, OTHER, [])));
        continue;
      }
      count(menu || ingredients ? 'coffee: menu question' : 'coffee: order');
      finish(requestRecord(SOURCE, c, registry(r, COFFEE, OTHER, c.apis), c.apis));
    }
  }
  writeSource(SOURCE, records);
  console.log(`commit ${headCommit(dir)}; by origin: ${JSON.stringify(stats)}`);
  const ATTRIBUTE =
    /plot|about\b|rated|rating|review|who (is|stars)|cast|how long|runtime|director/i;
  const WHERE = /playing|showing|showtime|ticket|theat|tonight|today|near|out\b|see/i;
  for (const r of records) {
    if (r.id.includes('tm3') && ATTRIBUTE.test(r.input) && !WHERE.test(r.input)) {
      console.log(`  review (movie attribute only): ${r.id}: ${r.input}`);
    }
  }
}

main();
