"use client";
import { useEffect, useRef } from "react";
import type { Passage } from "@/lib/search/read-passage";

/** Cuts a sentence at the match (code points), so the match can be wrapped in <mark>. */
function pieces(sentence: Passage["sentences"][number], match: Passage["match"]) {
  if (!match || match.end <= sentence.start || match.start >= sentence.end) return [{ text: sentence.text, marked: false }];
  const chars = [...sentence.text];
  const from = Math.max(0, match.start - sentence.start);
  const to = Math.min(chars.length, match.end - sentence.start);
  return [
    { text: chars.slice(0, from).join(""), marked: false },
    { text: chars.slice(from, to).join(""), marked: true },
    { text: chars.slice(to).join(""), marked: false },
  ];
}

export function PassageReader({ passage }: { passage: Passage }) {
  const first = useRef<HTMLElement>(null);
  useEffect(() => {
    first.current?.scrollIntoView({ block: "center" });
  }, []);
  const m = passage.match;
  const firstMarked = m ? passage.sentences.find((s) => m.start < s.end && m.end > s.start)?.index : undefined;
  return (
    <article className="panel">
      <h2 style={{ marginTop: 0 }}>{passage.title}</h2>
      {passage.hasBefore ? <p className="muted small">…</p> : null}
      {passage.sentences.map((s) => (
        <p key={s.index} data-sentence={s.index} className={s.boilerplate ? "muted" : undefined} style={{ margin: "0.25rem 0" }}>
          <span className="muted small">{s.index + 1} </span>
          {pieces(s, passage.match).map((p, i) => {
            if (!p.marked) return <span key={i}>{p.text}</span>;
            return (
              <mark key={i} ref={s.index === firstMarked ? first : undefined} data-testid="match">
                {p.text}
              </mark>
            );
          })}
        </p>
      ))}
      {passage.hasAfter ? <p className="muted small">…</p> : null}
    </article>
  );
}
