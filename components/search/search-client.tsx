"use client";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { messageOf } from "@/lib/api-client/api-error";
import { api } from "@/lib/api-client/endpoints";
import type { SavedSearch, SearchHit, SearchResult } from "@/lib/validation/search";
import type { MatchSpanType } from "./annotate-matches-panel";
import { AnnotateMatchesPanel } from "./annotate-matches-panel";
import { FacetPanel, FilterChips } from "./facet-panel";
import { SavedSearches } from "./saved-searches";
import { SearchForm } from "./search-form";
import { SearchResults } from "./search-results";
import { SearchTotal } from "./search-total";
import { queryString, searchHref, type QueryState } from "./search-url";

type Props = {
  projectId: string;
  query: QueryState;
  result: SearchResult | null;
  error: { message: string; fields?: Record<string, string[]> } | null;
  saved: SavedSearch[];
  spanTypes: MatchSpanType[];
  stanceTargets: string[];
  canAnnotate: boolean;
};

/** The Search tab; the page keys it by the query, so a new search starts with fresh state. */
export function SearchClient({ projectId, query, result, error, saved, spanTypes, stanceTargets, canAnnotate }: Props) {
  const router = useRouter();
  const [hits, setHits] = useState<SearchHit[]>(result?.hits ?? []);
  const [nextCursor, setNextCursor] = useState(result?.nextCursor ?? null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());

  const loadMore = async () => {
    if (!nextCursor) return;
    try {
      const page = await api.searchPage(projectId, queryString(query), nextCursor);
      setHits((h) => [...h, ...page.hits]);
      setNextCursor(page.nextCursor);
      setLoadError(null);
    } catch (error) {
      setLoadError(messageOf(error, "Could not load more results."));
    }
  };
  const toggle = useCallback((index: number) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    return next;
  }), []);
  const speakerNames = useMemo(() => new Map((result?.facets.speaker ?? []).map((f) => [f.key, f.label])), [result]);
  const sentenceScope = (query.scope ?? "sentences") === "sentences";

  return (
    <section data-testid="search" data-ready="true">
      <SearchForm key={queryString(query)} query={query} spanTypes={spanTypes} stanceTargets={stanceTargets} fieldErrors={error?.fields} onSearch={(s) => router.push(searchHref(projectId, s))} />
      {error ? <p className="form-error" role="alert">{error.message}</p> : null}
      <FilterChips projectId={projectId} query={query} speakerNames={speakerNames} />
      {result ? (
        <div className="row" style={{ alignItems: "flex-start" }}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <p className="small" data-testid="search-total" data-total={result.total} data-lower-bound={String(result.totalIsLowerBound)}>
              <SearchTotal projectId={projectId} query={query} total={result.total} lowerBound={result.totalIsLowerBound} noun={sentenceScope ? "matching sentence" : "annotation"} /> ·{" "}
              <span className="muted">j/k to move, Enter to open, / to search{canAnnotate && sentenceScope ? ", x to select" : ""}</span>
            </p>
            {canAnnotate && sentenceScope && hits.length ? (
              <AnnotateMatchesPanel projectId={projectId} spanTypes={spanTypes} selectedHits={[...selected].map((i) => hits[i]!).filter(Boolean)} onDone={() => setSelected(new Set())} />
            ) : null}
            <SearchResults projectId={projectId} hits={hits} selectable={canAnnotate && sentenceScope} selected={selected} onToggle={toggle} />
            {nextCursor ? (
              <button type="button" onClick={loadMore}>
                Load more
              </button>
            ) : null}
            {loadError ? <p className="form-error">{loadError}</p> : null}
          </div>
          <FacetPanel projectId={projectId} query={query} facets={result.facets} />
        </div>
      ) : !error ? (
        <p className="muted">Search the project&apos;s sentences by words or exact text, or its annotations by type, speaker, target and stance.</p>
      ) : null}
      <SavedSearches projectId={projectId} query={query} saved={saved} />
    </section>
  );
}
