"use client";
import Link from "next/link";
import type { SearchResult } from "@/lib/validation/search";
import { FILTER_LABELS, searchHref, withFilter, type QueryState } from "./search-url";

/** Active filters as removable chips, and facet counts that add a filter when clicked. */
export function FilterChips({ projectId, query, speakerNames }: { projectId: string; query: QueryState; speakerNames: Map<string, string> }) {
  const active = Object.keys(FILTER_LABELS).filter((k) => query[k]);
  if (active.length === 0) return null;
  return (
    <div className="row small" data-testid="filter-chips" style={{ marginBottom: "0.5rem", flexWrap: "wrap" }}>
      {active.map((key) => (
        <Link key={key} className="badge" href={searchHref(projectId, withFilter(query, key, null))} aria-label={`Remove filter ${FILTER_LABELS[key]}`}>
          {FILTER_LABELS[key]}: {key === "speaker" ? (speakerNames.get(query[key]!) ?? query[key]) : query[key]} ×
        </Link>
      ))}
    </div>
  );
}

const FACETS: { key: keyof SearchResult["facets"]; title: string }[] = [
  { key: "type", title: "Type" },
  { key: "speaker", title: "Speaker" },
  { key: "target", title: "Target" },
  { key: "source", title: "Source" },
  { key: "language", title: "Language" },
];

export function FacetPanel({ projectId, query, facets }: { projectId: string; query: QueryState; facets: SearchResult["facets"] }) {
  return (
    <aside className="panel small" data-testid="facets" style={{ minWidth: 200, maxWidth: 260 }}>
      {FACETS.map(({ key, title }) => (
        <div key={key} style={{ marginBottom: "0.5rem" }}>
          <strong>{title}</strong>
          {facets[key].length === 0 ? <div className="muted">—</div> : null}
          <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {facets[key].map((f) => (
              <li key={f.key}>
                {f.key === "" ? (
                  <span className="muted">{f.label}</span>
                ) : (
                  <Link href={searchHref(projectId, withFilter(query, key, f.key))} data-facet={key}>
                    {f.label}
                  </Link>
                )}{" "}
                <span className="muted">{f.count}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </aside>
  );
}
