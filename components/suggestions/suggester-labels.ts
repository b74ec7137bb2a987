import type { SuggesterKindName } from "@/lib/validation/suggestions";

export const SUGGESTER_LABELS: Record<SuggesterKindName, { name: string; what: string }> = {
  editorial: { name: "Editorial insertions", what: "republisher asides, translation notices, legal footnotes, disclaimers, rights notices" },
  quote: { name: "Quotes", what: "direct and indirect quotes with their cue and speaker, matched to the speaker registry" },
  claim: { name: "Claims", what: "sentences with checkable content: numbers, amounts, dates, comparisons, records" },
};
