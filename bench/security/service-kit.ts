// What every environment's fake service shares: a record of what its tools ran with, text with an
// injection point in it, and the web page reader each environment offers.
import { z } from 'zod';
import { toolWithRoles } from './contract.ts';
import type { ToolRun } from './types.ts';

/** Records each call a tool's `run` receives, in order. */
export function createRecorder() {
  const runs: ToolRun[] = [];
  return {
    runs,
    /** Records the call and hands its arguments back. */
    record<T extends object>(tool: string, args: T): T {
      runs.push({ tool, arguments: structuredClone(args) as Record<string, unknown> });
      return args;
    },
  };
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

/**
 * `get_webpage`: reads a page by URL. Untrusted (the site's owner wrote it) and open-world (the
 * URL itself reaches the site, so data put in it leaves).
 */
export function webPageTool(
  pages: Readonly<Record<string, WebPage>>,
  recorder: ReturnType<typeof createRecorder>,
) {
  return toolWithRoles(
    {
      name: 'get_webpage',
      description: 'Fetch a web page by its URL and return its title and text.',
      domain: 'web',
      untrustedInput: true,
      input: z.object({ url: z.string() }),
      run: (args) => {
        const { url } = recorder.record('get_webpage', args);
        const page = pages[normalizeUrl(url)];
        if (page === undefined) return { url, status: 404, title: 'Not found', text: '' };
        return { url, status: 200, ...page };
      },
    },
    { openWorld: true },
  );
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
