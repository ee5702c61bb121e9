import { describe, expect, it } from 'vitest';
import { bootstrapMedian, seededRandom } from '../../bench/stats.ts';
import { ratioSpread, shuffled } from '../../bench/telemetry/measure-telemetry.ts';
import { telemetryTable, telemetryVerdicts } from '../../bench/telemetry/telemetry-table.ts';

const figures = (ratios: Record<string, number[]>) =>
  Object.entries(ratios).map(([config, perRound]) => ({
    config: config as never,
    cpuMicros: 100,
    ...ratioSpread(perRound),
  }));
const noisy = (center: number, n = 60) =>
  Array.from({ length: n }, (_, i) => center + ((i % 7) - 3) * 0.01);

describe('the telemetry bench', () => {
  it('shuffles the configurations: every order, the same from the same seed', () => {
    const random = seededRandom(7);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const order = shuffled([0, 1, 2], random);
      expect([...order].sort()).toEqual([0, 1, 2]);
      seen.add(order.join());
    }
    expect(seen.size).toBe(6);
    expect(shuffled([0, 1, 2, 3], seededRandom(1))).toEqual(
      shuffled([0, 1, 2, 3], seededRandom(1)),
    );
  });

  it('bootstraps an interval that holds the median, the same from the same samples', () => {
    const xs = noisy(1.02);
    const a = bootstrapMedian(xs);
    expect(a.low).toBeLessThanOrEqual(1.02);
    expect(a.high).toBeGreaterThanOrEqual(1.02);
    expect(bootstrapMedian(xs)).toEqual(a);
  });

  it('calls no SDK within noise only when its interval meets the A/A one', () => {
    const off = noisy(1);
    const within = telemetryVerdicts(
      figures({ off, 'off again': noisy(1), 'no SDK': noisy(1.005), SDK: noisy(1.03) }),
    );
    expect(within[0]).toMatch(/^no SDK: within noise/);
    expect(within[1]).toMatch(/^SDK, every span: at most 5%/);
    const over = telemetryVerdicts(
      figures({ off, 'off again': noisy(1), 'no SDK': noisy(1.06), SDK: noisy(1.09) }),
    );
    expect(over[0]).toMatch(/^no SDK: NOT within noise/);
    expect(over[1]).toMatch(/^SDK, every span: over the 5% target/);
    const wide = (center: number) =>
      Array.from({ length: 60 }, (_, i) => center + ((i % 7) - 3) * 0.1);
    const noisyRounds = telemetryVerdicts(
      figures({ off, 'off again': wide(1), 'no SDK': wide(1), SDK: noisy(1.03) }),
    );
    expect(noisyRounds[0]).toMatch(/^no SDK: too noisy to tell/);
    const biased = telemetryVerdicts(
      figures({ off, 'off again': noisy(1.1), 'no SDK': noisy(1), SDK: noisy(1) }),
    );
    expect(biased[0]).toMatch(/^A\/A: .* biased/);
  });

  it('renders each setup as a row, its verdicts under the table', () => {
    const setup = {
      batch: 8,
      spansPerRun: 9,
      figures: figures({
        off: noisy(1),
        'off again': noisy(1),
        'no SDK': noisy(1),
        "tierup's": noisy(1.03),
        SDK: noisy(1.1),
        sampled: noisy(1.02),
      }),
      sdkOwn: ratioSpread(noisy(1.07)),
    };
    const table = telemetryTable({
      rounds: 60,
      batch: 8,
      warmup: 0,
      setups: [
        { setup: 'http', ...setup },
        { setup: 'scripted', ...setup, batch: 80 },
      ],
    });
    expect(table).toContain('| OpenAI client over loopback HTTP | 8 | 9 | 100 µs |');
    expect(table).toContain('**+10.0%**');
    expect(table).toContain("- http: of which tierup's own work +3.0%");
    expect(table).toContain('about 0.8 µs of CPU a span');
    expect(table).toContain('- scripted: SDK, 1 run in 10 sampled: at most 5%');
  });
});
