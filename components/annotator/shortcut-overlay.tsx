"use client";
import { shortcutList } from "@/lib/annotator/keymap";
import type { LabelSchema } from "@/lib/schema/label-schema";

export function ShortcutOverlay({ schema, onClose }: { schema: LabelSchema; onClose: () => void }) {
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="Keyboard shortcuts"
      data-testid="shortcut-overlay"
      onClick={onClose}
      style={{ position: "fixed", inset: 0, background: "rgba(0,0,0,0.35)", display: "flex", alignItems: "center", justifyContent: "center", zIndex: 50 }}
    >
      <div className="panel" style={{ maxWidth: 560, width: "92%", maxHeight: "85vh", overflow: "auto" }} onClick={(e) => e.stopPropagation()}>
        <div className="row">
          <h3 style={{ margin: 0 }}>Keyboard shortcuts</h3>
          <span className="spacer" />
          <button type="button" className="secondary" onClick={onClose}>Close (?)</button>
        </div>
        <table className="data" style={{ marginTop: "0.5rem" }}>
          <tbody>
            {shortcutList(schema).map((s) => (
              <tr key={s.keys}>
                <td style={{ whiteSpace: "nowrap" }}><kbd>{s.keys}</kbd></td>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">Select text with the mouse (it may cross sentences) or move with j/k and extend with Shift, then press a span type&apos;s key. Click a highlighted span to edit it.</p>
      </div>
    </div>
  );
}
