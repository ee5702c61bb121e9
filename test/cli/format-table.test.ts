import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/cli/format-table.ts';

describe('formatTable', () => {
  it('pads columns to their widest cell, right-aligns where asked, and trims line ends', () => {
    const lines = formatTable(
      [
        ['signal', 'f1', 'note'],
        ['toolUse', '0.950', ''],
        ['crossDomain', '1.000', 'ok'],
      ],
      ['left', 'right', 'left'],
    );
    expect(lines).toEqual([
      'signal          f1  note',
      'toolUse      0.950',
      'crossDomain  1.000  ok',
    ]);
  });
});
