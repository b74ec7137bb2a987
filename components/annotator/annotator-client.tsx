"use client";
import { useCallback, useMemo, useRef, useState } from "react";
import type { KeyAction } from "@/lib/annotator/keymap";
import type { AnnotatorPageData } from "@/lib/annotator/load-annotator-page";
import type { AnnotationBody } from "@/lib/annotator/outbox";
import type { RelationDto } from "@/lib/validation/relations";
import { trimRange } from "@/lib/annotator/selection-offsets";
import { cursorRange, cursorRows, moveCursor, remapCursor, type SentenceCursor } from "@/lib/annotator/sentence-cursor";
import { sentenceAt } from "@/lib/annotator/span-index";
import { CodePointIndex } from "@/lib/text/code-points";
import { TextAndPanel } from "@/components/layout/text-and-panel";
import { AnnotationList } from "./annotation-list";
import { AnnotatorTitleRow, AnnotatorToolbar } from "./annotator-header";
import { AnnotatorText, type Range } from "./annotator-text";
import { ConflictPanel } from "./conflict-panel";
import { RelationPanel } from "./relation-panel";
import { bodyOf, isSpan, materialiseWith } from "./materialise";
import { outboxKey, type Stored } from "./outbox-store";
import { SentencePanel } from "./sentence-panel";
import { ShortcutOverlay } from "./shortcut-overlay";
import { SpanForm } from "./span-form";
import { SuggestionsPanel } from "./suggestions-panel";
import { newId, useAnnotationSync } from "./use-annotation-sync";
import { useAnnotatorKeys } from "./use-annotator-keys";
import { useEntities } from "./use-entities";
import { useGapCut } from "./use-gap-cut";
import { useRelations } from "./use-relations";
import { useSpanDraft } from "./use-span-draft";
import { useStoredFlag } from "./use-stored-flag";
import { useSubmitAssignment } from "./use-submit-assignment";
import { useSuggestionActions } from "./use-suggestion-actions";
import { useSuggestions } from "./use-suggestions";
import { useTextMarks } from "./use-text-marks";
import { useUndoRedo, type UndoStep } from "./use-undo-redo";
import type { SuggestionDto } from "./types";

const SUBMITTED = "You submitted this document; it is read-only until a reviewer returns it.";

/** The annotator: text, keyboard, side panel, autosave through the outbox, suggestions. */
export function AnnotatorClient({ data, layer = "mine", stored, suggestionsLoading }: { data: AnnotatorPageData; layer?: string; stored?: Stored; suggestionsLoading?: Promise<SuggestionDto[]> }) {
  const { document: doc, schema, stanceTargets: targets } = data;
  const cp = useMemo(() => new CodePointIndex(doc.text), [doc.text]);
  // Built once by assemblePage: the client does not map the sentences again.
  const sentences = data.sentences;
  const { entities, entityMap, getEntities, createEntity } = useEntities(doc.projectId, data.entities);
  const storageKey = outboxKey(doc.id, data.assignment?.id ?? null, layer);
  const [initialLayer] = useState(() => ({ items: data.annotations, renderId: data.renderId }));
  const { sync, annotations, list, status, conflicts, ready } = useAnnotationSync(doc.id, storageKey, getEntities, layer, initialLayer, stored);
  const materialise = useMemo(() => materialiseWith(doc.id, getEntities), [doc.id, getEntities]);
  const suggestions = useSuggestions(doc.id, suggestionsLoading);

  const layerLabel = data.layers.find((l) => l.value === layer)?.label ?? layer;
  const [readOnlyReason, setReadOnlyReason] = useState(layer === "mine" ? data.readOnlyReason : `You are viewing ${layerLabel}: it is read-only.`);
  const readOnly = readOnlyReason !== null;
  const [hideBoilerplate, setHideBoilerplate] = useStoredFlag("stancebench:collapse-boilerplate");
  const contentRows = useMemo(() => sentences.filter((s) => !s.boilerplate), [sentences]);
  const rows = hideBoilerplate ? contentRows : sentences;
  const boilerplateCount = sentences.length - contentRows.length;
  const [cursor, setCursor] = useState<SentenceCursor>({ focus: 0, anchor: null });
  const [scrollRequest, setScrollRequest] = useState({ row: 0, seq: 0 });
  const [textSelection, setTextSelection] = useState<Range | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [hideSuggestions, setHideSuggestions] = useStoredFlag("stancebench:hide-suggestions");
  const formRef = useRef<HTMLFormElement>(null);

  const textOf = useCallback((start: number, end: number) => doc.text.slice(cp.toUtf16(start), cp.toUtf16(end)), [doc.text, cp]);
  const { spans, marks, spansByPos, depths, labelsBySentence, suggestionMarks, spansInOrder, colors } = useTextMarks({ list, sentences, suggestions: suggestions.items, hideSuggestions, schema, textOf });
  const relations = useRelations({ documentId: doc.id, layer, schema, readOnlyReason, spans: spansInOrder, selectedId, say: (text, ok = false) => setNotice({ ok, text }) });
  const linkTarget = relations.linking?.toId ? annotations.get(relations.linking.toId) : undefined;
  const selectedParts = useMemo(() => {
    const a = selectedId ? annotations.get(selectedId) : undefined;
    if (!a) return [];
    const target = linkTarget && isSpan(linkTarget) ? [{ start: linkTarget.start, end: linkTarget.end }] : [];
    return [...target, ...Object.values(a.attributes).filter((v): v is Range => typeof v === "object" && v !== null && typeof (v as Range).start === "number" && typeof (v as Range).end === "number")];
  }, [selectedId, annotations, linkTarget]);
  const { first, last } = cursorRows(cursor);
  const focusedRow = rows[cursor.focus] ?? null;

  const say = (text: string, ok = false) => setNotice({ ok, text });
  const moveTo = (next: SentenceCursor, scroll = true) => {
    setCursor(next);
    if (scroll) setScrollRequest((r) => ({ row: next.focus, seq: r.seq + 1 }));
  };
  const rowOf = (offset: number) => Math.max(0, sentenceAt(rows, offset));

  const undoRedo = useUndoRedo(say);
  /** Writes one annotation's new state through the outbox (null = delete); `remember` adds it to undo, with `extra`. */
  const write = (id: string, body: AnnotationBody | null, remember = true, extra?: { relations: RelationDto[] }) => {
    const current = annotations.get(id) ?? null;
    if (body === null) {
      if (!current) return;
      sync.change({ kind: "delete", id, baseVersion: current.version });
    } else if (current) sync.change({ kind: "update", id, body, baseVersion: current.version });
    else sync.change({ kind: "create", id, body });
    if (remember) undoRedo.remember({ id, before: current, after: body ? materialise(id, body, current ?? undefined) : null, ...(extra ? { extra } : {}) });
  };

  const clearDomSelection = () => {
    window.getSelection()?.removeAllRanges();
    setTextSelection(null);
  };

  const newSpanRange = (): Range | null => {
    const range = textSelection ?? cursorRange(cursor, rows);
    if (!range) return null;
    return trimRange(Array.from(textOf(range.start, range.end)), range.start, range);
  };

  const spanDraft = useSpanDraft({
    schema,
    readOnlyReason,
    newSpanRange,
    write,
    say,
    acceptSuggestion: (id) => void suggestions.decide(id, "accepted").then((e) => e && say(e)),
    onOpen: setSelectedId,
  });
  const { draft, draftType } = spanDraft;
  /** Writes back the state an undo or redo step asks for, without recording it again. */
  const applyStep = (step: UndoStep | null) => {
    if (!step) return;
    write(step.id, step.state ? bodyOf(step.state) : null, false);
    relations.restore(step.relations);
    spanDraft.close();
  };
  const gapCut = useGapCut({
    readOnlyReason, spanId: draft && !draft.isNew ? draft.id : selectedId, unsavedDraft: draft?.isNew ?? false, annotations, textSelection, write, say, textOf,
    done: () => (spanDraft.close(), setSelectedId(null), clearDomSelection()),
  });
  const undoLast = () => applyStep(undoRedo.undo());
  const redoLast = () => applyStep(undoRedo.redo());

  const startSpan = (typeName: string) => {
    if (!spanDraft.start(typeName)) return;
    setNotice(null);
    clearDomSelection();
  };
  const openExisting = spanDraft.open;

  const cancel = () => {
    if (!draft && !selectedId) {
      clearDomSelection();
      setCursor((c) => ({ ...c, anchor: null }));
    }
    spanDraft.close();
    setSelectedId(null);
  };

  const deleteSelected = () => {
    if (readOnly) return;
    const id = draft ? (draft.isNew ? null : draft.id) : selectedId;
    if (!id) return say("Click a span (or use ] / [) to select it first.");
    // The server deletes the span's relations with it; undo re-creates them.
    write(id, null, true, { relations: relations.linkedTo(id) });
    spanDraft.close();
    setSelectedId(null);
    say("Span deleted (Ctrl+Z to undo).", true);
  };

  const setSentenceLabel = (name: string, value: unknown) => {
    if (readOnly) return say(readOnlyReason ?? "Read-only.");
    for (let r = first; r <= last; r++) {
      const row = rows[r];
      if (!row) continue;
      const existing = labelsBySentence.get(row.index);
      const labels: Record<string, unknown> = { ...(existing?.attributes ?? {}) };
      if (value === null) delete labels[name];
      else labels[name] = value;
      if (Object.keys(labels).length === 0) {
        if (existing) write(existing.id, null);
      } else write(existing?.id ?? newId(), { sentenceIndex: row.index, labels });
    }
  };

  const cycleSpan = (delta: number) => {
    if (!focusedRow) return;
    const inRow = [...(spansByPos.get(focusedRow.pos) ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
    if (inRow.length === 0) return say("No span in this sentence.");
    const at = inRow.findIndex((s) => s.id === selectedId);
    const next = inRow[(at + delta + inRow.length) % inRow.length] ?? inRow[0]!;
    const a = annotations.get(next.id);
    if (a && isSpan(a)) openExisting(a);
  };

  const suggestionActions = useSuggestionActions({
    schema,
    targets,
    suggestions,
    spans,
    readOnly,
    focusedStart: focusedRow?.start ?? null,
    write,
    say,
    openDraft: spanDraft.openSuggested,
    focusAt: (offset) => moveTo({ focus: rowOf(offset), anchor: null }),
  });
  const activeSuggestion = hideSuggestions ? null : suggestionActions.activeIn(focusedRow);

  const toggleBoilerplate = () => {
    const next = !hideBoilerplate;
    const nextRows = next ? contentRows : sentences;
    setHideBoilerplate(next);
    moveTo(remapCursor(cursor, rows, nextRows));
  };

  const run = (action: KeyAction) => {
    switch (action.kind) {
      case "move":
        clearDomSelection();
        return moveTo(moveCursor(cursor, action.delta, rows.length, action.extend));
      case "spanType":
        return startSpan(action.type);
      case "save":
        return draft ? formRef.current?.requestSubmit() : undefined;
      case "cancel":
        return cancel();
      case "delete":
        return deleteSelected();
      case "undo":
        return undoLast();
      case "redo":
        return redoLast();
      case "sentenceLabel":
        return setSentenceLabel(action.name, action.value);
      case "cycleSpan":
        return draft?.isNew ? undefined : cycleSpan(action.delta);
      case "acceptSuggestion":
        return activeSuggestion ? void suggestionActions.accept(activeSuggestion) : say("No suggestion here: press s for the next one.");
      case "rejectSuggestion":
        return activeSuggestion ? suggestionActions.reject(activeSuggestion) : say("No suggestion here.");
      case "nextSuggestion":
        if (hideSuggestions) return say("Suggestions are hidden: show them first.");
        return suggestionActions.next(activeSuggestion);
      case "setCue":
        return spanDraft.setRangeAttribute("cue", textSelection);
      case "setMention":
        return spanDraft.setRangeAttribute("speakerMention", textSelection);
      case "cutGap":
        return gapCut.cut();
      case "joinGaps":
        return gapCut.join();
      case "toggleBoilerplate":
        return toggleBoilerplate();
      case "help":
        return setHelp((h) => !h);
    }
  };

  useAnnotatorKeys({ schema, help, closeHelp: () => setHelp(false), formRef, hasDraft: draft !== null, cancel, run });

  const onPieceClick = (row: number, ids: string[], sids: string[]) => {
    moveTo({ focus: row, anchor: null }, false);
    // While linking, a click picks the other end of the relation (the innermost span clicked).
    if (relations.linking && ids.length) return relations.pick(ids[ids.length - 1]!);
    if (draft) return;
    if (ids.length) {
      // Innermost first; clicking again walks outwards through the nested spans.
      const order = [...ids].reverse();
      const at = selectedId ? order.indexOf(selectedId) : -1;
      const a = annotations.get(order[(at + 1) % order.length]!);
      if (a && isSpan(a)) openExisting(a);
    } else if (sids.length) {
      suggestionActions.focus(sids[0]!);
      setSelectedId(null);
    } else setSelectedId(null);
  };

  const onTextSelected = (range: Range | null) => {
    const trimmed = range ? trimRange(Array.from(textOf(range.start, range.end)), range.start, range) : null;
    setTextSelection(trimmed);
    // The keyboard follows the mouse: y/n and the side panel then act on the selected sentence.
    if (trimmed) moveTo({ focus: rowOf(trimmed.start), anchor: null }, false);
  };

  const { submit, submitting } = useSubmitAssignment({
    assignmentId: data.assignment?.id ?? null,
    unsaved: status.pending > 0 || conflicts.length > 0,
    onSubmitted: () => {
      setReadOnlyReason(SUBMITTED);
      spanDraft.close();
    },
    say,
  });

  const focusedLabels = focusedRow ? (labelsBySentence.get(focusedRow.index)?.attributes ?? {}) : {};

  return (
    <div data-testid="annotator" data-ready={ready ? "true" : "false"} data-readonly={readOnly ? "true" : "false"}>
      <AnnotatorTitleRow
        title={doc.title}
        layers={data.layers}
        layer={layer}
        status={status}
        onSubmit={data.assignment && !readOnly ? () => void submit() : null}
        submitting={submitting}
        onHelp={() => setHelp(true)}
      />
      {readOnlyReason ? <p className="panel small" data-testid="read-only" role="note">{readOnlyReason}</p> : null}
      <AnnotatorToolbar
        schema={schema}
        readOnly={readOnly}
        onSpanType={startSpan}
        hideBoilerplate={hideBoilerplate}
        boilerplateCount={boilerplateCount}
        onToggleBoilerplate={toggleBoilerplate}
        hideSuggestions={hideSuggestions}
        onToggleSuggestions={() => setHideSuggestions(!hideSuggestions)}
        undo={{ canUndo: undoRedo.canUndo, canRedo: undoRedo.canRedo, onUndo: undoLast, onRedo: redoLast }}
      />
      {notice ? <p className={notice.ok ? "form-ok" : "form-error"} role="status" data-testid="annotator-notice">{notice.text}</p> : null}
      <ConflictPanel conflicts={conflicts} textOf={textOf} speakerName={(id) => entityMap.get(id)?.name ?? null} onResolve={(c, mine) => sync.resolveConflict(c, mine)} />
      <TextAndPanel
        panel="scroll"
        panelTestId="side-panel"
        text={
          <AnnotatorText
            text={doc.text}
            cp={cp}
            rows={rows}
            spans={marks}
            suggestions={suggestionMarks}
            depths={depths}
            colors={colors}
            labelsBySentence={labelsBySentence}
            selectedId={selectedId}
            focusedSuggestionId={activeSuggestion?.id ?? null}
            highlight={draft ? { start: draft.start, end: draft.end } : textSelection}
            parts={selectedParts}
            cursor={{ first, last, focus: cursor.focus }}
            scrollRequest={scrollRequest}
            onTextSelected={onTextSelected}
            onPieceClick={onPieceClick}
          />
        }
      >
        {draft && draftType ? (
          <SpanForm
            key={`${draft.id}:${draft.type}`}
            formId="span-form"
            type={draftType}
            targets={targets}
            entities={entities}
            initial={draft.initial}
            isNew={draft.isNew}
            spanText={textOf(draft.start, draft.end)}
            selection={textSelection}
            textOf={(r) => textOf(r.start, r.end)}
            command={spanDraft.command}
            formRef={formRef}
            readOnly={readOnly}
            suggestedSpeaker={draft.suggestedSpeaker ?? null}
            onSave={(values) => {
              if (!spanDraft.save(values)) return;
              setSelectedId(null);
              setNotice(null);
            }}
            onCancel={cancel}
            onDelete={draft.isNew || readOnly ? null : deleteSelected}
            onCreateEntity={data.canCreateEntities ? createEntity : null}
          />
        ) : (
          <SentencePanel
            schema={schema}
            targets={targets}
            sentenceIndex={focusedRow?.index ?? null}
            rangeCount={last - first + 1}
            labels={focusedLabels}
            readOnly={readOnly}
            onChange={setSentenceLabel}
          />
        )}
        {selectedId && annotations.get(selectedId) && isSpan(annotations.get(selectedId)!) ? (
          <RelationPanel relations={relations} selectedId={selectedId} readOnly={readOnly} textOf={(id) => { const a = annotations.get(id); return a && isSpan(a) ? textOf(a.start, a.end) : null; }} />
        ) : null}
        {hideSuggestions ? null : (
          <SuggestionsPanel
            items={suggestions.items}
            active={activeSuggestion}
            readOnly={readOnly}
            textOf={textOf}
            onNext={() => suggestionActions.next(activeSuggestion)}
            onAccept={(s) => void suggestionActions.accept(s)}
            onReject={suggestionActions.reject}
            onAcceptAll={suggestionActions.acceptAllLike}
          />
        )}
        <AnnotationList
          spans={spans}
          schema={schema}
          targets={targets}
          entities={entities}
          selectedId={selectedId}
          textOf={textOf}
          onJump={(a) => {
            moveTo({ focus: rowOf(a.start), anchor: null });
            if (draft) say("Save or cancel the span you are editing first.");
            else openExisting(a);
          }}
        />
      </TextAndPanel>
      {help ? <ShortcutOverlay schema={schema} onClose={() => setHelp(false)} /> : null}
    </div>
  );
}
