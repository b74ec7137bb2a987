import { STANCE_SCALE } from "@/lib/schema/label-schema";

export const stanceLabel = (value: number) => `${value > 0 ? "+" : ""}${value} ${STANCE_SCALE.find((s) => s.value === value)?.label.toLowerCase() ?? ""}`.trim();

/** Sentence-level labels shown at the end of a row (not selectable, so they never enter a span). */
export function SentenceLabelBadges({ labels }: { labels: Record<string, unknown> }) {
  const stance = Array.isArray(labels.stance) ? (labels.stance as { target?: unknown; value?: unknown }[]) : [];
  return (
    <span data-testid="sentence-labels" style={{ userSelect: "none", display: "flex", gap: "0.25rem", flexWrap: "wrap" }}>
      {typeof labels.checkworthy === "string" ? (
        <span className={labels.checkworthy === "yes" ? "badge ok" : "badge grey"}>check-worthy: {labels.checkworthy}</span>
      ) : null}
      {stance.map((s) => (
        <span key={String(s.target)} className="badge">
          {String(s.target)} {typeof s.value === "number" ? stanceLabel(s.value) : ""}
        </span>
      ))}
    </span>
  );
}
