import type { ToolSpec } from '../../core/task.ts';
import { identifierWords, normalize } from '../text.ts';

/**
 * What kind of general-purpose capability a tool offers, read from its name and description: a
 * search of the open web or an encyclopedia (serves any question whose answer changes or must be
 * looked up), a calculator or code runner (serves arithmetic a model does unreliably), a database
 * query, a shell or file system. Such a tool serves requests whose words it does not share, so
 * the models weigh the kind against the request's form (a fresh question, a long number, a
 * record query, a path) instead of word overlap.
 */
export interface ToolKinds {
  readonly search: boolean;
  readonly compute: boolean;
  readonly query: boolean;
  readonly shell: boolean;
  /** Reads what a service offers: its menu, catalog, products, inventory or showtimes. */
  readonly catalog: boolean;
  /** Places an order: adds to an order, a cart or a basket, or buys. */
  readonly ordering: boolean;
}

const SEARCH =
  /\b(web search|search (the )?(web|internet|online)|internet|search engine|google|bing|duckduckgo|browse the|wikipedia|encyclop\w*|web pages?|news (search|articles|headlines))\b/;
const COMPUTE =
  /\b(calculator|arithmetic|math(ematical)? expressions?|expressions?|python|interpreter|sandbox|wolfram|(run|execute|evaluate)s? (a |the )?(code|snippet|script|program))\b/;
const QUERY =
  /\b(sql|(run|execute)s? (a |the )?(read-only )?(\w+ )?quer(y|ies)|database quer(y|ies)|query the database)\b/;
const SHELL = /\b(bash|shell|terminal|command (line|prompt)|linux|unix|run (a )?commands?)\b/;
const CATALOG =
  /\b(menus?|catalog(ue)?s?|inventory|in stock|products?|showtimes?|listings?|offerings?)\b/;
const ORDERING = /\b(orders?|cart|basket|purchases?|buy)\b/;

/** The kinds of a tool. The router reads them once per tool, with its profile (tool-profile.ts). */
export function toolKinds(tool: ToolSpec): ToolKinds {
  const text = `${identifierWords(tool.name).join(' ')} ${normalize(tool.description.slice(0, 300))}`;
  return {
    search: SEARCH.test(text),
    compute: COMPUTE.test(text),
    query: QUERY.test(text),
    shell: SHELL.test(text),
    catalog: !tool.sideEffects && CATALOG.test(text),
    ordering: tool.sideEffects && ORDERING.test(text),
  };
}
