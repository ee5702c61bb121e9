// The report pages opened in a real browser: Debian's headless Chromium driven by puppeteer-core
// (no browser download). A JavaScript error on a page fails the test. `.ci/run` installs
// Chromium when it is missing, so under CI a missing browser fails instead of skipping.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalCommand } from '../../src/cli/eval-command.ts';
import { runPage } from '../../src/report/run-page.ts';
import { parseSavedRun } from '../../src/report/saved-run.ts';
import type { EvaluationReport } from '../../src/router/evaluate.ts';
import { runInProcess } from '../cli/cli-harness.ts';
import { finishedRunJson } from './saved-runs.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) {
  throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs Debian's chromium package`);
}
/** Where screenshots go: TIERUP_SCREENSHOTS (docs/images when refreshing the docs) or a temp dir. */
const shots = process.env.TIERUP_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'tierup-shots-'));
mkdirSync(shots, { recursive: true });
const pages = mkdtempSync(join(tmpdir(), 'tierup-pages-'));

describe.skipIf(!available)('report pages in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      timeout: 30_000,
    });
  }, 40_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens an HTML file by its file URL; any script error or failed load is collected. */
  async function open(name: string, html: string): Promise<{ page: Page; errors: string[] }> {
    const file = join(pages, name);
    writeFileSync(file, html);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('requestfailed', (request) => errors.push(`failed to load ${request.url()}`));
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 15_000 });
    return { page, errors };
  }

  const text = (page: Page, selector: string) =>
    page.$eval(selector, (element) => element.textContent?.trim() ?? '');

  it('shows a run: figures, signals, timeline, audit filter', async () => {
    const saved = parseSavedRun(JSON.parse(await finishedRunJson()));
    const { page, errors } = await open('run.html', runPage(saved));
    expect(await text(page, '#fig-tier b')).toBe('agent');
    expect(await text(page, '#fig-escalations b')).toBe(String(saved.run.escalations.length));
    expect(await page.$$eval('#signals tbody tr', (rows) => rows.length)).toBe(4);
    expect(await page.$$eval('#timeline g.span', (g) => g.length)).toBe(saved.run.trace.length);
    const auditRows = saved.run.audit.length;
    expect(await page.$$eval('#audit-table tbody tr:not([hidden])', (r) => r.length)).toBe(
      auditRows,
    );
    await page.type('#audit-filter', 'refund_order');
    const shown = await page.$$eval('#audit-table tbody tr:not([hidden])', (r) => r.length);
    expect(shown).toBe(saved.run.audit.filter((e) => e.tool === 'refund_order').length);
    expect(shown).toBeGreaterThan(0);
    await page.click('#audit-filter', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(shots, 'report-run.png'), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows an evaluation of dev.jsonl: figures, confusion matrix, signals, misroutes, curve', async () => {
    const file = join(pages, 'eval.html');
    const dev = fileURLToPath(new URL('../../data/routing/dev.jsonl', import.meta.url));
    const json = await runInProcess(evalCommand, [dev, '--json', '--html', file, '--curve']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as EvaluationReport;
    const { page, errors } = await open('eval.html', readFileSync(file, 'utf8'));
    expect(await text(page, '#fig-accuracy b')).toBe(`${(report.accuracy * 100).toFixed(1)}%`);
    const cells = await page.$$eval('#confusion-table [data-expected]', (spans) =>
      spans.reduce((sum, s) => sum + Number(s.textContent), 0),
    );
    expect(cells).toBe(report.total);
    expect(await page.$$eval('#signal-table tbody tr', (rows) => rows.length)).toBe(4);
    const misroutes = report.misrouted.length;
    expect(misroutes).toBeGreaterThan(0);
    expect(await page.$$eval('#misroute-table tbody tr', (rows) => rows.length)).toBe(misroutes);
    await page.type('#misroute-filter', report.misrouted[0]?.id ?? '');
    expect(await page.$$eval('#misroute-table tbody tr:not([hidden])', (r) => r.length)).toBe(1);
    expect(await page.$$eval('#curve svg polyline', (lines) => lines.length)).toBeGreaterThan(0);
    await page.click('#misroute-filter', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(shots, 'report-eval.png'), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
