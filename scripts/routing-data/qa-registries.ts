// Shared by the everyday-QA builders (gsm8k.ts, mgsm.ts, gsm-hard.ts, mbpp.ts, truthfulqa.ts,
// nq-open.ts): maths word problems, code-writing requests and knowledge questions placed under
// assistant registries that offer a tool ON the request's topic (a code runner or calculator for a
// word problem, a code runner for "write a function", web search for a knowledge question), so the
// router learns that a tool on the topic is not a tool need, next to the real needs: facts that
// change over time (current office holders, latest events, records, "next season"), today's date
// or time, arithmetic a model does unreliably.
//
// The registries are the nine of chat-registries.ts (imported, unchanged) plus six defined here
// (maths homework helper, coding assistant, research assistant, answer engine, data notebook,
// product docs assistant). A request's *need* is set by its builder (source structure, rules, and
// per-id hand overrides in `<source>-labels.json`); the label then follows mechanically: toolUse
// (tier agent, `expected.tools` = the serving tool) when the registry offers a tool that serves
// the need, direct otherwise (GUIDE: a request no offered tool can help with is not toolUse).
// None of these requests has two specialist domains, three substantial independent subtasks, or a
// need for tools that together read untrusted content, touch sensitive data and act outward, so
// crossDomain, securityBoundary and parallelism stay false.
import { loadNeedOverrides, type NeedOverride, seedOf } from './builder-kit.ts';
import { REGISTRIES as CHAT_REGISTRIES } from './chat-registries.ts';
import { type LabeledRecord, label, random, type ToolRecord, tool } from './lib.ts';

/**
 * What a request needs beyond its own text and general model knowledge.
 * - `none`: writing, explaining, reasoning, code writing, easy arithmetic, stable knowledge.
 * - `fresh`: a fact whose answer changes over time (current holder, latest/next event, records).
 * - `market`: a current market figure (share price, market capitalisation).
 * - `now`: today's date or the time (age of someone today, years since an event).
 * - `compute`: arithmetic a model does unreliably (see gsm-hard.ts for the rule).
 * - `places`: something near the user.
 */
export type QaNeed = 'none' | 'fresh' | 'market' | 'now' | 'compute' | 'places';
export const QA_NEEDS: readonly QaNeed[] = ['none', 'fresh', 'market', 'now', 'compute', 'places'];

export type QaRegistry = {
  name: string;
  tools: ToolRecord[];
  /** The offered tools that serve each need, best first (the first one is the label's tool). */
  serves: Partial<Record<QaNeed, string[]>>;
};

const webSearch = tool(
  'web_search',
  'Search the public web and return result titles, snippets and links.',
  'web',
  { untrustedInput: true },
);

const OWN: QaRegistry[] = [
  {
    name: 'math-homework-helper',
    tools: [
      tool(
        'calculator',
        'Evaluate an arithmetic expression exactly (big integers, fractions, decimals).',
        'compute',
      ),
      tool(
        'run_python',
        'Run a Python snippet in a sandbox and return stdout and errors.',
        'compute',
      ),
      tool('plot_function', 'Plot one or more functions of x and return the image.', 'compute'),
      tool(
        'search_textbook',
        'Search the chapters and worked examples of the course textbook.',
        'education',
      ),
      tool(
        'save_to_notebook',
        "Save a worked solution to the student's notebook.",
        'productivity',
        { sideEffects: true },
      ),
    ],
    serves: { compute: ['calculator', 'run_python'], now: ['run_python'] },
  },
  {
    name: 'coding-assistant',
    tools: [
      tool(
        'execute_code',
        'Execute a code snippet (Python, JavaScript, C++, Java, Go) and return its output.',
        'compute',
      ),
      tool(
        'search_docs',
        'Search language and library reference documentation (MDN, Python docs, cppreference).',
        'developer',
      ),
      tool('read_workspace_file', "Read a file from the user's open project.", 'developer', {
        sensitiveData: true,
      }),
      tool(
        'write_workspace_file',
        "Create or overwrite a file in the user's project.",
        'developer',
        {
          sideEffects: true,
        },
      ),
      tool('run_tests', "Run the project's test suite and return the results.", 'developer', {
        sensitiveData: true,
      }),
      webSearch,
    ],
    serves: {
      compute: ['execute_code'],
      now: ['execute_code'],
      fresh: ['web_search'],
      market: ['web_search'],
    },
  },
  {
    name: 'research-assistant',
    tools: [
      webSearch,
      tool(
        'fetch_url',
        'Download a public web page or document by URL and return its text.',
        'web',
        { untrustedInput: true },
      ),
      tool(
        'search_papers',
        'Search scholarly papers (title, authors, abstract, year, citations).',
        'research',
      ),
      tool('calculator', 'Evaluate an arithmetic expression exactly.', 'compute'),
      tool('save_citation', "Add a reference to the user's citation library.", 'productivity', {
        sideEffects: true,
      }),
    ],
    serves: { fresh: ['web_search'], market: ['web_search'], compute: ['calculator'] },
  },
  {
    name: 'answer-engine',
    tools: [
      tool(
        'search_web',
        'Query the web search index and return the top results with snippets.',
        'web',
        { untrustedInput: true },
      ),
      tool('get_news', 'Latest news articles for a query, topic or region.', 'news', {
        untrustedInput: true,
      }),
      tool('calculator', 'Evaluate an arithmetic expression exactly.', 'compute'),
      tool('get_current_time', 'The current date and time in a time zone.', 'time'),
      tool('get_weather', 'Current conditions and forecast for a place.', 'weather'),
    ],
    serves: {
      fresh: ['search_web', 'get_news'],
      market: ['search_web'],
      now: ['get_current_time'],
      compute: ['calculator'],
    },
  },
  {
    name: 'data-notebook',
    tools: [
      tool(
        'python_exec',
        'Execute Python in the notebook kernel (pandas, numpy available) and return the output.',
        'compute',
      ),
      tool('run_sql', 'Run a read-only SQL query on the company warehouse.', 'analytics', {
        sensitiveData: true,
      }),
      tool('load_uploaded_file', 'Load a file the user uploaded (CSV, Excel, JSON).', 'analytics', {
        untrustedInput: true,
      }),
      tool('create_chart', 'Render a chart from a table of values.', 'analytics'),
      tool('share_notebook', 'Share the notebook with colleagues by email.', 'communication', {
        sideEffects: true,
      }),
    ],
    serves: { compute: ['python_exec'], now: ['python_exec'] },
  },
  {
    name: 'product-docs-assistant',
    tools: [
      tool(
        'search_product_docs',
        'Search the product manuals, release notes and knowledge-base articles.',
        'support',
      ),
      tool(
        'search_community_forum',
        'Search questions and answers posted on the public user forum.',
        'support',
        { untrustedInput: true },
      ),
      tool('get_account_plan', "The customer's subscription plan and usage.", 'support', {
        sensitiveData: true,
      }),
      tool('create_support_ticket', 'Open a ticket with the support team.', 'support', {
        sideEffects: true,
      }),
    ],
    serves: {},
  },
];

/** The chat registries, their serving tools mapped to these needs. */
const FROM_CHAT: QaRegistry[] = CHAT_REGISTRIES.map((r) => {
  const s = r.serves;
  const serves: QaRegistry['serves'] = {};
  if (s.web) serves.fresh = s.news ? [...new Set([...s.web, ...s.news])] : [...s.web];
  if (s.market) serves.market = [...s.market];
  if (s.code) {
    serves.compute = [...s.code];
    serves.now = [...s.code];
  }
  if (s.places) serves.places = [...s.places];
  return { name: r.name, tools: r.tools, serves };
});

export const QA_REGISTRIES: readonly QaRegistry[] = [...FROM_CHAT, ...OWN];

function registry(name: string): QaRegistry {
  const r = QA_REGISTRIES.find((x) => x.name === name);
  if (!r) throw new Error(`unknown registry ${name}`);
  return r;
}

/** A weighted list of registry names a builder draws from. */
export type Pool = readonly (readonly [string, number])[];

/** Registries offering a code runner or calculator (hard negatives for maths and code writing). */
export const COMPUTE_POOL: Pool = [
  ['general-assistant', 3],
  ['math-homework-helper', 4],
  ['coding-assistant', 2],
  ['developer-platform', 2],
  ['data-notebook', 2],
  ['answer-engine', 2],
  ['research-assistant', 1],
];
/** Registries offering a code runner (hard negatives for code writing). */
export const CODE_POOL: Pool = [
  ['coding-assistant', 4],
  ['developer-platform', 3],
  ['general-assistant', 2],
  ['data-notebook', 2],
  ['math-homework-helper', 1],
];
/** Registries offering web search. */
export const WEB_POOL: Pool = [
  ['general-assistant', 3],
  ['personal-assistant', 2],
  ['newsroom-assistant', 1],
  ['research-assistant', 2],
  ['answer-engine', 3],
  ['coding-assistant', 1],
];
/** Registries with no tool that serves a knowledge question, a fresh fact or a computation. */
export const OFF_TOPIC_POOL: Pool = [
  ['workplace-copilot', 2],
  ['online-shop', 2],
  ['bank-app', 2],
  ['hr-helpdesk', 2],
  ['travel-concierge', 2],
  ['product-docs-assistant', 2],
];

/**
 * The registry of a record: with probability `onTopic` a weighted draw from `pool`, otherwise from
 * OFF_TOPIC_POOL, all seeded by the record id (deterministic).
 */
export function place(id: string, pool: Pool, onTopic: number): QaRegistry {
  const rand = random(seedOf(`${id}#qa`));
  const from = rand() < onTopic ? pool : OFF_TOPIC_POOL;
  const total = from.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [name, w] of from) {
    x -= w;
    if (x < 0) return registry(name);
  }
  return registry((from[0] as readonly [string, number])[0]);
}

export type QaOverride = NeedOverride<QaNeed>;

export function loadQaOverrides(url: URL): Record<string, QaOverride> {
  return loadNeedOverrides(url, QA_NEEDS);
}

export type QaReview = { id: string; need: QaNeed; proposed: QaNeed; registry: string };

/** The record of one request under its registry; the label follows from need and registry. */
export function qaRecord(
  source: string,
  id: string,
  input: string,
  need: QaNeed,
  reg: QaRegistry,
  lang?: string,
): LabeledRecord {
  const serving = need === 'none' ? undefined : reg.serves[need]?.[0];
  return {
    id,
    source,
    input,
    tools: reg.tools,
    expected: serving ? label({ toolUse: true }, [serving]) : label({}),
    ...(lang ? { lang } : {}),
  };
}

/**
 * Significant digits of a numeric answer as written to two decimals (trailing zeros and the sign
 * dropped): 655502 has 6, 322886700 has 7, 3244047.1 has 8. The gsm-hard rule reads it.
 */
export function significantDigits(value: number): number {
  const text = Math.abs(value)
    .toFixed(2)
    .replace(/\.?0+$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return text.length;
}
