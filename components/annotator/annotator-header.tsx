import type { LabelSchema } from "@/lib/schema/label-schema";
import { KeyHint } from "./key-hint";
import { LayerPicker } from "./layer-picker";
import { SyncStatusPill } from "./sync-status-pill";
import type { SyncStatus } from "./sync-engine";

type TitleRowProps = {
  title: string;
  layers: { value: string; label: string }[];
  layer: string;
  status: SyncStatus;
  /** Null when there is nothing to submit (no assignment, or read-only). */
  onSubmit: (() => void) | null;
  submitting: boolean;
  onHelp: () => void;
};

/** Title, layer picker, save status, Submit and the shortcut help. */
export function AnnotatorTitleRow({ title, layers, layer, status, onSubmit, submitting, onHelp }: TitleRowProps) {
  return (
    <div className="row" style={{ marginBottom: "0.5rem" }}>
      <h2 style={{ margin: 0 }} data-testid="document-title">{title}</h2>
      <span className="spacer" />
      {layers.length > 1 ? <LayerPicker layers={layers} value={layer} /> : null}
      <SyncStatusPill status={status} />
      {onSubmit ? (
        <button type="button" onClick={onSubmit} disabled={submitting} data-testid="submit-assignment">Submit</button>
      ) : null}
      <button type="button" className="secondary" onClick={onHelp} aria-label="Keyboard shortcuts">?</button>
    </div>
  );
}

type ToolbarProps = {
  schema: LabelSchema;
  readOnly: boolean;
  onSpanType: (typeName: string) => void;
  hideBoilerplate: boolean;
  boilerplateCount: number;
  onToggleBoilerplate: () => void;
  hideSuggestions: boolean;
  onToggleSuggestions: () => void;
  undo: { canUndo: boolean; canRedo: boolean; onUndo: () => void; onRedo: () => void };
};

/** A button per span type, the view toggles, undo and redo. */
export function AnnotatorToolbar({ schema, readOnly, onSpanType, hideBoilerplate, boilerplateCount, onToggleBoilerplate, hideSuggestions, onToggleSuggestions, undo }: ToolbarProps) {
  return (
    <div className="row" style={{ marginBottom: "0.5rem" }}>
      {/* The type's colour marks the border, not the text: a schema's light colours fail text contrast. */}
      {schema.spanTypes.filter((t) => !t.retired).map((t) => (
        <button key={t.name} type="button" className="secondary" disabled={readOnly} onClick={() => onSpanType(t.name)} style={{ borderColor: t.color, boxShadow: `inset 0.3rem 0 0 ${t.color}` }}>
          {t.label} (<KeyHint k={t.hotkey} />)
        </button>
      ))}
      <span className="spacer" />
      <label className="checkbox small">
        <input type="checkbox" checked={hideBoilerplate} onChange={onToggleBoilerplate} data-testid="hide-boilerplate" /> Collapse boilerplate ({boilerplateCount}) <kbd>b</kbd>
      </label>
      <label className="checkbox small">
        <input type="checkbox" checked={hideSuggestions} onChange={onToggleSuggestions} data-testid="hide-suggestions" /> Hide suggestions
      </label>
      <button type="button" className="link small" disabled={!undo.canUndo} onClick={undo.onUndo}>Undo</button>
      <button type="button" className="link small" disabled={!undo.canRedo} onClick={undo.onRedo}>Redo</button>
    </div>
  );
}
