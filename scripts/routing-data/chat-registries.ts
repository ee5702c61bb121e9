// Shared by the everyday-chat builders (hh-rlhf.ts, oasst.ts, awesome-chatgpt-prompts.ts): the
// assistant registries a chat prompt is placed under, the rules that propose what a prompt needs,
// and the labeling that turns (prompt need, registry) into a GUIDE label.
//
// A prompt's *need* is what it asks for beyond its own text and general knowledge: fresh web facts,
// weather, news, scores, market prices, reading a given URL, running code, the user's own calendar
// or mail. Rules propose the need from the text; every proposed need and a sample of the rest were
// read by hand and corrected per id in `<source>-labels.json`. The label then follows mechanically:
// toolUse when the registry offers a tool that serves the need, otherwise direct (the GUIDE: a
// request that no offered tool can help with is not toolUse). No chat prompt of these sources has
// three substantial independent subtasks or two specialist domains, so the other signals stay off
// unless an override sets them.
import { loadNeedOverrides, type NeedOverride, seedOf } from './builder-kit.ts';
import { type LabeledRecord, label, random, type ToolRecord, tool } from './lib.ts';

export type Need =
  | 'none'
  | 'web'
  | 'weather'
  | 'news'
  | 'sports'
  | 'market'
  | 'fx'
  | 'url'
  | 'code'
  | 'calendar'
  | 'email'
  | 'places';

export const NEEDS: readonly Need[] = [
  'none',
  'web',
  'weather',
  'news',
  'sports',
  'market',
  'fx',
  'url',
  'code',
  'calendar',
  'email',
  'places',
];

type Registry = {
  name: string;
  weight: number;
  tools: ToolRecord[];
  /** The offered tools that serve each need, best first (the first one is the label's tool). */
  serves: Partial<Record<Need, string[]>>;
};

const webSearch = tool(
  'web_search',
  'Search the public web and return result titles, snippets and links.',
  'web',
  { untrustedInput: true },
);
const fetchUrl = tool(
  'fetch_url',
  'Download a public web page or document by URL and return its text.',
  'web',
  { untrustedInput: true },
);
const getWeather = tool(
  'get_weather',
  'Current conditions and a 7-day forecast for a place.',
  'weather',
);

export const REGISTRIES: readonly Registry[] = [
  {
    name: 'general-assistant',
    weight: 4,
    tools: [
      webSearch,
      fetchUrl,
      tool(
        'run_python',
        'Run a Python snippet in a sandbox and return stdout and errors.',
        'compute',
      ),
      getWeather,
      tool(
        'translate_text',
        'Translate text between languages with the translation service.',
        'language',
      ),
      tool('save_note', "Save a note to the user's notebook.", 'productivity', {
        sideEffects: true,
      }),
    ],
    serves: {
      web: ['web_search'],
      weather: ['get_weather', 'web_search'],
      news: ['web_search'],
      sports: ['web_search'],
      market: ['web_search'],
      fx: ['web_search'],
      url: ['fetch_url'],
      code: ['run_python'],
      places: ['web_search'],
    },
  },
  {
    name: 'workplace-copilot',
    weight: 3,
    tools: [
      tool(
        'search_company_docs',
        'Search the internal wiki, policies and shared drives.',
        'knowledge',
        {
          sensitiveData: true,
        },
      ),
      tool(
        'get_calendar_events',
        "List events on the user's work calendar for a date range.",
        'productivity',
        {
          sensitiveData: true,
        },
      ),
      tool(
        'create_calendar_event',
        "Create an event on the user's calendar and invite attendees.",
        'productivity',
        {
          sideEffects: true,
        },
      ),
      tool('read_inbox', "Read recent messages in the user's mailbox.", 'communication', {
        untrustedInput: true,
        sensitiveData: true,
      }),
      tool('send_email', 'Send an email from the user account.', 'communication', {
        sideEffects: true,
      }),
      tool('create_ticket', 'Open a ticket in the IT service desk queue.', 'it', {
        sideEffects: true,
      }),
      tool(
        'lookup_colleague',
        'Find a colleague in the company directory: title, team, manager, phone.',
        'knowledge',
        {
          sensitiveData: true,
        },
      ),
    ],
    serves: { calendar: ['get_calendar_events'], email: ['send_email'] },
  },
  {
    name: 'personal-assistant',
    weight: 3,
    tools: [
      webSearch,
      getWeather,
      tool('get_news_headlines', 'Top news headlines, optionally for a topic or country.', 'news', {
        untrustedInput: true,
      }),
      tool(
        'get_sports_scores',
        'Live and recent scores, fixtures and standings for a team or league.',
        'sports',
      ),
      tool('set_reminder', 'Set a reminder on the phone for a time or place.', 'productivity', {
        sideEffects: true,
      }),
      tool('send_text_message', 'Send an SMS to a contact.', 'communication', {
        sideEffects: true,
      }),
      tool(
        'find_places',
        'Find shops, restaurants and services near a location, with hours and ratings.',
        'maps',
      ),
      tool('play_music', 'Play a song, album, artist or playlist on the linked speaker.', 'media', {
        sideEffects: true,
      }),
    ],
    serves: {
      web: ['web_search'],
      weather: ['get_weather', 'web_search'],
      news: ['get_news_headlines', 'web_search'],
      sports: ['get_sports_scores', 'web_search'],
      market: ['web_search'],
      fx: ['web_search'],
      places: ['find_places', 'web_search'],
    },
  },
  {
    name: 'developer-platform',
    weight: 2,
    tools: [
      tool(
        'run_code',
        'Execute code (Python, JavaScript, Bash) in an isolated runner and return the output.',
        'compute',
      ),
      tool('search_dev_docs', 'Search the platform API reference and guides.', 'developer'),
      tool('list_repositories', "List the organization's repositories.", 'developer', {
        sensitiveData: true,
      }),
      tool(
        'read_repo_file',
        'Read a file from one of the organization’s private repositories.',
        'developer',
        {
          sensitiveData: true,
        },
      ),
      tool(
        'get_build_status',
        'Status and logs of the latest CI builds of a repository.',
        'developer',
        {
          sensitiveData: true,
        },
      ),
      tool('create_issue', 'Open an issue in a repository.', 'developer', { sideEffects: true }),
      tool('deploy_service', 'Deploy a service version to staging or production.', 'developer', {
        sideEffects: true,
      }),
    ],
    serves: { code: ['run_code'] },
  },
  {
    name: 'online-shop',
    weight: 2,
    tools: [
      tool(
        'search_products',
        'Search the store catalog by keyword, category or price range.',
        'commerce',
      ),
      tool(
        'get_order',
        "Look up one of the customer's orders: items, status, totals.",
        'commerce',
        {
          sensitiveData: true,
        },
      ),
      tool(
        'track_shipment',
        'Carrier tracking events and delivery estimate for a shipment.',
        'commerce',
      ),
      tool('start_return', 'Open a return for items of a delivered order.', 'commerce', {
        sideEffects: true,
      }),
      tool('get_product_reviews', 'Customer reviews of a product.', 'commerce', {
        untrustedInput: true,
      }),
      tool('apply_coupon', "Apply a coupon code to the customer's cart.", 'commerce', {
        sideEffects: true,
      }),
    ],
    serves: {},
  },
  {
    name: 'bank-app',
    weight: 2,
    tools: [
      tool('get_balances', "Balances of the customer's accounts and cards.", 'banking', {
        sensitiveData: true,
      }),
      tool(
        'list_transactions',
        "The customer's recent transactions, filterable by date and merchant.",
        'banking',
        {
          sensitiveData: true,
        },
      ),
      tool('transfer_money', 'Transfer money between accounts or to a saved payee.', 'banking', {
        sensitiveData: true,
        sideEffects: true,
      }),
      tool('get_exchange_rate', "Today's exchange rate between two currencies.", 'banking'),
      tool('freeze_card', 'Freeze or unfreeze one of the customer’s cards.', 'banking', {
        sideEffects: true,
      }),
      tool('find_branch_or_atm', 'Find bank branches and ATMs near a location.', 'banking'),
    ],
    serves: { fx: ['get_exchange_rate'] },
  },
  {
    name: 'hr-helpdesk',
    weight: 2,
    tools: [
      tool('get_hr_policy', 'Look up an HR policy (leave, benefits, expenses, conduct).', 'hr'),
      tool('get_leave_balance', "The employee's remaining vacation and sick days.", 'hr', {
        sensitiveData: true,
      }),
      tool('submit_leave_request', 'Submit a leave request for approval.', 'hr', {
        sideEffects: true,
      }),
      tool('get_payslip', "One of the employee's payslips.", 'hr', { sensitiveData: true }),
      tool('open_hr_case', 'Open a confidential case with the HR team.', 'hr', {
        sensitiveData: true,
        sideEffects: true,
      }),
    ],
    serves: {},
  },
  {
    name: 'travel-concierge',
    weight: 2,
    tools: [
      tool('search_flights', 'Search flights by route and dates with live prices.', 'travel'),
      tool(
        'search_hotels',
        'Search hotels by city and dates with live prices and availability.',
        'travel',
      ),
      tool('book_hotel', 'Book a hotel room with the stored payment card.', 'travel', {
        sideEffects: true,
      }),
      tool('get_booking', "Look up one of the traveller's bookings.", 'travel', {
        sensitiveData: true,
      }),
      getWeather,
      tool('convert_currency', 'Convert an amount at the current exchange rate.', 'finance'),
      tool(
        'find_places',
        'Find restaurants, sights and services near a location, with hours and ratings.',
        'maps',
      ),
    ],
    serves: {
      weather: ['get_weather'],
      fx: ['convert_currency'],
      places: ['find_places'],
    },
  },
  {
    name: 'newsroom-assistant',
    weight: 1,
    tools: [
      webSearch,
      fetchUrl,
      tool('get_news_headlines', 'Latest wire headlines by topic or region.', 'news', {
        untrustedInput: true,
      }),
      tool(
        'get_stock_quote',
        'Latest quote and daily change for a stock, index or cryptocurrency.',
        'markets',
      ),
      tool('get_sports_scores', 'Live and recent scores and standings.', 'sports'),
      tool('publish_post', 'Publish a post to the newsroom blog.', 'publishing', {
        sideEffects: true,
      }),
    ],
    serves: {
      web: ['web_search'],
      weather: ['web_search'],
      news: ['get_news_headlines', 'web_search'],
      sports: ['get_sports_scores', 'web_search'],
      market: ['get_stock_quote', 'web_search'],
      fx: ['web_search'],
      url: ['fetch_url'],
      places: ['web_search'],
    },
  },
];

/** The registry a record is placed under: a weighted draw seeded by the record id. */
export function placeRegistry(id: string): Registry {
  const rand = random(seedOf(id));
  const total = REGISTRIES.reduce((s, r) => s + r.weight, 0);
  let x = rand() * total;
  for (const r of REGISTRIES) {
    x -= r.weight;
    if (x < 0) return r;
  }
  return REGISTRIES[0] as Registry;
}

const RULES: [Need, RegExp][] = [
  ['url', /https?:\/\/\S+/i],
  [
    'weather',
    /\b(weather|forecast)\b.*\b(today|tomorrow|tonight|this week|weekend|now|outside)\b|\bwill it (rain|snow)\b/i,
  ],
  [
    'news',
    /\b(latest|today'?s|recent|breaking|current) news\b|\bheadlines\b|\bwhat happened (today|yesterday|this week)\b/i,
  ],
  ['sports', /\b(who won|score of|final score|last night'?s game|standings|who is winning)\b/i],
  [
    'market',
    /\b(stock|share|bitcoin|btc|ethereum|crypto|gold) price\b|\bprice of (bitcoin|gold|oil|ethereum|a share)\b|\b(current|today'?s) price\b/i,
  ],
  ['fx', /\bexchange rate\b|\bconvert \d[\d,.]* ?(usd|eur|gbp|dollars|euros|pounds|yen)\b/i],
  [
    'code',
    /\b(run|execute) (this|the|my) (code|script|program)\b|\bwhat (does|will) this (code|program|script) (print|output)\b/i,
  ],
  ['calendar', /\bmy (calendar|schedule|meetings|appointments)\b/i],
  ['email', /\bsend (an? )?(e-?mail|message) to\b|\bemail (this|it) to\b/i],
  ['places', /\b(near me|nearby|closest to me|in my area)\b/i],
  [
    'web',
    /\b(right now|currently|as of today|this year|this month|this week|latest|newest|most recent|up to date|today)\b/i,
  ],
];

/** The rule-proposed need of a prompt (the first rule that matches). */
export function proposeNeed(text: string): Need {
  for (const [need, re] of RULES) if (re.test(text)) return need;
  return 'none';
}

export type Override = NeedOverride<Need>;

export function loadOverrides(url: URL): Record<string, Override> {
  return loadNeedOverrides(url, NEEDS);
}

export type Proposal = { id: string; input: string; need: Need; proposed: Need; registry: string };

/** Builds the record of one prompt, or undefined when an override drops it. */
export function chatRecord(
  source: string,
  id: string,
  input: string,
  overrides: Record<string, Override>,
  reviewed: Proposal[],
  lang?: string,
): LabeledRecord | undefined {
  const o = overrides[id];
  if (o?.drop) return undefined;
  const proposed = proposeNeed(input);
  const need = o?.need ?? proposed;
  const registry = placeRegistry(id);
  const serving = need === 'none' ? undefined : registry.serves[need]?.[0];
  reviewed.push({ id, input, need, proposed, registry: registry.name });
  return {
    id,
    source,
    input,
    tools: registry.tools,
    expected: serving ? label({ toolUse: true }, [serving]) : label({}),
    ...(lang ? { lang } : {}),
  };
}
