import { SUGGESTER_KINDS, type SuggesterKindName } from "@/lib/validation/suggestions";

export type StatusCount = { suggester: string; status: "PENDING" | "ACCEPTED" | "REJECTED"; count: number };

export type SuggesterPrecision = {
  suggester: SuggesterKindName;
  accepted: number;
  rejected: number;
  pending: number;
  /** accepted / (accepted + rejected); null until something was decided. */
  precision: number | null;
};

/** Per suggester kind, how much of what annotators decided they kept. Every kind gets a row. */
export function precisionBySuggester(counts: readonly StatusCount[]): SuggesterPrecision[] {
  return SUGGESTER_KINDS.map((suggester) => {
    const of = (status: StatusCount["status"]) => counts.filter((c) => c.suggester === suggester && c.status === status).reduce((n, c) => n + c.count, 0);
    const accepted = of("ACCEPTED");
    const rejected = of("REJECTED");
    const decided = accepted + rejected;
    return { suggester, accepted, rejected, pending: of("PENDING"), precision: decided > 0 ? accepted / decided : null };
  });
}
