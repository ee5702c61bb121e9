// The shell every report page shares: one self-contained HTML file (inline CSS, inline script,
// inline SVG), no network, readable offline and attachable to a ticket.

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A share as a percentage with one decimal: `0.913` → `91.3%`. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** USD with as many decimals as a small amount needs, or `unknown` when a price was missing. */
export function usd(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return 'unknown';
  if (amount === 0) return '$0';
  return `$${amount < 0.01 ? amount.toPrecision(3) : amount.toFixed(4)}`;
}

/** Milliseconds as people read them: `840 ms`, `2.35 s`. */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** One `<section>` with a heading; `id` lets tests and links find it. */
export function section(id: string, title: string, body: string): string {
  return `<section id="${escapeHtml(id)}"><h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

/** A table from a header row and body rows of already-escaped cells. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  id?: string,
): string {
  const head = header.map((cell) => `<th>${cell}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table${id ? ` id="${escapeHtml(id)}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const STYLE = `
:root { color-scheme: light; --ok: #2e7d32; --warn: #b26a00; --bad: #c62828; --muted: #666; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1a1a1a; background: #fafafa; }
header { background: #1f2937; color: #fff; padding: 16px 24px; }
header h1 { margin: 0; font-size: 20px; }
header p { margin: 4px 0 0; color: #cbd5e1; }
main { max-width: 1100px; margin: 0 auto; padding: 8px 24px 40px; }
section { background: #fff; border: 1px solid #e5e7eb; border-radius: 6px; padding: 12px 16px; margin: 16px 0; }
h2 { font-size: 16px; margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #eee; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; }
code, pre { font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; }
pre { white-space: pre-wrap; word-break: break-word; background: #f6f8fa; padding: 8px; border-radius: 4px; margin: 4px 0; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; }
.figure { border: 1px solid #e5e7eb; border-radius: 6px; padding: 8px 12px; min-width: 130px; }
.figure b { display: block; font-size: 20px; }
.figure span { color: var(--muted); font-size: 12px; }
.ok { color: var(--ok); } .warn { color: var(--warn); } .bad { color: var(--bad); } .muted { color: var(--muted); }
.tag { display: inline-block; border-radius: 3px; padding: 0 6px; font-size: 12px; background: #eef2ff; }
.tag.bad { background: #fdecea; } .tag.ok { background: #e8f5e9; } .tag.warn { background: #fff4e5; }
details summary { cursor: pointer; }
input[type=search] { padding: 4px 8px; width: 260px; margin: 0 0 8px; }
svg text { font-family: system-ui, sans-serif; }
`;

/**
 * A whole page. `script` runs after the body (filters and toggles); it must not fetch anything.
 */
export function htmlPage(parts: {
  readonly title: string;
  readonly subtitle: string;
  readonly body: string;
  readonly script?: string;
}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(parts.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(parts.title)}</h1><p>${escapeHtml(parts.subtitle)}</p></header>
<main>
${parts.body}
</main>
${parts.script ? `<script>${parts.script}</script>` : ''}
</body>
</html>
`;
}

/** A search box that hides the rows of table `tableId` whose text does not contain what is typed. */
export function filterScript(inputId: string, tableId: string): string {
  return `(() => {
  const input = document.getElementById(${JSON.stringify(inputId)});
  const rows = document.querySelectorAll(${JSON.stringify(`#${tableId} tbody tr`)});
  input.addEventListener('input', () => {
    const needle = input.value.toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const hit = row.textContent.toLowerCase().includes(needle);
      row.hidden = !hit;
      if (hit) shown += 1;
    }
    input.dataset.shown = String(shown);
  });
})();`;
}
