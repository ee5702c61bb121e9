// The attributes of a run's own span: the routing decision, the tier it finished on, its
// escalations and usage. Kept as tierup's own values while the run goes, set when its span ends.
import type { Span } from '@opentelemetry/api';
import { type Decision, SIGNALS } from '../core/decision.ts';
import type { UsageTotals } from '../core/run-result.ts';
import type { Tier } from '../core/tier.ts';
import { TIERUP } from './gen-ai-conventions.ts';

/** What a run's span says, as the run learns it. */
export interface RunAttributes {
  decision?: Decision;
  tier?: Tier;
  escalations: number;
  usage?: UsageTotals;
}

/** Each signal's attribute names, made once. */
const SIGNAL_KEYS = SIGNALS.map((name) => ({
  name,
  score: TIERUP.signal(name, 'score'),
  threshold: TIERUP.signal(name, 'threshold'),
  set: TIERUP.signal(name, 'set'),
}));

/** Sets the run's attributes on its span, one call each. */
export function setRunAttributes(otel: Span, run: RunAttributes): void {
  const { decision, tier, usage } = run;
  if (decision !== undefined) {
    otel.setAttribute(TIERUP.decisionTier, decision.tier);
    otel.setAttribute(TIERUP.decisionSignalTier, decision.signalTier);
    otel.setAttribute(
      TIERUP.decisionTools,
      decision.tools.map((t) => t.name),
    );
    otel.setAttribute(TIERUP.decisionReasons, [...decision.reasons]);
    otel.setAttribute(TIERUP.decisionReasonCodes, [...decision.reasonCodes]);
    for (const keys of SIGNAL_KEYS) {
      const signal = decision.signals[keys.name];
      otel.setAttribute(keys.score, signal.score);
      otel.setAttribute(keys.threshold, signal.threshold);
      otel.setAttribute(keys.set, signal.set);
    }
    if (decision.override) {
      const { by, from, to } = decision.override;
      otel.setAttribute(TIERUP.decisionOverride, `${by}: ${from} -> ${to}`);
    }
  }
  if (tier !== undefined) otel.setAttribute(TIERUP.tier, tier);
  if (run.escalations > 0) otel.setAttribute(TIERUP.escalations, run.escalations);
  if (usage !== undefined) {
    otel.setAttribute(TIERUP.usageInputTokens, usage.inputTokens);
    otel.setAttribute(TIERUP.usageOutputTokens, usage.outputTokens);
    otel.setAttribute(TIERUP.usageCalls, usage.calls);
    if (typeof usage.costUsd === 'number') otel.setAttribute(TIERUP.costUsd, usage.costUsd);
  }
}
