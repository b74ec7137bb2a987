"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { deleteSavedSearchAction, saveSearchAction } from "@/app/projects/[projectId]/search/actions";
import type { SavedSearch } from "@/lib/validation/search";
import { queryString, type QueryState } from "./search-url";

/** The project's saved searches (links), and saving the current one under a name. */
export function SavedSearches({ projectId, query, saved }: { projectId: string; query: QueryState; saved: SavedSearch[] }) {
  const [name, setName] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const current = queryString(query);
  const save = () =>
    start(async () => {
      const result = await saveSearchAction(projectId, { name, query: current });
      setMessage(result.ok ? "Saved." : (result.fields?.name?.[0] ?? result.message));
      if (result.ok) setName("");
    });
  return (
    <div className="panel small" data-testid="saved-searches" style={{ marginTop: "0.75rem" }}>
      <strong>Saved searches</strong>
      <ul style={{ paddingLeft: "1rem", margin: "0.25rem 0" }}>
        {saved.map((s) => (
          <li key={s.id}>
            <Link href={`/projects/${projectId}/search?${s.query}`}>{s.name}</Link>{" "}
            {s.mine ? (
              <button type="button" className="small" aria-label={`Delete saved search ${s.name}`} onClick={() => start(async () => void (await deleteSavedSearchAction(projectId, s.id)))}>
                ×
              </button>
            ) : null}
          </li>
        ))}
        {saved.length === 0 ? <li className="muted">None yet.</li> : null}
      </ul>
      {current ? (
        <div className="row">
          <input aria-label="Saved search name" placeholder="Name this search" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
          <button type="button" onClick={save} disabled={pending}>Save search</button>
        </div>
      ) : null}
      {message ? <div role="status">{message}</div> : null}
    </div>
  );
}
