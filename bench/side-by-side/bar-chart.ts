/** One bar: its series (colour and legend), length and the text printed after it. */
export interface Bar {
  readonly series: string;
  readonly value: number;
  readonly text: string;
}

export interface BarGroup {
  readonly label: string;
  readonly bars: readonly Bar[];
}

export interface BarChart {
  readonly title: string;
  readonly subtitle?: string;
  /** Series names in legend order, with their colours. */
  readonly series: readonly { readonly name: string; readonly color: string }[];
  readonly groups: readonly BarGroup[];
  /** A vertical line across the bars, e.g. the floor at 1.0×. */
  readonly reference?: { readonly value: number; readonly label: string };
}

const WIDTH = 880;
const LABEL = 250;
const TEXT = 230;
const BAR = 13;
const GAP = 3;
const GROUP_GAP = 14;
const TOP = 70;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A horizontal grouped bar chart as a standalone SVG document. */
export function renderBarChart(chart: BarChart): string {
  const colors = new Map(chart.series.map((s) => [s.name, s.color]));
  const max = Math.max(
    ...chart.groups.flatMap((g) => g.bars.map((b) => b.value)),
    chart.reference?.value ?? 0,
  );
  const scale = (WIDTH - LABEL - TEXT) / (max || 1);
  const parts: string[] = [];
  let y = TOP;
  for (const group of chart.groups) {
    const height = group.bars.length * (BAR + GAP) - GAP;
    parts.push(
      `<text x="${LABEL - 8}" y="${y + height / 2 + 4}" text-anchor="end" class="label">${escapeXml(group.label)}</text>`,
    );
    for (const bar of group.bars) {
      const w = Math.max(1, bar.value * scale);
      parts.push(
        `<rect x="${LABEL}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${colors.get(bar.series) ?? '#888'}"><title>${escapeXml(`${bar.series}: ${bar.text}`)}</title></rect>`,
        `<text x="${(LABEL + w + 4).toFixed(1)}" y="${y + BAR - 3}" class="value">${escapeXml(bar.text)}</text>`,
      );
      y += BAR + GAP;
    }
    y += GROUP_GAP - GAP;
  }
  const bottom = y;
  if (chart.reference) {
    const x = (LABEL + chart.reference.value * scale).toFixed(1);
    parts.push(
      `<line x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${bottom - GROUP_GAP + 6}" stroke="#444" stroke-dasharray="4 3"/>`,
      `<text x="${x}" y="${bottom + 4}" text-anchor="middle" class="value">${escapeXml(chart.reference.label)}</text>`,
    );
  }
  let legendX = LABEL;
  const legend = chart.series.map((s) => {
    const item = `<rect x="${legendX}" y="44" width="12" height="12" fill="${s.color}"/><text x="${legendX + 16}" y="54" class="value">${escapeXml(s.name)}</text>`;
    legendX += 28 + s.name.length * 7;
    return item;
  });
  const height = bottom + 20;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif">`,
    `<title>${escapeXml(chart.title)}</title>`,
    '<style>.title{font-size:15px;font-weight:600}.sub{font-size:11px;fill:#555}.label{font-size:12px}.value{font-size:11px;fill:#333}</style>',
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    `<text x="10" y="20" class="title">${escapeXml(chart.title)}</text>`,
    chart.subtitle ? `<text x="10" y="36" class="sub">${escapeXml(chart.subtitle)}</text>` : '',
    ...legend,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
