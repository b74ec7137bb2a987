"use client";
import { useEffect, useState } from "react";
import { messageOf } from "@/lib/api-client/api-error";
import { annotatorApi } from "@/lib/api-client/annotator-endpoints";
import { assemblePage } from "@/lib/annotator/assemble-page";
import type { AnnotatorPageData, AnnotatorShell } from "@/lib/annotator/load-annotator-page";
import type { DocumentTextDto } from "@/lib/validation/document-text";
import { AnnotatorClient } from "./annotator-client";
import { loadStored, outboxKey, type Stored } from "./outbox-store";
import type { SuggestionDto } from "./types";
import { fetchSuggestions } from "./use-suggestions";

export const MARK_HYDRATED = "annotator:hydrated";
export const MARK_TEXT = "annotator:text";

type TextState = { kind: "loading" } | { kind: "failed"; message: string } | { kind: "ready"; data: AnnotatorPageData; stored: Stored; suggestions: Promise<SuggestionDto[]> };

async function fetchText(url: string): Promise<DocumentTextDto | string> {
  try {
    // The page preloads this URL and the browser keeps it (immutable): usually no request at all.
    return await annotatorApi.documentText(url);
  } catch (error) {
    return messageOf(error, "The document's text could not be loaded.");
  }
}

/** The annotator once the document's text (fetched apart from the page, see AnnotatorShell) is there. */
export function AnnotatorPage({ shell }: { shell: AnnotatorShell }) {
  const [state, setState] = useState<TextState>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    // Marks for the page's timing breakdown (bench:annotator): hydrated, then the text in hand.
    performance.mark(MARK_HYDRATED);
    // The outbox (IndexedDB) is read while the text loads, so the annotator mounts ready; the
    // suggestions are asked for meanwhile too, but not waited for.
    const stored = loadStored(outboxKey(shell.document.id, shell.assignment?.id ?? null, shell.layer));
    const suggestions = fetchSuggestions(shell.document.id);
    const text = fetchText(shell.textUrl).then((content) => (performance.mark(MARK_TEXT), content));
    void Promise.all([text, stored]).then(([content, outbox]) => {
      if (!live) return;
      setState(typeof content === "string" ? { kind: "failed", message: content } : { kind: "ready", data: assemblePage(shell, content), stored: outbox, suggestions });
    });
    return () => {
      live = false;
    };
  }, [shell, attempt]);

  if (state.kind === "ready") return <AnnotatorClient data={state.data} layer={state.data.layer} stored={state.stored} suggestionsLoading={state.suggestions} />;
  return (
    <div data-testid="annotator-loading">
      <h2 style={{ margin: "0 0 0.5rem" }}>{shell.document.title}</h2>
      {state.kind === "loading" ? (
        <p className="muted small" role="status" aria-busy="true">Loading the text ({shell.document.sentenceCount.toLocaleString("en")} sentences)…</p>
      ) : (
        <p className="form-error" role="alert" data-testid="annotator-text-error">
          {state.message}{" "}
          <button type="button" className="secondary" onClick={() => { setState({ kind: "loading" }); setAttempt((n) => n + 1); }}>Try again</button>
        </p>
      )}
    </div>
  );
}
