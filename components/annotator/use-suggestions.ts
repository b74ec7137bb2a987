"use client";
import { useCallback, useEffect, useState } from "react";
import { afterIdle } from "./after-idle";
import type { SuggestionDto } from "./types";

/**
 * The document's pending suggestions. The endpoint may not exist (or the caller may not see it):
 * then the layer is simply empty.
 */
export function useSuggestions(documentId: string) {
  const [items, setItems] = useState<SuggestionDto[]>([]);
  useEffect(() => {
    let live = true;
    // Fetched once the layer is on screen, so it does not compete with hydration.
    const cancel = afterIdle(() => {
      fetch(`/api/v1/documents/${documentId}/suggestions`, { cache: "no-store" })
        .then(async (res) => (res.ok ? ((await res.json()) as { items?: SuggestionDto[] }).items ?? [] : []))
        .catch(() => [] as SuggestionDto[])
        .then((list) => {
          if (live) setItems(list.filter((s) => s.status === "PENDING").sort((a, b) => a.start - b.start || b.end - a.end));
        });
    });
    return () => {
      live = false;
      cancel();
    };
  }, [documentId]);

  /** Records the decision; the suggestion leaves the pending layer either way. Error text or null. */
  const decide = useCallback(async (id: string, decision: "accepted" | "rejected"): Promise<string | null> => {
    setItems((list) => list.filter((s) => s.id !== id));
    try {
      const res = await fetch(`/api/v1/suggestions/${id}/decision`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ decision }),
      });
      if (res.ok || res.status === 404 || res.status === 409) return null;
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      return body?.error?.message ?? "The decision on the suggestion was not recorded.";
    } catch {
      return "You are offline: the decision on the suggestion was not recorded (the annotation itself is queued).";
    }
  }, []);

  return { items, decide };
}
