/** How a column's cells line up: text to the left, numbers to the right. */
export type Align = 'left' | 'right';

/**
 * Lays out rows (a header, if any, is the first row) as a plain-text table with columns
 * two spaces apart and no trailing white space.
 * @returns one string per row.
 *
 * @example
 * formatTable([['signal', 'f1'], ['toolUse', '0.950']], ['left', 'right']);
 * // ['signal      f1', 'toolUse  0.950']
 */
export function formatTable(
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string[] {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows.map((row) =>
    widths
      .map((width, column) => {
        const cell = row[column] ?? '';
        return align[column] === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd(),
  );
}
