// Builds data/routing/sources/travelplanner.jsonl.gz from TravelPlanner's validation queries
// (OSU-NLP-Group/TravelPlanner, MIT: postprocess/example_evaluation.jsonl, 180 queries).
//
//   node scripts/routing-data/travelplanner.ts --from <bare git dir of OSU-NLP-Group/TravelPlanner>
//
// The tools are the benchmark's own eight (agents/prompts.py: FlightSearch, GoogleDistanceMatrix,
// AccommodationSearch, RestaurantSearch, AttractionSearch, CitySearch, NotebookWrite, Planner).
// The request is the query as written. A plan needs the travel database: toolUse. One travel
// domain, however many cities or days: not crossDomain, not parallelism (travelplanner.md).
// Negatives: some queries under registries with no travel tool.
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

const SOURCE = 'travelplanner';
const dir = sourceDir();
const rand = random(180);

const TOOLS: ToolRecord[] = [
  tool('FlightSearch', 'Retrieve flights between two cities on a date.', 'travel'),
  tool(
    'GoogleDistanceMatrix',
    'Estimate the distance, time and cost between two cities by self-driving or taxi.',
    'travel',
  ),
  tool(
    'AccommodationSearch',
    'Discover accommodations in a city, with price, house rules and room type.',
    'travel',
  ),
  tool(
    'RestaurantSearch',
    'Explore restaurants in a city, with cuisines, average cost and rating.',
    'travel',
  ),
  tool('AttractionSearch', 'Find attractions in a city.', 'travel'),
  tool('CitySearch', 'Find the cities of a state.', 'travel'),
  tool(
    'NotebookWrite',
    'Write the information gathered so far into the notebook the Planner reads.',
    'travel',
  ),
  tool('Planner', 'Write a day-by-day travel plan from the notebook and the query.', 'travel'),
];
/** Other domains; none can find flights, stays, restaurants or attractions. */
const DECOYS: ToolRecord[] = [
  tool('calendar.create_event', "Add an event to the user's calendar.", 'calendar', {
    sideEffects: true,
  }),
  tool('calendar.list_events', "List the user's calendar events in a date range.", 'calendar', {
    sensitiveData: true,
  }),
  tool('email.send', "Send an email from the user's account.", 'email', { sideEffects: true }),
  tool('expenses.submit_report', 'Submit an expense report for approval.', 'finance', {
    sideEffects: true,
  }),
  tool('currency.convert', 'Convert an amount between currencies at today’s rate.', 'finance'),
  tool('crm.get_account', 'Fetch a customer account with contacts, deals and notes.', 'sales', {
    sensitiveData: true,
  }),
  tool('translate_text', 'Translate text between languages.', 'language'),
  tool('hr.get_leave_balance', "Return an employee's remaining leave days.", 'hr', {
    sensitiveData: true,
  }),
  tool('docs.search', 'Search the company knowledge base.', 'knowledge', { sensitiveData: true }),
];

interface Query {
  idx: number;
  query: string;
}
const queries = readGitFile(dir, 'postprocess/example_evaluation.jsonl')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Query);

/** The tools a query needs, from what it says about transport and cities. */
function needed(q: string): string[] {
  const noFlight = /(no|not|avoid|without)\b[^.]{0,40}\b(flight|flights|flying|airline|fly)/i.test(
    q,
  );
  const driving = /self-driv|taxi|drive|driving/i.test(q) || noFlight;
  const manyCities = /\b(\d+|two|three|four|five) (different )?cities\b/i.test(q);
  return [
    ...(noFlight ? [] : ['FlightSearch']),
    ...(driving || manyCities ? ['GoogleDistanceMatrix'] : []),
    'AccommodationSearch',
    'RestaurantSearch',
    'AttractionSearch',
    ...(manyCities ? ['CitySearch'] : []),
    'NotebookWrite',
    'Planner',
  ];
}

/** The queries share a handful of phrasings with other cities, dates and budgets: capped. */
const CAP = 100;
const records: LabeledRecord[] = [];
const seen = new Set<string>();
for (const [i, q] of shuffle(rand, queries).entries()) {
  const text = q.query.trim();
  if (records.length >= CAP) break;
  if (seen.has(text)) continue;
  seen.add(text);
  const id = `${SOURCE}:val-${q.idx}`;
  if (i % 6 === 5) {
    records.push({
      id: `${id}:off`,
      source: SOURCE,
      input: text,
      tools: shuffle(rand, DECOYS).slice(0, 3 + Math.floor(rand() * 4)),
      expected: label({}, []),
    });
    continue;
  }
  const decoys = shuffle(rand, DECOYS).slice(0, Math.floor(rand() * 4));
  records.push({
    id,
    source: SOURCE,
    input: text,
    tools: shuffle(rand, [...TOOLS, ...decoys]),
    expected: label({ toolUse: true }, needed(text)),
  });
}

writeSource(SOURCE, records);
