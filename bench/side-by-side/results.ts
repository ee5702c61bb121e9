import type { TelemetryRow } from '../telemetry/measure-telemetry.ts';
import type { LoadRow, MemoryRow } from './alone-scenarios.ts';
import type { MappingRow } from './conversation-mapping.ts';
import type { InterleavedRow } from './interleaved-scenarios.ts';
import type { RoutingRow } from './routing-economics.ts';

/** Everything one `npm run bench` measured: bench/results/latest.json. */
export interface Results extends Measured {
  readonly generatedAt: string;
  readonly command: string;
  readonly durationSeconds: number;
  readonly quick: boolean;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGb: number;
    readonly os: string;
    readonly node: string;
  };
  readonly versions: Record<string, string>;
}

/** What the scenarios measure, each scenario a part of it. */
export interface Measured {
  readonly direct: InterleavedRow[];
  readonly agent: InterleavedRow[];
  readonly agentMemory: MemoryRow;
  readonly fanOut: InterleavedRow[];
  readonly load: LoadRow;
  readonly growth: InterleavedRow[];
  /** What mapping the conversation costs tierup per call, at three lengths. */
  readonly growthMapping: MappingRow[];
  readonly routing: RoutingRow;
  /** What OpenTelemetry tracing costs an agent run (absent from results older than scenario 7). */
  readonly telemetry?: TelemetryRow;
}
