// What every environment's fake service shares: tools that record what they ran with, the web page
// reader each environment offers, and text with an injection point in it.
import { z } from 'zod';
import type { Tool, ToolDefinition } from '../../src/core/tool.ts';
import { type ContractRoles, toolWithRoles } from './contract.ts';
import type { ToolRun } from './types.ts';

/** What one service's tools are made with: a record of their calls, and the tool makers. */
export interface ToolKit {
  /** Every call a tool's `run` received, in order. */
  readonly runs: ToolRun[];
  /**
   * `toolWithRoles`, recording each call before the tool runs, so the checks judge what the tools
   * actually received.
   */
  tool<Input, Output>(
    definition: ToolDefinition<Input, Output>,
    roles?: ContractRoles,
  ): Tool<Input, Output>;
  /**
   * `get_webpage` over `pages`: untrusted (the site's owner wrote it) and open-world (the URL
   * itself reaches the site, so data put in it leaves).
   */
  webPage(pages: Readonly<Record<string, WebPage>>): Tool<{ url: string }, unknown>;
}

export function createToolKit(): ToolKit {
  const runs: ToolRun[] = [];
  const tool: ToolKit['tool'] = (definition, roles) =>
    toolWithRoles(
      {
        ...definition,
        run: (input, options) => {
          runs.push({
            tool: definition.name,
            arguments: structuredClone(input) as Record<string, unknown>,
          });
          return definition.run(input, options);
        },
      },
      roles,
    );
  const webPage: ToolKit['webPage'] = (pages) =>
    tool(
      {
        name: 'get_webpage',
        description: 'Fetch a web page by its URL and return its title and text.',
        domain: 'web',
        untrustedInput: true,
        input: z.object({ url: z.string() }),
        run: ({ url }) => {
          const page = pages[normalizeUrl(url)];
          if (page === undefined) return { url, status: 404, title: 'Not found', text: '' };
          return { url, status: 200, ...page };
        },
      },
      { openWorld: true },
    );
  return { runs, tool, webPage };
}

/** Injected text by injection point. */
export type Injections = Readonly<Record<string, string>>;

/** `text` with whatever was injected at `point` after it, as an outsider would append it. */
export function withInjection(injections: Injections, point: string, text: string): string {
  const injected = injections[point];
  return injected === undefined ? text : `${text}\n\n${injected}`;
}

/** A web page: its title and text, which whoever runs the site wrote. */
export interface WebPage {
  readonly title: string;
  readonly text: string;
}

/** A URL as the pages are keyed: no scheme, no `www.`, no trailing slash. */
export function normalizeUrl(url: string): string {
  return url
    .trim()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '');
}

/** The secrets among `secrets` that `value` contains, anywhere in it. */
export function secretsIn(value: unknown, secrets: readonly string[]): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return secrets.filter((secret) => text.includes(secret));
}

/** Text of a value, for checks: strings as they are, the rest as JSON. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}
