"use client";
import { useCallback, useEffect, useState } from "react";
import { ApiError, messageOf } from "@/lib/api-client/api-error";
import { annotatorApi } from "@/lib/api-client/annotator-endpoints";
import { afterIdle } from "./after-idle";
import type { SuggestionDto } from "./types";

/** The document's pending suggestions in text order; none when the caller may not see them. */
export function fetchSuggestions(documentId: string): Promise<SuggestionDto[]> {
  return fetch(`/api/v1/documents/${documentId}/suggestions`, { cache: "no-store" })
    .then(async (res) => (res.ok ? ((await res.json()) as { items?: SuggestionDto[] }).items ?? [] : []))
    .catch(() => [] as SuggestionDto[])
    .then((list) => list.filter((s) => s.status === "PENDING").sort((a, b) => a.start - b.start || b.end - a.end));
}

/**
 * The document's pending suggestions. The endpoint may not exist (or the caller may not see it):
 * then the layer is simply empty. `preloaded`: the request the page started while the text
 * loaded, so the suggestions are usually drawn right with the text rather than a moment after
 * (redrawing the rows then could cut short a text selection being made).
 */
export function useSuggestions(documentId: string, preloaded?: Promise<SuggestionDto[]>) {
  const [items, setItems] = useState<SuggestionDto[]>([]);
  useEffect(() => {
    let live = true;
    const apply = (list: SuggestionDto[]) => void (live && setItems(list));
    if (preloaded) void preloaded.then(apply);
    // Otherwise fetched once the layer is on screen, so it does not compete with hydration.
    const cancel = preloaded ? () => undefined : afterIdle(() => void fetchSuggestions(documentId).then(apply));
    return () => {
      live = false;
      cancel();
    };
  }, [documentId, preloaded]);

  /** Records the decision; the suggestion leaves the pending layer either way. Error text or null. */
  const decide = useCallback(async (id: string, decision: "accepted" | "rejected"): Promise<string | null> => {
    setItems((list) => list.filter((s) => s.id !== id));
    try {
      await annotatorApi.decideSuggestion(id, decision);
      return null;
    } catch (error) {
      // Gone, or decided the other way meanwhile: either way it has left the pending layer.
      if (error instanceof ApiError && (error.status === 404 || error.status === 409)) return null;
      return messageOf(error, "The decision on the suggestion was not recorded.");
    }
  }, []);

  return { items, decide };
}
