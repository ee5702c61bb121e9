// Builds data/routing/sources/agentbench.jsonl.gz from AgentBench's operating-system and
// database tasks (THUDM/AgentBench, Apache-2.0: data/os_interaction/data/**.json,
// data/dbbench/{standard,dev}.jsonl).
//
//   node scripts/routing-data/agentbench.ts --from <bare git dir of THUDM/AgentBench>
//
// The request is the task's `description`, as written (many are scenarios in the second person:
// "As a student, you are given a directory..."). The OS tasks run in a Linux container through
// one bash tool; the database tasks run SQL on a MySQL table the request does not carry. Both
// need their tool: toolUse. The same requests under registries without a shell or a database
// are negatives (no offered tool can help). Rules in data/routing/sources/agentbench.md.
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

const SOURCE = 'agentbench';
const dir = sourceDir();
const rand = random(2023);

interface OsTask {
  description: string;
}
interface DbTask {
  description: string;
  type: string[];
  table: { table_name: string };
}

// ---- tools ---------------------------------------------------------------------------------
const SHELL = tool(
  'bash',
  "Run a bash command in the user's Linux (Ubuntu) machine and return its output.",
  'operations',
  {
    sensitiveData: true,
    sideEffects: true,
  },
);
const OPS = [
  tool('read_file', 'Read a text file on the Linux machine.', 'operations', {
    sensitiveData: true,
  }),
  tool(
    'list_processes',
    'List the running processes with their owner, command and resource use.',
    'operations',
  ),
];
const DB_READ = tool(
  'db.run_query',
  'Run a read-only SQL SELECT on the MySQL database and return the rows.',
  'database',
  {
    sensitiveData: true,
  },
);
const DB_WRITE = tool(
  'db.execute_statement',
  'Run an INSERT, UPDATE or DELETE statement on the MySQL database.',
  'database',
  {
    sideEffects: true,
  },
);
const DB = [
  DB_READ,
  DB_WRITE,
  tool('db.list_tables', 'List the tables of the MySQL database.', 'database'),
  tool('db.describe_table', "Show a table's columns and types.", 'database'),
];
/** Tools of other domains, none able to reach a shell or a database. */
const DECOYS: ToolRecord[] = [
  tool('calendar.list_events', "List the user's calendar events in a date range.", 'calendar', {
    sensitiveData: true,
  }),
  tool(
    'calendar.create_event',
    "Add an event to the user's calendar and invite attendees.",
    'calendar',
    { sideEffects: true },
  ),
  tool('email.send', 'Send an email from the user’s account.', 'email', { sideEffects: true }),
  tool('email.search_inbox', "Search the user's inbox and read messages.", 'email', {
    untrustedInput: true,
    sensitiveData: true,
  }),
  tool('crm.get_account', 'Fetch a customer account with contacts, deals and notes.', 'sales', {
    sensitiveData: true,
  }),
  tool('weather.get_forecast', 'Get the weather forecast for a city.', 'weather'),
  tool('translate_text', 'Translate text between languages.', 'language'),
  tool('tickets.create', 'Open a ticket in the IT help desk queue.', 'support', {
    sideEffects: true,
  }),
  tool('hr.get_leave_balance', "Return an employee's remaining leave days.", 'hr', {
    sensitiveData: true,
  }),
  tool('payments.create_invoice', 'Create and send an invoice to a customer.', 'finance', {
    sideEffects: true,
  }),
  tool('maps.get_directions', 'Route between two places with distance and travel time.', 'maps'),
  tool('news.search', 'Search recent news articles.', 'news', { untrustedInput: true }),
];

function withDecoys(core: ToolRecord[], min: number, max: number): ToolRecord[] {
  const n = min + Math.floor(rand() * (max - min + 1));
  return shuffle(rand, [...core, ...shuffle(rand, DECOYS).slice(0, Math.min(n, 12 - core.length))]);
}

const records: LabeledRecord[] = [];
const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const seen = new Set<string>();

// ---- operating-system tasks ----------------------------------------------------------------
const osFiles = execFileSync(
  'git',
  ['--git-dir', dir, 'ls-tree', '-r', '--name-only', 'HEAD', 'data/os_interaction/data/'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((f) => f.endsWith('.json'))
  .sort();
const osTasks: { id: string; text: string }[] = [];
for (const f of osFiles) {
  const parsed = JSON.parse(readGitFile(dir, f)) as OsTask | OsTask[];
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const stem = f
    .replace('data/os_interaction/data/', '')
    .replace(/\.json$/, '')
    .replace(/[^A-Za-z0-9]+/g, '-');
  for (const [i, t] of list.entries()) {
    // Some descriptions are wrapped in stray quotes: trimmed.
    const text = t.description
      .trim()
      .replace(/^["']+|["']+$/g, '')
      .trim();
    // "Design a problem that challenges students to..." asks for writing a problem, not for
    // running anything: out (the request as written would be direct, the task is not).
    if (/^design a problem/i.test(text)) continue;
    if (seen.has(norm(text))) continue;
    seen.add(norm(text));
    osTasks.push({ id: `os-${stem}-${i}`, text });
  }
}
for (const [i, t] of shuffle(rand, osTasks).entries()) {
  if (i % 5 === 4) {
    // Every fifth: the same request where the service offers no shell (not toolUse).
    records.push({
      id: `${SOURCE}:${t.id}:off`,
      source: SOURCE,
      input: t.text,
      tools: shuffle(rand, DECOYS).slice(0, 3 + Math.floor(rand() * 5)),
      expected: label({}, []),
    });
    continue;
  }
  const core = rand() < 0.5 ? [SHELL] : [SHELL, ...OPS];
  records.push({
    id: `${SOURCE}:${t.id}`,
    source: SOURCE,
    input: t.text,
    tools: withDecoys(core, 1, 5),
    expected: label({ toolUse: true }, ['bash']),
  });
}

// ---- database tasks ------------------------------------------------------------------------
const PER_WRITE_TYPE = 35;
const WRITE_VERB =
  /\b(insert|inserted|add|adding|update|updating|updated|change|modify|set|delete|remove)\b/i;
const typeCount = new Map<string, number>();
let dbIndex = 0;
for (const file of ['data/dbbench/standard.jsonl', 'data/dbbench/dev.jsonl']) {
  const split = file.includes('dev') ? 'dev' : 'std';
  const tasks = readGitFile(dir, file)
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DbTask);
  for (const [i, t] of tasks.entries()) {
    const text = t.description.trim();
    const type = t.type[0] ?? 'other';
    const write = type === 'INSERT' || type === 'UPDATE' || type === 'DELETE';
    if (seen.has(norm(text)) || text.length < 15) continue;
    // A write task must say so: some INSERT descriptions are bare statements of fact ("25
    // schools exist in total...") that ask for nothing when read alone.
    if (write && !WRITE_VERB.test(text)) continue;
    const n = typeCount.get(type) ?? 0;
    if (write && n >= PER_WRITE_TYPE) continue;
    typeCount.set(type, n + 1);
    seen.add(norm(text));
    const id = `${SOURCE}:db-${split}-${i}`;
    dbIndex++;
    if (dbIndex % 6 === 0) {
      records.push({
        id: `${id}:off`,
        source: SOURCE,
        input: text,
        tools: shuffle(
          rand,
          DECOYS.filter((d) => d.name !== 'news.search'),
        ).slice(0, 3 + Math.floor(rand() * 5)),
        expected: label({}, []),
      });
      continue;
    }
    const core = rand() < 0.3 ? [DB_READ, DB_WRITE] : DB;
    const extra = rand() < 0.2 ? [SHELL] : [];
    records.push({
      id,
      source: SOURCE,
      input: text,
      tools: withDecoys([...core, ...extra], 0, 4),
      expected: label({ toolUse: true }, [write ? DB_WRITE.name : DB_READ.name]),
    });
  }
}

writeSource(SOURCE, records);
