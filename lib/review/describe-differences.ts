/**
 * A review match's differences in words: "boundaries" → "span boundaries", "attribute:stance" →
 * "stance", and "missing" names who did not mark it ("not marked by Anna") instead of reading as an
 * attribute called "missing".
 */
export function describeDifferences(differences: readonly string[], missingNames: readonly string[] = []): string {
  const parts = differences.filter((d) => d !== "missing").map((d) => (d === "boundaries" ? "span boundaries" : d.replace(/^attribute:/, "")));
  const differs = parts.length ? `differs in ${parts.join(", ")}` : "";
  const missing = differences.includes("missing") ? `not marked by ${missingNames.length ? missingNames.join(", ") : "every annotator"}` : "";
  return [differs, missing].filter(Boolean).join("; ");
}
