import { describe, expect, it } from 'vitest';
import type { ToolSpec } from '../../src/core/task.ts';
import { analyzeRequest } from '../../src/router/analysis.ts';
import { toolRelevances } from '../../src/router/features/tool-relevance.ts';
import {
  catalogIndex,
  matchedWeights,
  PROFILE_CACHE_SIZE,
  toolProfile,
} from '../../src/router/tool-profile.ts';

function tool(name: string, overrides: Partial<ToolSpec> = {}): ToolSpec {
  return {
    name,
    description: 'Look up a shop order by id, including items, totals and status.',
    domain: 'commerce',
    untrustedInput: false,
    sensitiveData: false,
    sideEffects: false,
    ...overrides,
  };
}

describe('toolProfile', () => {
  it('builds one profile for tool objects of the same content, as each JSONL line brings', () => {
    const first = toolProfile(tool('get_order_equal'));
    expect(toolProfile(tool('get_order_equal'))).toBe(first);
    expect(first.terms.map((term) => term.stem)).toContain('order');
  });

  it('tells tools apart by name, description, domain and each flag', () => {
    const base = toolProfile(tool('lookup_order_apart'));
    const variants = [
      tool('lookup_order_apart2'),
      tool('lookup_order_apart', { description: 'Look up a shop order.' }),
      tool('lookup_order_apart', { domain: 'payments' }),
      tool('lookup_order_apart', { untrustedInput: true }),
      tool('lookup_order_apart', { sensitiveData: true }),
      tool('lookup_order_apart', { sideEffects: true }),
    ];
    for (const variant of variants) expect(toolProfile(variant)).not.toBe(base);
    // A domain that looks like the key's separators does not pass for other flags.
    const tricky = toolProfile(tool('x_tricky', { domain: 'a\n3', description: 'b' }));
    expect(
      toolProfile(tool('x_tricky', { domain: 'a', sideEffects: true, description: '3\nb' })),
    ).not.toBe(tricky);
  });

  it('keeps a bounded number of profiles by content, dropping the least recently used', () => {
    const kept = toolProfile(tool('kept_tool'));
    const dropped = toolProfile(tool('dropped_tool'));
    for (let i = 0; i < PROFILE_CACHE_SIZE; i++) {
      toolProfile(tool(`filler_${i}`));
      // Looked up by content now and then, so it stays among the latest.
      if (i % 1000 === 0) expect(toolProfile(tool('kept_tool'))).toBe(kept);
    }
    expect(toolProfile(tool('kept_tool'))).toBe(kept);
    const rebuilt = toolProfile(tool('dropped_tool'));
    expect(rebuilt).not.toBe(dropped);
    expect(rebuilt).toEqual(dropped);
  });

  it('still finds a tool object by identity after its content has been dropped', () => {
    const held = tool('held_by_identity');
    const profile = toolProfile(held);
    for (let i = 0; i < PROFILE_CACHE_SIZE + 1; i++) toolProfile(tool(`identity_filler_${i}`));
    expect(toolProfile(held)).toBe(profile);
  });
});

describe('catalogIndex', () => {
  it('reuses the index of a catalog whose tools have the same content, in the same order', () => {
    const list = () => [tool('catalog_a'), tool('catalog_b', { domain: 'support' })];
    const index = catalogIndex(list());
    expect(catalogIndex(list())).toBe(index);
    expect(index.profiles).toHaveLength(2);
    expect(catalogIndex(list().reverse())).not.toBe(index);
    expect(catalogIndex([...list(), tool('catalog_c')])).not.toBe(index);
  });
});

describe('matchedWeights: concept families', () => {
  const tools = [
    tool('create_ticket', {
      description: 'Create a support ticket in the helpdesk.',
      domain: 'support',
    }),
  ];
  const weather = [
    tool('get_weather', {
      description: 'Current conditions and forecast for a place.',
      domain: 'weather',
    }),
  ];
  const weights = (input: string, catalog: readonly ToolSpec[], anchored: boolean) =>
    Array.from(matchedWeights(catalogIndex(catalog), analyzeRequest(input), anchored));

  it('a family link alone counts only when the request is anchored by a cue of need', () => {
    // "film" and "ticket" share the entertainment family; nothing else matches.
    expect(weights('Which film should I watch tonight with friends?', tools, false)).toEqual([0]);
    expect(
      weights('Which film should I watch tonight with friends?', tools, true)[0],
    ).toBeGreaterThan(0);
    // "rain" meets "forecast" only through the weather family.
    expect(weights('Will it rain?', weather, false)).toEqual([0]);
    expect(weights('Will it rain?', weather, true)[0]).toBeGreaterThan(0);
  });

  it('a family link counts beside a stem or concept match of any tool, anchored or not', () => {
    const both = [...tools, ...weather];
    // "forecast" matches get_weather by stem: the request is anchored, and "film" then meets
    // create_ticket's "ticket" through the entertainment family.
    expect(
      weights('Which film should I watch? I read the forecast.', both, false)[0],
    ).toBeGreaterThan(0);
    expect(weights('Which film should I watch?', both, false)[0]).toBe(0);
  });
});

describe('toolRelevances: what anchors a family link', () => {
  const weather = [
    tool('get_weather', {
      description: 'Current conditions and forecast for a place.',
      domain: 'weather',
    }),
  ];
  const best = (input: string) => toolRelevances(weather, analyzeRequest(input)).best;

  it('a record, current state, "our" data or a question about the state of something', () => {
    expect(best('Is it humid today?')).toBeGreaterThan(0);
    expect(best('Do I need an umbrella this weekend?')).toBeGreaterThan(0);
    expect(best('What is the temperature in Costa Mesa?')).toBeGreaterThan(0);
  });

  it('not an everyday remark', () => {
    expect(best('I love the smell of rain on summer evenings.')).toBe(0);
  });
});
