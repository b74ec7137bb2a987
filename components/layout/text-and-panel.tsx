import type { ReactNode } from "react";

type Props = {
  /** The document column (left, 3/5 of the width). */
  text: ReactNode;
  /** The side panel's content (right, at least 300 px). */
  children: ReactNode;
  /**
   * "scroll": the panel scrolls on its own within the viewport (the annotator's long forms);
   * "sticky": it stays in view while the text scrolls (the review's short match panel).
   */
  panel: "scroll" | "sticky";
  panelTestId?: string;
};

const PANEL_STYLE = {
  scroll: { maxHeight: "72vh", overflow: "auto" },
  sticky: { position: "sticky", top: "1rem" },
} as const;

/** The annotator's and the review's two columns: the text beside a side panel. */
export function TextAndPanel({ text, children, panel, panelTestId }: Props) {
  return (
    <div className="grid-2" style={{ gridTemplateColumns: "minmax(0, 3fr) minmax(300px, 2fr)", alignItems: "start" }}>
      {text}
      <aside className="panel" data-testid={panelTestId} style={PANEL_STYLE[panel]}>
        {children}
      </aside>
    </div>
  );
}
