"use client";
import { useState, type FormEvent } from "react";
import { withFilter, type QueryState } from "./search-url";

type Props = {
  query: QueryState;
  spanTypes: { name: string; label: string }[];
  stanceTargets: string[];
  fieldErrors?: Record<string, string[]>;
  onSearch: (state: QueryState) => void;
};

const STANCES = ["", "-2", "-1", "0", "1", "2", "-2..-1", "1..2"];

/** The search box and its filters; submitting replaces the URL's query. */
export function SearchForm({ query, spanTypes, stanceTargets, fieldErrors, onSearch }: Props) {
  const [state, setState] = useState<QueryState>(query);
  const set = (key: string) => (e: { target: { value: string } }) => setState((s) => ({ ...s, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A new search counts up to the cap again; an exact count is asked for per search (Count all).
    onSearch(withFilter(state, "exactTotal", null));
  };
  const error = (key: string) =>
    fieldErrors?.[key] ? (
      <span className="field-error" role="alert">
        {fieldErrors[key].join(" ")}
      </span>
    ) : null;
  return (
    <form onSubmit={submit} className="panel" data-testid="search-form" style={{ marginBottom: "0.75rem" }}>
      <div className="row">
        <input
          id="search-q"
          aria-label="Search text"
          placeholder='Search: words, "a phrase", -exclude, this OR that, prefix*'
          value={state.q ?? ""}
          onChange={set("q")}
          style={{ flex: 1, minWidth: 260 }}
          maxLength={10000}
        />
        <select aria-label="Mode" value={state.mode ?? "fulltext"} onChange={set("mode")}>
          <option value="fulltext">Words</option>
          <option value="exact">Exact text</option>
        </select>
        <select aria-label="Scope" value={state.scope ?? "sentences"} onChange={set("scope")}>
          <option value="sentences">Sentences</option>
          <option value="annotations">Annotations</option>
        </select>
        <button type="submit" className="primary">Search</button>
      </div>
      {error("q")}
      <div className="row small" style={{ marginTop: "0.5rem", flexWrap: "wrap" }}>
        <select aria-label="Type" value={state.type ?? ""} onChange={set("type")}>
          <option value="">Any type</option>
          {spanTypes.map((t) => (
            <option key={t.name} value={t.name}>{t.label}</option>
          ))}
        </select>
        <select aria-label="Target" value={state.target ?? ""} onChange={set("target")}>
          <option value="">Any target</option>
          {stanceTargets.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </select>
        <select aria-label="Stance" value={state.stance ?? ""} onChange={set("stance")}>
          {STANCES.map((s) => (
            <option key={s} value={s}>{s === "" ? "Any stance" : `Stance ${s}`}</option>
          ))}
        </select>
        <select aria-label="Layer" value={state.layer ?? ""} onChange={set("layer")}>
          <option value="">Layers I can see</option>
          <option value="gold">Gold</option>
        </select>
        <select aria-label="Document state" value={state.state ?? ""} onChange={set("state")}>
          <option value="">Any state</option>
          <option value="ANNOTATING">Annotating</option>
          <option value="READY_FOR_REVIEW">Ready for review</option>
          <option value="IN_REVIEW">In review</option>
          <option value="SIGNED_OFF">Signed off</option>
        </select>
        <input aria-label="Source" placeholder="Source (outlet)" value={state.source ?? ""} onChange={set("source")} size={14} />
        <input aria-label="Language" placeholder="Language" value={state.language ?? ""} onChange={set("language")} size={6} />
        <label>
          From <input type="date" aria-label="From" value={state.from ?? ""} onChange={set("from")} />
        </label>
        <label>
          To <input type="date" aria-label="To" value={state.to ?? ""} onChange={set("to")} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={state.boilerplate === "true"} onChange={(e) => setState((s) => ({ ...s, boilerplate: e.target.checked ? "true" : "" }))} /> include boilerplate
        </label>
      </div>
      {Object.keys(fieldErrors ?? {})
        .filter((k) => k !== "q")
        .map((k) => (
          <div key={k}>{error(k)}</div>
        ))}
    </form>
  );
}
