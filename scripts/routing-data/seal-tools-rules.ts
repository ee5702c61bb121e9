// Flag and label rules shared by the function-calling builders (seal-tools.ts, metatool.ts,
// toolalpaca.ts). lib.ts has no such helpers; this module keeps the three builders on one set of
// documented rules (see data/routing/sources/seal-tools.md, "Tool flags").
//
// Flags come from a tool's name and description only:
// - sideEffects: the name's leading verb (or the description's first verb) changes state or
//   communicates outward (send, create, update, delete, book, pay, post, submit, ...).
// - sensitiveData: the name or description names private data (accounts, banking, payments,
//   patients and medical records, salaries and employees, credentials, personal messages,
//   private files, a user's profile, tax returns...). Public statistics stay false.
// - untrustedInput: the tool returns content that outsiders control (web pages and URLs, web or
//   news search, reviews and comments, social media posts, inbound email and messages, uploaded
//   files and PDFs). A tool whose job is to write such content (submitReview, postTweet) only
//   gets sideEffects.
import type { ToolRecord } from './lib.ts';

/** The lower-case words of an identifier (camelCase, snake_case, kebab-case, dots). */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const SIDE_VERBS = new Set([
  'send',
  'create',
  'update',
  'delete',
  'remove',
  'book',
  'pay',
  'post',
  'add',
  'set',
  'schedule',
  'submit',
  'register',
  'cancel',
  'transfer',
  'buy',
  'sell',
  'order',
  'purchase',
  'publish',
  'upload',
  'share',
  'reserve',
  'apply',
  'enroll',
  'sync',
  'synchronize',
  'edit',
  'modify',
  'save',
  'install',
  'uninstall',
  'deploy',
  'start',
  'stop',
  'control',
  'turn',
  'assign',
  'approve',
  'reset',
  'drop',
  'irrigate',
  'launch',
  'configure',
  'embed',
  'revoke',
  'grant',
  'invite',
  'notify',
  'email',
  'sms',
  'call',
  'print',
  'donate',
  'rent',
  'activate',
  'deactivate',
  'lock',
  'unlock',
  'close',
  'subscribe',
  'unsubscribe',
  'follow',
  'like',
  'comment',
  'reply',
  'move',
  'rename',
  'archive',
  'restore',
  'adjust',
  'change',
  'insert',
  'store',
  'log',
  'mark',
  'initiate',
  'request',
  'restart',
  'shutdown',
  'scale',
  'block',
  'ban',
  'import',
  'report',
  'manage',
  'play',
  'make',
  'organize',
  'attend',
  'borrow',
  'feed',
  'water',
  'plant',
  'harvest',
  'dispatch',
  'allocate',
  'reschedule',
  'plan',
  'hire',
  'fire',
  'place',
  'file',
  'charge',
  'refund',
  'withdraw',
  'deposit',
  'invest',
  'trade',
  'tweet',
  'message',
  'text',
  'dial',
  'open',
  'execute',
  'run',
  'trigger',
  'backup',
  'encrypt',
  'decrypt',
  'authenticate',
  'verify',
  'login',
  'logout',
  'signup',
  'release',
  'track',
  'record',
  'clean',
  'repair',
  'maintain',
  'inject',
  'administer',
  'prescribe',
  'vaccinate',
  'admit',
  'discharge',
  'program',
]);

/** Verbs that only read, search or compute, even when the description says more. */
const READ_VERBS = new Set([
  'get',
  'list',
  'search',
  'find',
  'retrieve',
  'fetch',
  'lookup',
  'look',
  'query',
  'check',
  'calculate',
  'compute',
  'analyze',
  'analyse',
  'estimate',
  'predict',
  'detect',
  'identify',
  'evaluate',
  'assess',
  'compare',
  'convert',
  'translate',
  'generate',
  'simulate',
  'validate',
  'scan',
  'monitor',
  'measure',
  'recommend',
  'suggest',
  'explain',
  'summarize',
  'classify',
  'count',
  'read',
  'view',
  'show',
  'display',
  'download',
  'extract',
  'parse',
  'transcribe',
  'optimize',
  'determine',
  'is',
  'has',
  'can',
  'describe',
  'format',
  'design',
  'perform',
  'conduct',
]);

// Tracking a parcel or recording audio is state-changing only in some APIs; these verbs count as
// side effects only when the description says so (see sideEffectsOf).
const WEAK_SIDE = new Set([
  'track',
  'record',
  'verify',
  'authenticate',
  'execute',
  'run',
  'plan',
  'open',
]);

const SIDE_DESC =
  /\b(send|sends|create|creates|update|updates|delete|deletes|remove|removes|book|books|pay|pays|post|posts|submit|submits|register|registers|cancel|cancels|transfer|transfers|purchase|purchases|publish|publishes|upload|uploads|schedule|schedules|order|orders|reserve|reserves|add|adds|modify|modifies|change|changes|set|sets|install|installs|deploy|deploys|control|controls|turn on|turn off|start|starts|stop|stops|share|shares|save|saves|store|stores|make a (?:call|payment|reservation)|place an order|buy|sell|execute a trade)\b/i;

/** Whether a tool changes state or communicates outward, from its leading verb. */
export function sideEffectsOf(name: string, description: string): boolean {
  const first = words(name)[0] ?? '';
  if (READ_VERBS.has(first)) return false;
  if (SIDE_VERBS.has(first)) {
    if (!WEAK_SIDE.has(first)) return true;
    return SIDE_DESC.test(description);
  }
  // No verb in the name (`current_get`, `NotesTool`): the description's first sentence decides.
  const sentence = description.split(/[.!?]\s/)[0] ?? '';
  return (
    SIDE_DESC.test(sentence) &&
    !/^\s*(get|retrieve|search|find|look|list|fetch|check|read|show|provide)/i.test(sentence)
  );
}

const SENSITIVE =
  /\b(account|accounts|bank|banking|balance|payment|payments|credit card|card number|salary|salaries|payroll|password|passwords|credential|credentials|access token|api key|patient|patients|medical record|medical records|health record|health records|diagnosis|prescription|prescriptions|personal (?:data|information|info|details|health)|private|confidential|employee|employees|customer (?:data|record|records|information|details)|user profile|profile|inbox|emails|messages|contacts|tax return|tax report|social security|ssn|insurance claim|transaction|transactions|wallet|portfolio|location history|biometric|genetic|dna test|user information|user data|my files|personal files|calendar|reminders|notes|crm|breach|breaches)\b/i;

/** Whether a tool reads private or confidential data. */
export function sensitiveOf(name: string, description: string): boolean {
  return SENSITIVE.test(`${words(name).join(' ')} ${description}`);
}

const UNTRUSTED =
  /\b(web ?page|web ?pages|website content|url|urls|link|links|scrape|scrapes|scraping|crawl|browse|internet|web search|search engine|search the web|google|reviews?|comments?|social media|tweets?|twitter|reddit|forum|forums|inbound|inbox|received (?:email|emails|message|messages)|incoming|uploaded|user[- ]generated|news|rss|pdf|pdfs|youtube|posts)\b/i;

/** Whether a tool returns content that outsiders control. */
export function untrustedOf(name: string, description: string, sideEffects: boolean): boolean {
  const first = words(name)[0] ?? '';
  if (sideEffects && !['read', 'get', 'fetch', 'retrieve', 'search', 'list'].includes(first)) {
    return false;
  }
  return UNTRUSTED.test(`${words(name).join(' ')} ${description}`);
}

/** A tool record with the three flags derived by the rules above. */
export function ruledTool(name: string, description: string, domain: string): ToolRecord {
  const side = sideEffectsOf(name, description);
  return {
    name,
    description: oneSentence(description),
    domain,
    untrustedInput: untrustedOf(name, description, side),
    sensitiveData: sensitiveOf(name, description),
    sideEffects: side,
  };
}

/** The first sentence of a description, cut to a sensible length. */
export function oneSentence(description: string): string {
  const clean = description.replace(/\s+/g, ' ').trim();
  const m = /^(.{20,}?[.!?])(\s|$)/.exec(clean);
  let first = m?.[1] ?? clean;
  if (m && first.length < 60) {
    // A short first sentence ("Manage your CLINQ Account.") says too little: take the next too.
    const next = /^(.{10,}?[.!?])(\s|$)/.exec(clean.slice(first.length).trim());
    if (next?.[1]) first = `${first} ${next[1]}`;
  }
  return first.length > 300 ? `${first.slice(0, 297)}...` : first;
}

/** A domain id from a category name: lower case, words joined by '-'. */
export function domainSlug(category: string): string {
  return (
    category
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 64) || 'general'
  );
}

/**
 * The GUIDE's securityBoundary from the flags of the tools a request NEEDS: together they read
 * untrusted content, touch sensitive data and cause side effects.
 */
export function ruleOfTwoBroken(needed: readonly ToolRecord[]): boolean {
  return (
    needed.some((t) => t.untrustedInput) &&
    needed.some((t) => t.sensitiveData) &&
    needed.some((t) => t.sideEffects)
  );
}
