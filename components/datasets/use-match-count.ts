"use client";
import { useEffect, useState } from "react";
import { countDatasetDocumentsAction } from "@/app/projects/[projectId]/exports/actions";
import { datasetFilterSchema } from "@/lib/validation/datasets";

export type MatchCount = { state: "idle" | "counting" } | { state: "counted"; documents: number } | { state: "error"; message: string };

/**
 * How many documents the form's filter selects, asked of the server a moment after the last
 * change (a filter the shared schema rejects is not sent: its field errors say why).
 */
export function useMatchCount(projectId: string, filter: unknown): MatchCount {
  const [count, setCount] = useState<MatchCount>({ state: "idle" });
  const key = JSON.stringify(filter ?? {});
  useEffect(() => {
    const parsed = datasetFilterSchema.safeParse(JSON.parse(key));
    if (!parsed.success) return;
    let current = true;
    const timer = setTimeout(() => {
      setCount({ state: "counting" });
      countDatasetDocumentsAction(projectId, parsed.data).then(
        (result) => {
          if (!current) return;
          setCount(result.ok ? { state: "counted", documents: result.data.documents } : { state: "error", message: result.message });
        },
        () => current && setCount({ state: "error", message: "Could not count the matching documents. Check your connection." }),
      );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [projectId, key]);
  return count;
}
