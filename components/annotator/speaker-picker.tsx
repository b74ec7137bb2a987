"use client";
import { useState } from "react";
import type { EntityDto } from "./types";

const ENTITY_TYPES = [
  { value: "person", label: "Person" },
  { value: "organisation", label: "Organisation" },
  { value: "outlet", label: "Outlet" },
  { value: "document", label: "Document" },
];

type Props = {
  id: string;
  value: string;
  entities: EntityDto[];
  invalid: boolean;
  onChange: (id: string) => void;
  /** Creates a speaker in the project registry; resolves to the new entity or an error message. */
  onCreate: ((name: string, type: string) => Promise<EntityDto | string>) | null;
  suggestedName?: string;
  /** The empty option's text. */
  placeholder?: string;
};

/** Picks a speaker from the project registry, or creates one inline. */
export function SpeakerPicker(props: Props) {
  const [name, setName] = useState(props.suggestedName ?? "");
  const [type, setType] = useState("person");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    if (!props.onCreate || !name.trim()) return;
    setBusy(true);
    const result = await props.onCreate(name.trim(), type);
    setBusy(false);
    if (typeof result === "string") setError(result);
    else {
      setError(null);
      setName("");
      props.onChange(result.id);
    }
  };
  return (
    <div>
      <select id={props.id} value={props.value} aria-invalid={props.invalid} onChange={(e) => props.onChange(e.target.value)} style={{ width: "100%" }}>
        <option value="">{props.placeholder ?? "— choose a speaker —"}</option>
        {props.entities.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
            {e.aliases.length ? ` (${e.aliases.join(", ")})` : ""} · {e.type}
          </option>
        ))}
      </select>
      {props.onCreate ? (
        <div className="row" style={{ marginTop: "0.35rem" }}>
          <input
            type="text"
            aria-label="New speaker name"
            placeholder="New speaker name"
            data-enter="local"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                void create();
              }
            }}
            style={{ flex: 1, minWidth: "8rem" }}
          />
          <select aria-label="New speaker type" value={type} onChange={(e) => setType(e.target.value)}>
            {ENTITY_TYPES.map((t) => (
              <option key={t.value} value={t.value}>{t.label}</option>
            ))}
          </select>
          <button type="button" className="secondary" disabled={busy || !name.trim()} onClick={() => void create()}>
            Create speaker
          </button>
        </div>
      ) : null}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}
