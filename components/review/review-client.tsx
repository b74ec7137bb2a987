"use client";
import { useCallback, useEffect, useMemo, useState } from "react";
import { TextAndPanel } from "@/components/layout/text-and-panel";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ApiError, fieldMessageOf } from "@/lib/api-client/api-error";
import { openMatchesOf, reviewApi } from "@/lib/api-client/review-endpoints";
import type { SentenceDto } from "@/lib/documents/get-document";
import type { OpenMatch, ReviewView } from "@/lib/review/review-types";
import type { LabelSchema } from "@/lib/schema/label-schema";
import type { reviewDecisionSchema } from "@/lib/validation/review";
import type { z } from "@/lib/validation/zod";
import { AddAnnotationForm } from "./add-annotation-form";
import { MatchPanel, type Staged } from "./match-panel";
import { RelationReviewPanel } from "./relation-review-panel";
import { ReviewText } from "./review-text";
import { ReviewToolbar } from "./review-toolbar";

type Props = { sentences: SentenceDto[]; initial: ReviewView; schema: LabelSchema; canAct: boolean; canSignOff: boolean };
type Message = { ok: boolean; text: string } | null;
/** A decision without the match it is on (the selected one unless said otherwise). */
type DecisionBody = Omit<z.input<typeof reviewDecisionSchema>, "matchKey" | "version">;

/** The review page's island: document with matches, side panel, keyboard, start and sign-off. */
export function ReviewClient({ sentences, initial, schema, canAct, canSignOff }: Props) {
  const ready = useHydrated();
  const [review, setReview] = useState(initial);
  const documentId = review.document.id;
  const disagreements = useMemo(() => review.matches.filter((m) => m.source === "annotators" && !m.agreed), [review.matches]);
  const [selectedKey, setSelectedKey] = useState<string | null>(() => (initial.matches.find((m) => m.open) ?? initial.matches[0])?.key ?? null);
  const [staged, setStaged] = useState<Staged>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [openList, setOpenList] = useState<OpenMatch[]>([]);
  const selected = review.matches.find((m) => m.key === selectedKey) ?? null;
  const inReview = review.document.state === "IN_REVIEW";

  const select = useCallback((key: string) => {
    setSelectedKey(key);
    setStaged(null);
    setReason("");
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await reviewApi.get(documentId);
      setReview(next);
      return next;
    } catch (error) {
      setMessage({ ok: false, text: fieldMessageOf(error, "The review could not be loaded.") });
      return null;
    }
  }, [documentId]);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (disagreements.length === 0) return;
      const at = disagreements.findIndex((m) => m.key === selectedKey);
      const index = at === -1 ? (direction === 1 ? 0 : disagreements.length - 1) : (at + direction + disagreements.length) % disagreements.length;
      select(disagreements[index]!.key);
    },
    [disagreements, selectedKey, select],
  );

  const decide = useCallback(
    async (body: DecisionBody, target: { matchKey: string; version: number } | null = null) => {
      const on = target ?? (selected ? { matchKey: selected.key, version: selected.decision?.version ?? 0 } : null);
      if (!on) return;
      setBusy(true);
      try {
        await reviewApi.decide(documentId, { ...on, ...body });
      } catch (error) {
        const stale = error instanceof ApiError && error.code === "stale_version";
        setMessage({ ok: false, text: stale ? "Another reviewer decided this match first; the page now shows their decision." : fieldMessageOf(error, "The decision was not saved.") });
        if (stale) await refresh();
        return;
      } finally {
        setBusy(false);
      }
      setStaged(null);
      setReason("");
      setMessage({ ok: true, text: "Decision saved." });
      const next = await refresh();
      // Move on to the next open disagreement after the one just decided.
      const all = next?.matches ?? [];
      const decidedAt = all.findIndex((x) => x.key === on.matchKey);
      const after = all.find((m, i) => i > decidedAt && m.open) ?? all.find((m) => m.open);
      if (after) setSelectedKey(after.key);
    },
    [documentId, refresh, selected],
  );

  const confirm = useCallback(() => {
    if (!selected || !staged || busy) return;
    if (staged.kind === "accept") {
      const annotator = review.annotators[staged.column];
      const version = selected.versions.find((v) => v.authorId === annotator?.id);
      if (version) void decide({ decision: "accept", annotatorAnnotationId: version.id });
    } else if (reason.trim()) {
      void decide({ decision: staged.kind, reason: reason.trim() });
    }
  }, [busy, decide, reason, review.annotators, selected, staged]);

  const edit = useCallback(
    (start: number, end: number) => {
      const base = selected?.versions[0];
      if (!base) return;
      // A discontinuous version keeps the gaps that still lie inside the edited boundaries.
      const gaps = (base.gaps ?? []).filter((g) => g.start > start && g.end < end);
      void decide({ decision: "edit", annotation: { type: base.type, start, end, ...(gaps.length ? { gaps } : {}), attributes: base.attributes, speakerId: base.speaker?.id ?? null } });
    },
    [decide, selected],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "j") step(1);
      else if (event.key === "k") step(-1);
      else if (event.key === "Escape") setStaged(null);
      else if (!canAct || !inReview || !selected || selected.source !== "annotators") return;
      else if (/^[1-9]$/.test(event.key)) {
        const column = Number(event.key) - 1;
        const annotator = review.annotators[column];
        if (annotator && selected.versions.some((v) => v.authorId === annotator.id)) setStaged({ kind: "accept", column });
      } else if (event.key === "r") setStaged({ kind: "reject" });
      else if (event.key === "o" && !selected.agreed) setStaged({ kind: "override" });
      else if (event.key === "Enter" && staged?.kind === "accept") confirm();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canAct, confirm, inReview, review.annotators, selected, staged, step]);

  const transition = async (action: "start" | "sign-off") => {
    setBusy(true);
    setOpenList([]);
    try {
      if (action === "start") {
        const started = await reviewApi.start(documentId);
        setMessage({ ok: true, text: `Review started; ${started.autoAccepted} agreed matches pre-accepted into gold.` });
      } else {
        await reviewApi.signOff(documentId);
        setMessage({ ok: true, text: "Signed off. The gold layer is frozen." });
      }
    } catch (error) {
      setMessage({ ok: false, text: fieldMessageOf(error, action === "start" ? "The review could not be started." : "The document could not be signed off.") });
      setOpenList(openMatchesOf(error));
    } finally {
      setBusy(false);
    }
    await refresh();
  };

  return (
    <div data-testid="review" data-ready={ready ? "true" : "false"} data-state={review.document.state}>
      <ReviewToolbar
        review={review}
        canAct={canAct}
        canSignOff={canSignOff}
        busy={busy}
        message={message}
        openList={openList}
        onStart={() => void transition("start")}
        onSignOff={() => void transition("sign-off")}
        onSelect={select}
      />
      <TextAndPanel panel="sticky" text={<ReviewText sentences={sentences} matches={review.matches} selectedKey={selectedKey} onSelect={select} />}>
        {selected ? (
          <MatchPanel
            match={selected}
            annotators={review.annotators}
            canAct={canAct && inReview}
            busy={busy}
            staged={staged}
            reason={reason}
            onStage={setStaged}
            onReason={setReason}
            onConfirm={confirm}
            onEdit={edit}
            sentenceLabels={schema.sentenceLabels}
            onEditLabels={(attributes) => void decide({ decision: "edit", annotation: { type: selected.type, sentenceIndex: selected.sentenceIndex ?? undefined, attributes } })}
          />
        ) : (
          <div className="empty">
            <strong>Nothing to review yet</strong>
            No annotator has annotated this document. Matches appear here once annotators have marked spans or sentence labels.
          </div>
        )}
        {canAct && inReview ? (
          <AddAnnotationForm
            key={selectedKey ?? "none"}
            schema={schema}
            start={selected?.start ?? 0}
            end={selected?.end ?? 0}
            busy={busy}
            onAdd={(annotation) => void decide({ decision: "add", annotation }, { matchKey: `added:${crypto.randomUUID()}`, version: 0 })}
          />
        ) : null}
        <RelationReviewPanel documentId={review.document.id} canAct={canAct && inReview} refreshKey={`${review.document.state}:${review.counts.decided}:${review.gold.length}`} />
        <p className="muted small" style={{ marginBottom: 0 }}>
          Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous disagreement · <kbd>1</kbd>–<kbd>9</kbd> accept annotator N · <kbd>r</kbd> reject · <kbd>o</kbd> override ·{" "}
          <kbd>Enter</kbd> confirm · <kbd>Esc</kbd> cancel
        </p>
      </TextAndPanel>
    </div>
  );
}
