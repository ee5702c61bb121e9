// Builder of data/routing/sources/metatool.jsonl.gz from HowieHwong/MetaTool (MIT).
//
//   node scripts/routing-data/metatool.ts --from /work/.mirror/HowieHwong+MetaTool/repo
//
// MetaTool's ToolE set pairs user queries with the plugin (OpenAI plugin store tools and merged
// "big" tools such as FinanceTool) that should answer them. Taken:
// - single-tool queries (dataset/data/all_clean_data.csv): the query under a registry of the
//   needed tool plus 3 to 9 other ToolE tools of other domains (the source has no per-query list):
//   agent, expected.tools = [the tool]; direct when the tool only does what a model does alone
//   (rewriting, gift or recipe ideas, product advice, games and horoscopes, translation, writing
//   SQL: MODEL_CAPABLE below). At most two queries per tool. securityBoundary stays false (one
//   call of one tool reads or writes, not both); per-id overrides in metatool-labels.json.
// - multi-tool queries (dataset/tmp_dataset/Task2-Subtask4.json): the source's own 10-tool list
//   and its two golden tools: agent, expected.tools = the golden tools that are not
//   MODEL_CAPABLE. Two look-ups one agent combines; crossDomain stays false (the ToolE tools are
//   look-up services, not specialist expertise). At most two queries per tool pair.
// - reliability queries (dataset/tmp_dataset/Task2-Subtask3.json): the source's 10-tool list,
//   which by construction lacks the query's tool (the expected answer is "None"): direct. Removed
//   from the list first: general-purpose tools that could still serve (web search, browsers,
//   Zapier) and tools of the missing tool's domain.
// MetaTool's tool-usage-awareness negatives (Task1) are NOT used: part of them comes from
// instruction sets this project reserves for evaluation, and they cannot be told apart.
import { type Judgment, parseCsv, readLabels } from './builder-kit.ts';
import {
  headCommit,
  type LabeledRecord,
  label,
  random,
  readGitFile,
  shuffle,
  sourceDir,
  type ToolRecord,
  writeSource,
} from './lib.ts';
import { oneSentence, ruleOfTwoBroken } from './seal-tools-rules.ts';

const SOURCE = 'metatool';
const dir = sourceDir();
const rand = random(7070);

const overrides = readLabels<Record<string, Judgment>>('metatool-labels.json');

/** Tools whose job a model does alone (GUIDE: writing, advice, general knowledge, games). */
const MODEL_CAPABLE = new Set([
  'PolishTool',
  'rephrase',
  'dover_outreach',
  'kraftful',
  'hadith',
  'Dr_Thoths_Tarot',
  'StrologyTool',
  'Horoscopes_by_Inner_Self',
  'champdex',
  'timeport',
  'Algorithma',
  'crafty_clues',
  'word_sneak',
  'TicTacToe',
  'Checkers',
  'Chess',
  'ai_council',
  'GiftTool',
  'photorealistic',
  'mbti',
  'mini_habits',
  'ResumeTool',
  'CarYardBard',
  'RoboAd',
  'IndoorPlants',
  'Planfit',
  'MixerBox_Translate_AI_language_tutor',
  'speak',
  'AI2sql',
  'recipe_retrieval',
  'aiAgents',
  'storybird_stories',
]);

// ToolE names carry no verb and its descriptions are marketing copy, so the flags are set by hand
// per tool, with the rules of seal-tools-rules.ts read against what each tool does.
const SIDE_EFFECTS = new Set([
  'Glowing',
  'NotesTool',
  'reflect_notes',
  'EmailByNylas',
  'Zapier',
  'SSH',
  'AutoInfra1',
  'webhooks',
  'deployscript',
  'WebsiteTool',
  'RestaurantBookingTool',
  'TripTool',
  'Bohita',
  'ShoppingAssistant',
  'LarkBaseImporter',
  'clinq',
  'dart',
  'decision_journal',
  'MemoryTool',
  'DataRetrievalTool',
  'form',
  'noteable',
  'Google_Ads_Shopping_Microsoft_Ads_pay_per_click',
  'TalentOrg',
  'MyWritingCompanion',
  'smarttsicketsai',
  'URLTool',
  'KalendarAI',
  'talkfpl',
]);
const SENSITIVE = new Set([
  'DataRetrievalTool',
  'EmailByNylas',
  'Zapier',
  'NotesTool',
  'reflect_notes',
  'clinq',
  'buildbetter',
  'chat_with_workspace',
  'hacktrack',
  'SSH',
  'AutoInfra1',
  'Magnetis',
  'portfoliopilot',
  'decision_journal',
  'dart',
  'Glowing',
  'LarkBaseImporter',
  'talkfpl',
]);
const UNTRUSTED = new Set([
  'PDF&URLTool',
  'SummarizeAnything_pr',
  'VideoSummarizeTool',
  'video_highlight',
  'web_scraper',
  'web_requests',
  'universal',
  'internetSearch',
  'metaphor_search_api',
  'total_query_meta_search_engine',
  'MixerBox_WebSearchG_web_search',
  'jini',
  'lsongai',
  'NewsTool',
  'Man_of_Many',
  'Substack_IQ',
  'socialsearch',
  'Now',
  'dev',
  'wpinteract',
  'Review',
  'copywriter',
  'competitorppcads',
  'seoanalysis',
  'hackit_web_scanner',
  'WebRewind',
  'EmailByNylas',
  'Zapier',
  'ChatOCR',
  'SceneXplain',
  'social_media_muse',
  'haulingbuddies',
  'PodcastTool',
  'ph_ai_news_query',
]);

/** General-purpose tools that can serve almost any look-up: never left in an irrelevance list. */
const GENERAL = new Set([
  'MixerBox_WebSearchG_web_search',
  'internetSearch',
  'total_query_meta_search_engine',
  'metaphor_search_api',
  'jini',
  'web_requests',
  'web_scraper',
  'universal',
  'Zapier',
  'lsongai',
  'aiAgents',
  'ai_council',
  'DataRetrievalTool',
]);

/** Domains of the merged ToolE tools; plugins get one from their description (domainOf). */
const BIG_DOMAINS: Record<string, string> = {
  FinanceTool: 'finance',
  ExchangeTool: 'finance',
  NewsTool: 'news',
  PolishTool: 'writing',
  CharityTool: 'nonprofit',
  MapTool: 'maps',
  CourseTool: 'education',
  DataRetrievalTool: 'personal-data',
  'PDF&URLTool': 'documents',
  WeatherTool: 'weather',
  JobTool: 'jobs',
  ResumeTool: 'jobs',
  TripTool: 'travel',
  TripAdviceTool: 'travel',
  ProductSearch: 'shopping',
  Discount: 'shopping',
  Review: 'shopping',
  ProductComparison: 'shopping',
  ShoppingAssistant: 'shopping',
  GiftTool: 'shopping',
  ResearchFinder: 'research',
  ResearchHelper: 'research',
  MusicTool: 'music',
  PodcastTool: 'media',
  MediaTool: 'media',
  VideoSummarizeTool: 'media',
  HousePurchasingTool: 'real-estate',
  HouseRentingTool: 'real-estate',
  RepoTool: 'software',
  LawTool: 'legal',
  NotesTool: 'productivity',
  MemoryTool: 'education',
  SEOTool: 'marketing',
  URLTool: 'web',
  WebsiteTool: 'web',
  CompanyInfoTool: 'business',
  DietTool: 'health',
  EarthquakeTool: 'weather',
  NASATool: 'science',
  StrologyTool: 'entertainment',
  GameTool: 'games',
  MemeTool: 'media',
  ChartTool: 'data',
  MediaModifyTool: 'media',
  BookTool: 'books',
  RestaurantBookingTool: 'food',
};

const DOMAIN_RULES: [RegExp, string][] = [
  [/\b(stock|invest|portfolio|currency|financ|tax|loan|wealth|trading|repayment)/i, 'finance'],
  [/\b(news|headlines|newsletter)/i, 'news'],
  [
    /\b(hotel|travel|trip|flight|aviation|pilot|subway|metro|theme park|charger|car park|petrol|speed camera)/i,
    'travel',
  ],
  [/\b(job|career|hire|talent|freelance|writers)/i, 'jobs'],
  [/\b(clinical|health|covid|workout|diet|calorie)/i, 'health'],
  [/\b(academic|paper|census|nasa|space|iss\b|astronaut)/i, 'science'],
  [/\b(law|legal|politic|legislation|congress)/i, 'legal'],
  [/\b(weather|air quality|earthquake|surf)/i, 'weather'],
  [/\b(github|sql|server|ssh|code|deploy|webhook|notebook|erp|scratch|app builder)/i, 'software'],
  [
    /\b(shop|products?\b|discount|coupon|cart|deal|gift|apparel|beauty|dealer|car sales|tickets)/i,
    'shopping',
  ],
  [/\b(seo|keyword|ads?\b|advertis|marketing|ppc|brand|traffic)/i, 'marketing'],
  [
    /\b(game|chess|checkers|sudoku|tic tac toe|dice|cribbage|crossword|tarot|horoscope|magic: the gathering|league of legends|fpl|apex)/i,
    'games',
  ],
  [/\b(soccer|football|sport|nba|nhl)/i, 'sports'],
  [
    /\b(music|chord|song|podcast|movie|shows|video|gif|image|meme|art|audio|stream|3d assets|visual|stories)/i,
    'media',
  ],
  [/\b(learn|course|education|flashcard|ielts|language|children|tutor)/i, 'education'],
  [/\b(github|sql|server|ssh|code|app|deploy|webhook|notebook|erp|scratch|program)/i, 'software'],
  [
    /\b(reminder|note|email|calendar|sms|notion|project management|form|export|qr|pdf|document|calls)/i,
    'productivity',
  ],
  [/\b(recipe|restaurant|sake|food|cocktail)/i, 'food'],
  [/\b(web|url|website|search engine|internet|domain|google|browse|tweets|twitter)/i, 'web'],
];

function domainOf(name: string, description: string): string {
  const big = BIG_DOMAINS[name];
  if (big) return big;
  for (const [re, domain] of DOMAIN_RULES) if (re.test(description)) return domain;
  return 'general';
}

/** Tool names as services write them: ToolE names with '&' or spaces are cleaned. */
function idOf(name: string): string {
  return name.replace(/&/g, '_and_').replace(/[^A-Za-z0-9_.-]+/g, '_');
}

const catalog = new Map<string, string>();
for (const [name, desc] of Object.entries(
  JSON.parse(readGitFile(dir, 'dataset/plugin_des.json')) as Record<string, string>,
)) {
  catalog.set(name, desc);
}
for (const [name, desc] of Object.entries(
  JSON.parse(readGitFile(dir, 'dataset/big_tool_des.json')) as Record<string, string>,
)) {
  catalog.set(name, desc);
}

function toolOf(name: string, description?: string): ToolRecord {
  const desc = cleanDescription(description ?? catalog.get(name) ?? name);
  return {
    name: idOf(name),
    description: oneSentence(desc),
    domain: domainOf(name, desc),
    untrustedInput: UNTRUSTED.has(name),
    sensitiveData: SENSITIVE.has(name),
    sideEffects: SIDE_EFFECTS.has(name),
  };
}

function cleanDescription(d: string): string {
  // Subtask lists quote descriptions as Python lists: "['Scrape content ...', 'Scrape ...']".
  const m = /^\s*\[\s*['"](.*?)['"]\s*(,|\])/s.exec(d);
  return (m?.[1] ?? d).replace(/\\'/g, "'").trim();
}

/** The [name, description] pairs of a Subtask prompt's tool list. */
function listedTools(prompt: string): [string, string][] {
  const start = prompt.indexOf('[List of Tools with Names and Descriptions Start]');
  const end = prompt.indexOf('[List of Tools with Names and Descriptions End]');
  const body = prompt.slice(start, end);
  return [...body.matchAll(/\d+\. tool name: (.+?), tool description: (.+)/g)].map(
    (m) => [(m[1] as string).trim(), (m[2] as string).trim()] as [string, string],
  );
}

const records: LabeledRecord[] = [];
const counts = { single: 0, singleDirect: 0, multi: 0, irrelevant: 0 };

// 1. Single-tool queries.
const csv = readGitFile(dir, 'dataset/data/all_clean_data.csv');
const rows = parseCsv(csv).slice(1);
const perTool = new Map<string, number>();
const seenQueries = new Set<string>();
const allTools = [...new Set(rows.map((r) => r[1] as string))].filter((t) => catalog.has(t)).sort();
for (const [index, row] of shuffle(
  rand,
  rows.map((r, i) => [i, r] as const),
)) {
  const [query, needed] = row as [string, string];
  if (!query || !needed || !catalog.has(needed)) continue;
  const id = `${SOURCE}:single-${index + 1}`;
  if (overrides[id]?.drop) continue;
  const q = query.trim();
  if (q.length < 12 || seenQueries.has(q.toLowerCase())) continue;
  if ((perTool.get(needed) ?? 0) >= 2) continue;
  const neededTool = toolOf(needed);
  const others = shuffle(rand, allTools)
    .filter((t) => t !== needed && toolOf(t).domain !== neededTool.domain)
    .slice(0, 3 + Math.floor(rand() * 7));
  const tools = shuffle(rand, [neededTool, ...others.map((t) => toolOf(t))]);
  const capable = MODEL_CAPABLE.has(needed) || overrides[id]?.direct === true;
  const expected = capable
    ? label({}, [])
    : label(
        {
          toolUse: true,
          // One call of one tool either reads or writes: no Rule-of-Two break by itself, even
          // for a tool that can do all three (Zapier, an email client).
          securityBoundary: overrides[id]?.securityBoundary ?? false,
        },
        [neededTool.name],
      );
  records.push({ id, source: SOURCE, input: q, tools, expected });
  perTool.set(needed, (perTool.get(needed) ?? 0) + 1);
  seenQueries.add(q.toLowerCase());
  counts[capable ? 'singleDirect' : 'single']++;
}

// 2. Multi-tool queries with the source's own lists.
const multi = JSON.parse(readGitFile(dir, 'dataset/tmp_dataset/Task2-Subtask4.json')) as {
  action_prompt: string;
  tool: string[];
  query: string;
}[];
const perPair = new Map<string, number>();
for (const [index, item] of shuffle(
  rand,
  multi.map((m, i) => [i, m] as const),
)) {
  const id = `${SOURCE}:multi-${index + 1}`;
  if (overrides[id]?.drop) continue;
  const q = item.query.trim();
  const key = [...item.tool].sort().join('+');
  if (seenQueries.has(q.toLowerCase()) || (perPair.get(key) ?? 0) >= 2) continue;
  const listed = listedTools(item.action_prompt);
  if (!item.tool.every((t) => listed.some(([n]) => n === t))) continue;
  const tools = dedupe(listed.map(([n, d]) => toolOf(n, d)));
  const neededNames = item.tool.filter((t) => !MODEL_CAPABLE.has(t)).map(idOf);
  const needed = tools.filter((t) => neededNames.includes(t.name));
  const expected =
    neededNames.length === 0 || overrides[id]?.direct
      ? label({}, [])
      : label(
          {
            toolUse: true,
            securityBoundary: overrides[id]?.securityBoundary ?? ruleOfTwoBroken(needed),
          },
          neededNames,
        );
  records.push({ id, source: SOURCE, input: q, tools, expected });
  perPair.set(key, (perPair.get(key) ?? 0) + 1);
  seenQueries.add(q.toLowerCase());
  counts.multi++;
}

// 3. Reliability queries: the query's tool is not in the source's list.
const reliability = JSON.parse(readGitFile(dir, 'dataset/tmp_dataset/Task2-Subtask3.json')) as {
  action_prompt: string;
  tool: string;
  query: string;
}[];
const perMissing = new Map<string, number>();
for (const [index, item] of shuffle(
  rand,
  reliability.map((m, i) => [i, m] as const),
)) {
  if (counts.irrelevant >= 280) break;
  const id = `${SOURCE}:reliability-${index + 1}`;
  if (overrides[id]?.drop) continue;
  const q = item.query.trim();
  if (q.length < 12 || seenQueries.has(q.toLowerCase())) continue;
  if ((perMissing.get(item.tool) ?? 0) >= 3) continue;
  const missingDomain = toolOf(item.tool).domain;
  const listed = listedTools(item.action_prompt);
  if (listed.some(([n]) => n === item.tool)) continue;
  const tools = dedupe(
    listed
      .filter(([n]) => !GENERAL.has(n))
      .map(([n, d]) => toolOf(n, d))
      .filter((t) => t.domain !== missingDomain),
  );
  if (tools.length < 2) continue;
  records.push({ id, source: SOURCE, input: q, tools, expected: label({}, []) });
  perMissing.set(item.tool, (perMissing.get(item.tool) ?? 0) + 1);
  seenQueries.add(q.toLowerCase());
  counts.irrelevant++;
}

console.log(`commit ${headCommit(dir)}`, counts);
writeSource(SOURCE, records);

function dedupe(tools: ToolRecord[]): ToolRecord[] {
  const seen = new Set<string>();
  return tools.filter((t) => {
    if (seen.has(t.name)) return false;
    seen.add(t.name);
    return true;
  });
}
