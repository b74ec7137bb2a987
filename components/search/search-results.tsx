"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { SearchHit } from "@/lib/validation/search";
import { readerHref } from "./search-url";

type Props = {
  projectId: string;
  hits: SearchHit[];
  selectable: boolean;
  selected: Set<number>;
  onToggle: (index: number) => void;
};

const hitKey = (h: SearchHit) => `${h.documentId}:${h.start}:${h.end}:${h.annotation?.id ?? ""}`;

/**
 * Hits grouped by document. Keys (outside text fields): j / ↓ next, k / ↑ previous, Enter or o
 * opens the match in the reader, x selects it for "annotate matches", / focuses the search box.
 */
export function SearchResults({ projectId, hits, selectable, selected, onToggle }: Props) {
  const router = useRouter();
  const [cursor, setCursor] = useState(0);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest("input, textarea, select") || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "/") {
        e.preventDefault();
        document.getElementById("search-q")?.focus();
      } else if ((e.key === "j" || e.key === "ArrowDown") && hits.length) {
        e.preventDefault();
        setCursor((c) => Math.min(c + 1, hits.length - 1));
      } else if ((e.key === "k" || e.key === "ArrowUp") && hits.length) {
        e.preventDefault();
        setCursor((c) => Math.max(c - 1, 0));
      } else if ((e.key === "Enter" || e.key === "o") && hits[cursor]) {
        e.preventDefault();
        router.push(readerHref(projectId, hits[cursor]));
      } else if (e.key === "x" && selectable && hits[cursor]) {
        onToggle(cursor);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [hits, cursor, projectId, router, selectable, onToggle]);

  useEffect(() => {
    list.current?.querySelector(`[data-hit-index="${cursor}"]`)?.scrollIntoView({ block: "nearest" });
  }, [cursor]);

  const groups: { documentId: string; title: string; source: string | null; publishedAt: string | null; items: { hit: SearchHit; index: number }[] }[] = [];
  hits.forEach((hit, index) => {
    const last = groups[groups.length - 1];
    if (last && last.documentId === hit.documentId) last.items.push({ hit, index });
    else groups.push({ documentId: hit.documentId, title: hit.title, source: hit.source, publishedAt: hit.publishedAt, items: [{ hit, index }] });
  });

  return (
    <div ref={list} data-testid="search-results">
      {groups.map((g) => (
        <section key={`${g.documentId}:${g.items[0]!.index}`} className="panel" style={{ marginBottom: "0.5rem" }} data-document={g.documentId}>
          <div className="row small">
            <strong>{g.title}</strong>
            <span className="muted">{[g.source, g.publishedAt?.slice(0, 10)].filter(Boolean).join(" · ")}</span>
          </div>
          <ol style={{ listStyle: "none", padding: 0, margin: "0.25rem 0 0" }}>
            {g.items.map(({ hit, index }) => (
              <li
                key={hitKey(hit)}
                data-hit-index={index}
                aria-current={index === cursor ? "true" : undefined}
                onClick={() => setCursor(index)}
                style={{ padding: "0.25rem 0.4rem", borderRadius: 4, background: index === cursor ? "var(--selected, #e8eefc)" : undefined }}
              >
                {selectable ? (
                  <input type="checkbox" aria-label={`Select match ${index + 1}`} checked={selected.has(index)} onChange={() => onToggle(index)} style={{ marginRight: 6 }} />
                ) : null}
                <Link href={readerHref(projectId, hit)} data-testid="hit-link">
                  {hit.sentenceIndex !== null ? <span className="muted small">#{hit.sentenceIndex + 1} </span> : null}
                  <span>{hit.snippet.before}</span>
                  <mark>{hit.snippet.match}</mark>
                  <span>{hit.snippet.after}</span>
                </Link>
                {hit.annotation ? (
                  <span className="small muted">
                    {" "}
                    — {hit.annotation.type}
                    {hit.annotation.speakerName ? `, ${hit.annotation.speakerName}` : ""} ({hit.annotation.layer})
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
