"use client";
import { useState } from "react";
import { guessEntityType } from "@/lib/entities/guess-entity-type";
import type { EntityDto } from "./types";

const ENTITY_TYPES = [
  { value: "person", label: "Person" },
  { value: "organisation", label: "Organisation" },
  { value: "outlet", label: "Outlet" },
  { value: "document", label: "Document" },
  { value: "state", label: "State" },
];

// One keypress corrects the guessed type while typing the name: Alt + the type's key.
const TYPE_KEYS: Record<string, string> = { p: "person", o: "organisation", m: "outlet", d: "document", s: "state" };

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
  // The type follows the name (a guess) until the annotator picks one.
  const [chosenType, setChosenType] = useState<string | null>(null);
  const type = chosenType ?? guessEntityType(name, props.entities);
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
      setChosenType(null);
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
              } else if (e.altKey && !e.ctrlKey && !e.metaKey && TYPE_KEYS[e.code.replace(/^Key/u, "").toLowerCase()]) {
                // e.code, not e.key: Alt+letter types other characters on some layouts.
                e.preventDefault();
                setChosenType(TYPE_KEYS[e.code.replace(/^Key/u, "").toLowerCase()]!);
              }
            }}
            style={{ flex: 1, minWidth: "8rem" }}
          />
          <select aria-label="New speaker type" value={type} onChange={(e) => setChosenType(e.target.value)}>
            {ENTITY_TYPES.map((t) => (
              <option key={t.value} value={t.value}>{t.label}</option>
            ))}
          </select>
          <button type="button" className="secondary" disabled={busy || !name.trim()} onClick={() => void create()}>
            Create speaker
          </button>
        </div>
      ) : null}
      {props.onCreate && name.trim() ? (
        <p className="hint" data-testid="speaker-type-hint">
          {chosenType ? "Type" : "Guessed type"}: {ENTITY_TYPES.find((t) => t.value === type)?.label} — Alt+P person, Alt+O organisation, Alt+M media outlet, Alt+D document, Alt+S state
        </p>
      ) : null}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}
