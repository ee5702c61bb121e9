/**
 * tierup/eval: scores router decisions against labeled requests (what `tierup eval` prints).
 * @module
 */
export {
  type EvaluationReport,
  type Expected,
  evaluate,
  type Misroute,
  type SignalQuality,
} from '../router/evaluate.ts';
