import { describe, expect, it } from 'vitest';
import { TOOL_USE_FEATURES } from '../../src/router/scorers/tool-use-features.ts';
import { TOOL_USE_WEIGHTS } from '../../src/router/scorers/tool-use-model.ts';

describe('the fitted toolUse model', () => {
  it('has one finite weight per feature (refit with scripts/train-tool-use.ts after changing features)', () => {
    expect(TOOL_USE_WEIGHTS).toHaveLength(TOOL_USE_FEATURES.length);
    for (const weight of TOOL_USE_WEIGHTS) expect(Number.isFinite(weight)).toBe(true);
  });
});
