// Builds data/routing/sources/webarena.jsonl.gz from WebArena's task intents
// (web-arena-x/webarena, Apache-2.0: config_files/test.raw.json).
//
//   node scripts/routing-data/webarena.ts --from <bare git dir of web-arena-x/webarena>
//
// Each WebArena site (shopping, shopping_admin, gitlab, reddit, map, wikipedia) becomes a set of
// tools covering what its web UI lets a user do. The request is the task's `intent`, as written.
// The tools a task needs come from its intent template (webarena-labels.json, read by hand from
// each template); the signals follow from those tools' flags (see webarena.md). Negatives: tasks
// of a template beyond the cap, placed under the tools of unrelated sites only (not toolUse), and
// the one template that general knowledge answers.
import { readLabels } from './builder-kit.ts';
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
import { ruleOfTwoBroken } from './seal-tools-rules.ts';

const SOURCE = 'webarena';
const dir = sourceDir();

interface Task {
  sites: string[];
  task_id: number;
  intent: string;
  intent_template_id: number;
}

const SITES: Record<string, ToolRecord[]> = {
  shopping: [
    tool(
      'shop.search_products',
      'Search the store catalog by keyword or category, with price filters and sorting.',
      'commerce',
    ),
    tool(
      'shop.get_product',
      'Read a product page with its price, options, rating and customer reviews.',
      'commerce',
      {
        untrustedInput: true,
      },
    ),
    tool(
      'shop.get_store_info',
      "Read the store's contact details, policies and help pages.",
      'commerce',
    ),
    tool(
      'shop.get_order_history',
      "List the signed-in customer's orders with items, totals, status and dates.",
      'commerce',
      {
        sensitiveData: true,
      },
    ),
    tool('shop.manage_cart', 'Add products to the shopping cart or remove them.', 'commerce', {
      sideEffects: true,
    }),
    tool(
      'shop.place_order',
      'Check out the cart and place the order with the saved address and payment method.',
      'commerce',
      {
        sideEffects: true,
      },
    ),
    tool(
      'shop.manage_wishlist',
      "Add products to the customer's wish list or remove them.",
      'commerce',
      { sideEffects: true },
    ),
    tool(
      'shop.update_account',
      "Change the customer's account details, addresses and newsletter subscriptions.",
      'commerce',
      {
        sensitiveData: true,
        sideEffects: true,
      },
    ),
    tool(
      'shop.write_review',
      'Post a product review with a star rating under a nickname.',
      'commerce',
      { sideEffects: true },
    ),
    tool(
      'shop.contact_store',
      'Send a message to the store through its contact-us form.',
      'commerce',
      { sideEffects: true },
    ),
  ],
  shopping_admin: [
    tool(
      'admin.get_reports',
      'Run sales, order, bestseller, review and search-term reports for a date range.',
      'commerce',
      {
        sensitiveData: true,
      },
    ),
    tool(
      'admin.search_orders',
      'Search orders and read their customer, items, invoices, payment and shipping details.',
      'commerce',
      {
        sensitiveData: true,
      },
    ),
    tool(
      'admin.get_customers',
      'Search customer accounts and read their contact details, addresses and order counts.',
      'commerce',
      {
        sensitiveData: true,
      },
    ),
    tool(
      'admin.search_catalog',
      'Search the product catalog by name, SKU, attributes or stock level.',
      'commerce',
    ),
    tool(
      'admin.list_reviews',
      'List and read the product reviews customers submitted, with their status.',
      'commerce',
      {
        untrustedInput: true,
      },
    ),
    tool('admin.moderate_reviews', 'Approve, reject or delete customer reviews.', 'commerce', {
      sideEffects: true,
    }),
    tool(
      'admin.update_catalog',
      'Create products or change their price, stock, options, status and description.',
      'commerce',
      {
        sideEffects: true,
      },
    ),
    tool(
      'admin.update_order',
      'Edit, cancel or ship an order, or add a comment that notifies the customer.',
      'commerce',
      {
        sideEffects: true,
      },
    ),
    tool(
      'admin.manage_content',
      "Edit the store's CMS pages, theme and marketing price rules.",
      'commerce',
      { sideEffects: true },
    ),
  ],
  gitlab: [
    tool('gitlab.search', 'Search the GitLab instance for projects, groups and users.', 'software'),
    tool(
      'gitlab.get_repository',
      "Read a project's files, commits, branches, contributors and members.",
      'software',
      {
        sensitiveData: true,
      },
    ),
    tool(
      'gitlab.list_issues',
      "List and read a project's issues with their comments.",
      'software',
      { untrustedInput: true },
    ),
    tool(
      'gitlab.list_merge_requests',
      'List and read merge requests with their diffs and discussions.',
      'software',
      {
        untrustedInput: true,
      },
    ),
    tool(
      'gitlab.create_issue',
      'Create or edit issues and milestones, with assignees, labels and due dates.',
      'software',
      {
        sideEffects: true,
      },
    ),
    tool('gitlab.post_comment', 'Comment on an issue or a merge request.', 'software', {
      sideEffects: true,
    }),
    tool(
      'gitlab.manage_project',
      'Create, fork or star projects, commit files, open merge requests and manage members and settings.',
      'software',
      { sideEffects: true },
    ),
    tool(
      'gitlab.get_user_settings',
      "Read the user's profile, to-do list and access and feed tokens.",
      'software',
      {
        sensitiveData: true,
      },
    ),
    tool(
      'gitlab.update_profile',
      "Update the user's profile and status, and follow other users.",
      'software',
      {
        sideEffects: true,
      },
    ),
  ],
  reddit: [
    tool('forum.search_forums', 'Find forums by name or topic.', 'social-media'),
    tool(
      'forum.list_posts',
      "List a forum's or a user's posts, sorted by hot, new or top.",
      'social-media',
      {
        untrustedInput: true,
      },
    ),
    tool('forum.get_post', 'Read a post with its comments and vote counts.', 'social-media', {
      untrustedInput: true,
    }),
    tool(
      'forum.submit_post',
      "Submit a new post to a forum or edit one of the user's posts.",
      'social-media',
      {
        sideEffects: true,
      },
    ),
    tool('forum.comment', 'Reply to a post or a comment.', 'social-media', { sideEffects: true }),
    tool('forum.vote', 'Upvote or downvote posts and comments.', 'social-media', {
      sideEffects: true,
    }),
    tool(
      'forum.manage_account',
      "Edit the user's profile and subscriptions and create or edit forums.",
      'social-media',
      {
        sideEffects: true,
      },
    ),
  ],
  map: [
    tool(
      'map.search_place',
      'Find places by name or category near a location, with address, coordinates and details.',
      'maps',
    ),
    tool(
      'map.get_directions',
      'Route between places by car, bike or foot, with distance and travel time.',
      'maps',
    ),
  ],
  wikipedia: [
    tool('wiki.search_articles', 'Search an offline copy of Wikipedia.', 'reference', {
      untrustedInput: true,
    }),
    tool('wiki.read_article', 'Read a Wikipedia article.', 'reference', { untrustedInput: true }),
  ],
};
const siteOf = new Map<string, string>();
for (const [site, tools] of Object.entries(SITES)) for (const t of tools) siteOf.set(t.name, site);

/** Sites whose tools could answer each other's tasks (the customer's orders are in the admin). */
const RELATED: [string, string][] = [
  ['shopping', 'shopping_admin'],
  ['map', 'wikipedia'],
];
const related = (a: string, b: string) =>
  a === b || RELATED.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

const labels = readLabels<{
  templates: Record<string, string[] | null>;
  byTask: Record<string, string[]>;
}>('webarena-labels.json');

const tasks = JSON.parse(readGitFile(dir, 'config_files/test.raw.json')) as Task[];
const rand = random(812);

/** The needed sites' tools (the needed ones always kept), up to 12, plus maybe a decoy site. */
function registry(needed: string[], sites: string[]): ToolRecord[] {
  const chosen = new Map<string, ToolRecord>();
  for (const name of needed) {
    const t = SITES[siteOf.get(name) as string]?.find((x) => x.name === name);
    if (!t) throw new Error(`unknown tool ${name}`);
    chosen.set(name, t);
  }
  const rest = shuffle(
    rand,
    sites.flatMap((s) => SITES[s] ?? []),
  ).filter((t) => !chosen.has(t.name));
  const cap = sites.length > 1 ? 12 : 10;
  for (const t of rest) if (chosen.size < cap) chosen.set(t.name, t);
  // Sometimes a small unrelated site beside the task's own (map or wikipedia are 2 tools).
  if (rand() < 0.4) {
    const decoy = shuffle(
      rand,
      Object.keys(SITES).filter((s) => !sites.some((x) => related(x, s))),
    ).find((s) => (SITES[s]?.length ?? 0) + chosen.size <= 12);
    for (const t of decoy ? (SITES[decoy] ?? []) : []) chosen.set(t.name, t);
  }
  return shuffle(rand, [...chosen.values()]);
}

/** Only tools of sites unrelated to the task's: 2 sites, at most 12 tools. */
function offRegistry(sites: string[]): ToolRecord[] | undefined {
  const candidates = shuffle(
    rand,
    Object.keys(SITES).filter((s) => !sites.some((x) => related(x, s))),
  );
  const tools: ToolRecord[] = [];
  for (const s of candidates.slice(0, 2)) tools.push(...shuffle(rand, SITES[s] ?? []).slice(0, 6));
  return tools.length >= 2 ? shuffle(rand, tools) : undefined;
}

const PER_TEMPLATE = 2;
const NEGATIVES_PER_TEMPLATE = 1;
const byTemplate = new Map<number, Task[]>();
for (const t of tasks) {
  const list = byTemplate.get(t.intent_template_id) ?? [];
  list.push(t);
  byTemplate.set(t.intent_template_id, list);
}

const records: LabeledRecord[] = [];
let negatives = 0;
for (const [template, list] of [...byTemplate.entries()].sort((a, b) => a[0] - b[0])) {
  if (!(String(template) in labels.templates)) throw new Error(`template ${template} has no label`);
  const seen = new Set<string>();
  const unique = shuffle(rand, list).filter((t) => {
    const k = t.intent.trim().toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  for (const [i, task] of unique.entries()) {
    const needed = labels.byTask[String(task.task_id)] ?? labels.templates[String(template)];
    const id = `${SOURCE}:${task.task_id}`;
    const input = task.intent.trim();
    if (i < PER_TEMPLATE) {
      if (!needed) {
        // General knowledge: the site's tools are on offer, but the model answers.
        records.push({
          id,
          source: SOURCE,
          input,
          tools: registry([], task.sites),
          expected: label({}, []),
        });
        continue;
      }
      const tools = registry(needed, task.sites);
      const securityBoundary = ruleOfTwoBroken(tools.filter((t) => needed.includes(t.name)));
      records.push({
        id,
        source: SOURCE,
        input,
        tools,
        // crossDomain: never (webarena.md): the second site of a WebArena task only supplies a
        // fact (a customer's city, a wiki page) or delivers the result (a post, a README).
        expected: label({ toolUse: true, securityBoundary }, needed),
      });
    } else if (i < PER_TEMPLATE + NEGATIVES_PER_TEMPLATE && needed) {
      const neededSites = [...new Set(needed.map((n) => siteOf.get(n) as string))];
      const tools = offRegistry([...new Set([...task.sites, ...neededSites])]);
      if (!tools) continue;
      negatives++;
      records.push({ id: `${id}:off`, source: SOURCE, input, tools, expected: label({}, []) });
    }
  }
}
console.error(`${negatives} off-registry negatives`);
writeSource(SOURCE, records);
