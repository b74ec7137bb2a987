"use client";
import type { SuggestionDto } from "./types";
import { KeyHint } from "./key-hint";

type Props = {
  items: SuggestionDto[];
  active: SuggestionDto | null;
  readOnly: boolean;
  textOf: (start: number, end: number) => string;
  onNext: () => void;
  onAccept: (s: SuggestionDto) => void;
  onReject: (s: SuggestionDto) => void;
  onAcceptAll: (s: SuggestionDto) => void;
};

/** Compact confidence for the panel and the tooltip: "87%". */
export const confidenceLabel = (c: number) => `${Math.round(c * 100)}%`;

/** Pending machine suggestions (dashed in the text): accept, reject, or accept all of one rule. */
export function SuggestionsPanel(props: Props) {
  if (props.items.length === 0) return null;
  const s = props.active;
  const sameRule = s ? props.items.filter((o) => o.rule === s.rule).length : 0;
  return (
    <section data-testid="suggestions" style={{ borderTop: "1px solid var(--line)", marginTop: "0.75rem", paddingTop: "0.5rem" }}>
      <div className="row">
        <h3 style={{ margin: 0 }}>Suggestions ({props.items.length} pending)</h3>
        <span className="spacer" />
        <button type="button" className="link small" onClick={props.onNext}>Next (<KeyHint k="s" />)</button>
      </div>
      {s ? (
        <div data-testid="active-suggestion" data-suggestion={s.id}>
          <p className="small" style={{ margin: "0.3rem 0" }}>
            <strong>{s.type}</strong>{" "}
            <span className="badge grey" data-testid="suggestion-confidence" title="Confidence: how often this rule was right (calibrated, lowered by rejections)">
              {confidenceLabel(s.confidence)}
            </span>{" "}
            “{(() => { const t = props.textOf(s.start, s.end); return t.length > 120 ? `${t.slice(0, 120)}…` : t; })()}”
            {s.speakerName ? <> — speaker: {s.speakerName}</> : null}
            <span className="muted"> ({s.rule})</span>
          </p>
          {props.readOnly ? null : (
            <div className="row">
              <button type="button" onClick={() => props.onAccept(s)}>Accept (<KeyHint k="a" />)</button>
              <button type="button" className="secondary" onClick={() => props.onReject(s)}>Reject (<KeyHint k="x" />)</button>
              {sameRule > 1 ? (
                <button type="button" className="secondary" onClick={() => props.onAcceptAll(s)}>Accept all of this kind ({sameRule})</button>
              ) : null}
            </div>
          )}
        </div>
      ) : (
        <p className="muted small">Press <kbd>s</kbd> to go to the next suggestion.</p>
      )}
    </section>
  );
}
