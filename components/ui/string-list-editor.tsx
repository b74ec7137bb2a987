"use client";

/** An editable list of short strings: one input per item, add and remove buttons. */
export function StringListEditor(props: {
  id: string;
  value: string[];
  onChange: (next: string[]) => void;
  addLabel: string;
  /** Accessible name of each input, numbered: "Target" gives "Target 1", "Target 2", … */
  itemLabel: string;
}) {
  const { value, onChange } = props;
  return (
    <div id={props.id} style={{ display: "flex", flexDirection: "column", gap: "0.35rem" }}>
      {value.map((item, i) => (
        <div className="row" key={i}>
          <input
            type="text"
            aria-label={`${props.itemLabel} ${i + 1}`}
            value={item}
            style={{ flex: 1 }}
            onChange={(e) => onChange(value.map((v, j) => (j === i ? e.target.value : v)))}
          />
          <button type="button" className="secondary" aria-label={`Remove ${item || `${props.itemLabel.toLowerCase()} ${i + 1}`}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <div>
        <button type="button" className="secondary" onClick={() => onChange([...value, ""])}>
          {props.addLabel}
        </button>
      </div>
    </div>
  );
}
