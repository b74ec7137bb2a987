"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import type { SentenceDto } from "@/lib/documents/get-document";

type Props = {
  sentences: SentenceDto[];
  canEdit: boolean;
  onToggleKind?: (sentence: SentenceDto) => Promise<string | null>;
};

/**
 * Numbered sentences in a virtualised list: only rows near the viewport are in the DOM, so a
 * 5,000-sentence document scrolls like a short one. Boilerplate is dimmed and can be hidden.
 */
export function SentenceList({ sentences, canEdit, onToggleKind }: Props) {
  const [hideBoilerplate, setHideBoilerplate] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const parent = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => (hideBoilerplate ? sentences.filter((s) => s.kind === "content") : sentences), [sentences, hideBoilerplate]);
  const boilerplateCount = sentences.length - sentences.filter((s) => s.kind === "content").length;
  // The React Compiler cannot memoise TanStack Virtual's returned functions; this component does
  // not rely on it doing so.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => 52,
    overscan: 12,
  });

  return (
    <div>
      <div className="row" style={{ marginBottom: "0.5rem" }}>
        <label className="checkbox">
          <input type="checkbox" checked={hideBoilerplate} onChange={(e) => setHideBoilerplate(e.target.checked)} data-testid="hide-boilerplate" />
          Hide boilerplate ({boilerplateCount})
        </label>
        <span className="spacer" />
        <span className="muted small">{rows.length} segments shown</span>
      </div>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      {/* Focusable, so keyboard users can scroll the text when it has no buttons (WCAG 2.1.1). */}
      <div ref={parent} data-testid="sentence-list" tabIndex={0} role="region" aria-label="Document text" style={{ height: "70vh", overflow: "auto", background: "var(--panel)", border: "1px solid var(--line)", borderRadius: "var(--radius)" }}>
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const s = rows[item.index]!;
            return (
              <div
                key={s.index}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-sentence={s.index}
                data-kind={s.kind}
                style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)`, display: "flex", gap: "0.75rem", padding: "0.35rem 0.75rem", borderBottom: "1px solid #f0f0ec", color: s.kind === "boilerplate" ? "var(--muted)" : undefined }}
              >
                <span className="muted mono small" style={{ minWidth: "3.5rem", textAlign: "right" }}>{s.index + 1}</span>
                <span style={{ flex: 1, whiteSpace: "pre-wrap" }}>{s.text}</span>
                {s.kind === "boilerplate" ? <span className="badge grey">boilerplate</span> : null}
                {canEdit && onToggleKind ? (
                  <button
                    type="button"
                    className="link small"
                    disabled={busy === s.index}
                    onClick={async () => {
                      setBusy(s.index);
                      setError(await onToggleKind(s));
                      setBusy(null);
                    }}
                  >
                    {s.kind === "boilerplate" ? "mark content" : "mark boilerplate"}
                  </button>
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
