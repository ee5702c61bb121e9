import { agentExecutor } from 'tierup';
import { scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';

describe('how the answer ended', () => {
  it('says when the answer was cut at the output limit, and keeps provider warnings', async () => {
    const base = scriptedModel({
      text: 'The refund policy is',
      finishReason: { unified: 'length', raw: 'length' },
    });
    const model = {
      ...base,
      generate: async (request: Parameters<typeof base.generate>[0]) => ({
        ...(await base.generate(request)),
        warnings: [{ type: 'unsupported-setting' as const, setting: 'seed' }],
      }),
    };
    const result = await agentExecutor({ model }).run('What is the refund policy?');
    expect(result.output).toBe('The refund policy is');
    expect(result.finishReason).toEqual({ unified: 'length', raw: 'length' });
    expect(result.warnings).toEqual([{ type: 'unsupported-setting', setting: 'seed' }]);
    const done = await agentExecutor({ model: scriptedModel('All of it.') }).run('Hi');
    expect(done.finishReason.unified).toBe('stop');
  });
});
