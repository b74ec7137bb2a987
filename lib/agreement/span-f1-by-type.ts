import type { PairSpanReport } from "./agreement-report";
import { summarise, type SpanAgreementResult } from "./span-agreement";

/**
 * Span agreement per type over all annotator pairs (micro-average: tp/fp/fn summed across pairs),
 * the one figure per type the agreement page charts.
 */
export function spanF1ByType(pairs: readonly PairSpanReport[]): { exact: SpanAgreementResult; overlap: SpanAgreementResult } {
  const sum = (mode: "exact" | "overlap") => {
    const counts = new Map<string, { tp: number; fp: number; fn: number }>();
    for (const pair of pairs) {
      for (const [type, c] of Object.entries(pair[mode].byType)) {
        const total = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
        counts.set(type, { tp: total.tp + c.tp, fp: total.fp + c.fp, fn: total.fn + c.fn });
      }
    }
    return summarise(counts);
  };
  return { exact: sum("exact"), overlap: sum("overlap") };
}
