"use client";
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { attributeFormSchema, spanType, toApiAttributes, toFormValues, type AttributeValues } from "@/lib/annotator/attribute-form";
import { keyAction, type KeyAction } from "@/lib/annotator/keymap";
import type { AnnotatorPageData } from "@/lib/annotator/load-annotator-page";
import type { AnnotationBody } from "@/lib/annotator/outbox";
import { trimRange } from "@/lib/annotator/selection-offsets";
import { cursorRange, cursorRows, moveCursor, remapCursor, type SentenceCursor } from "@/lib/annotator/sentence-cursor";
import { sentenceAt, spansBySentence } from "@/lib/annotator/span-index";
import { spanDepths } from "@/lib/annotator/span-pieces";
import { emptyHistory, record, redo, undo, type History } from "@/lib/annotator/undo-stack";
import { CodePointIndex } from "@/lib/text/code-points";
import { AnnotationList } from "./annotation-list";
import { AnnotatorText, type Mark, type Range, type Row } from "./annotator-text";
import { ConflictPanel } from "./conflict-panel";
import { bodyOf, isSpan, materialiseWith } from "./materialise";
import { SentencePanel } from "./sentence-panel";
import { ShortcutOverlay } from "./shortcut-overlay";
import { SpanForm, type SpanCommand } from "./span-form";
import { SuggestionsPanel } from "./suggestions-panel";
import { SyncStatusPill } from "./sync-status-pill";
import type { AnnotationDto, EntityDto, SuggestionDto } from "./types";
import { newId, useAnnotationSync } from "./use-annotation-sync";
import { useSuggestions } from "./use-suggestions";
import { KeyHint } from "./key-hint";
import { LayerPicker } from "./layer-picker";
import { useStoredFlag } from "./use-stored-flag";

type Draft = {
  id: string;
  type: string;
  start: number;
  end: number;
  isNew: boolean;
  initial: AttributeValues;
  origin?: string;
  suggestionId?: string;
  suggestedSpeaker?: string | null;
};

const SUBMITTED = "You submitted this document; it is read-only until a reviewer returns it.";

/** The annotator: text, keyboard, side panel, autosave through the outbox, suggestions. */
export function AnnotatorClient({ data, layer = "mine" }: { data: AnnotatorPageData; layer?: string }) {
  const { document: doc, schema, stanceTargets: targets } = data;
  const cp = useMemo(() => new CodePointIndex(doc.text), [doc.text]);
  const sentences: Row[] = useMemo(() => data.sentences.map(([index, start, end, b], pos) => ({ index, start, end, boilerplate: b === 1, pos })), [data.sentences]);
  const [entities, setEntities] = useState<EntityDto[]>(data.entities);
  const entityMap = useMemo(() => new Map(entities.map((e) => [e.id, e])), [entities]);
  const entityRef = useRef(entityMap);
  useEffect(() => {
    entityRef.current = entityMap;
  }, [entityMap]);
  const [getEntities] = useState(() => () => entityRef.current);
  const storageKey = layer === "mine" ? `${doc.id}:${data.assignment?.id ?? "read-only"}` : `${doc.id}:${layer}`;
  const [initialLayer] = useState(() => ({ items: data.annotations, renderId: data.renderId }));
  const { sync, annotations, list, status, conflicts, ready } = useAnnotationSync(doc.id, storageKey, getEntities, layer, initialLayer);
  const materialise = useMemo(() => materialiseWith(doc.id, getEntities), [doc.id, getEntities]);
  const suggestions = useSuggestions(doc.id);

  const layerLabel = data.layers.find((l) => l.value === layer)?.label ?? layer;
  const [readOnlyReason, setReadOnlyReason] = useState(layer === "mine" ? data.readOnlyReason : `You are viewing ${layerLabel}: it is read-only.`);
  const readOnly = readOnlyReason !== null;
  const [hideBoilerplate, setHideBoilerplate] = useStoredFlag("stancebench:collapse-boilerplate");
  const rows = useMemo(() => (hideBoilerplate ? sentences.filter((s) => !s.boilerplate) : sentences), [sentences, hideBoilerplate]);
  const [cursor, setCursor] = useState<SentenceCursor>({ focus: 0, anchor: null });
  const [scrollRequest, setScrollRequest] = useState({ row: 0, seq: 0 });
  const [textSelection, setTextSelection] = useState<Range | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [history, setHistory] = useState<History<AnnotationDto>>(emptyHistory);
  const [help, setHelp] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [command, setCommand] = useState<SpanCommand | null>(null);
  const [focusedSuggestion, setFocusedSuggestion] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const spans = useMemo(() => list.filter(isSpan), [list]);
  const marks: Mark[] = useMemo(() => spans.map((a) => ({ id: a.id, type: a.type, start: a.start, end: a.end })), [spans]);
  const spansByPos = useMemo(() => spansBySentence(sentences, marks), [sentences, marks]);
  const depths = useMemo(() => spanDepths(marks), [marks]);
  const labelsBySentence = useMemo(() => new Map(list.filter((a) => a.sentenceIndex !== null).map((a) => [a.sentenceIndex!, a])), [list]);
  const suggestionMarks: Mark[] = useMemo(() => suggestions.items.map((s) => ({ id: s.id, type: s.type, start: s.start, end: s.end })), [suggestions.items]);
  const selectedParts = useMemo(() => {
    const a = selectedId ? annotations.get(selectedId) : undefined;
    if (!a) return [];
    return Object.values(a.attributes).filter((v): v is Range => typeof v === "object" && v !== null && typeof (v as Range).start === "number" && typeof (v as Range).end === "number");
  }, [selectedId, annotations]);
  const colors = useMemo(() => Object.fromEntries(schema.spanTypes.map((t) => [t.name, t.color])), [schema]);
  const textOf = useCallback((start: number, end: number) => doc.text.slice(cp.toUtf16(start), cp.toUtf16(end)), [doc.text, cp]);
  const { first, last } = cursorRows(cursor);
  const focusedRow = rows[cursor.focus] ?? null;
  const activeSuggestion: SuggestionDto | null =
    suggestions.items.find((s) => s.id === focusedSuggestion) ??
    (focusedRow ? (suggestions.items.find((s) => s.start < focusedRow.end && s.end > focusedRow.start) ?? null) : null);

  const say = (text: string, ok = false) => setNotice({ ok, text });
  const moveTo = (next: SentenceCursor, scroll = true) => {
    setCursor(next);
    if (scroll) setScrollRequest((r) => ({ row: next.focus, seq: r.seq + 1 }));
  };
  const rowOf = (offset: number) => Math.max(0, sentenceAt(rows, offset));

  /** Writes one annotation's new state through the outbox (null = delete); `remember` adds it to undo. */
  const write = (id: string, body: AnnotationBody | null, remember = true) => {
    const current = annotations.get(id) ?? null;
    if (body === null) {
      if (!current) return;
      sync.change({ kind: "delete", id, baseVersion: current.version });
    } else if (current) sync.change({ kind: "update", id, body, baseVersion: current.version });
    else sync.change({ kind: "create", id, body });
    if (remember) setHistory((h) => record(h, { id, before: current, after: body ? materialise(id, body, current ?? undefined) : null }));
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

  const startSpan = (typeName: string) => {
    if (readOnly) return say(readOnlyReason ?? "Read-only.");
    const def = spanType(schema, typeName);
    if (!def) return;
    if (draft && !draft.isNew) return say("Save or cancel the span you are editing first.");
    if (draft) return setDraft({ ...draft, type: typeName, initial: toFormValues(def, {}, null) });
    const range = newSpanRange();
    if (!range) return say("Select some text (or move to a sentence) first.");
    setDraft({ id: newId(), type: typeName, ...range, isNew: true, initial: toFormValues(def, {}, null) });
    setSelectedId(null);
    setNotice(null);
    clearDomSelection();
  };

  const openExisting = (a: AnnotationDto & { start: number; end: number }) => {
    const def = spanType(schema, a.type);
    setSelectedId(a.id);
    if (!def) return say(`The type ${a.type} is no longer in the schema.`);
    setDraft({ id: a.id, type: a.type, start: a.start, end: a.end, isNew: false, initial: toFormValues(def, a.attributes, a.speaker?.id || null) });
  };

  const saveDraft = (values: AttributeValues) => {
    if (!draft || readOnly) return;
    const def = spanType(schema, draft.type)!;
    const body: AnnotationBody = { type: draft.type, start: draft.start, end: draft.end, attributes: toApiAttributes(def, values) };
    if (draft.isNew) body.origin = draft.origin ?? "manual";
    write(draft.id, body);
    if (draft.suggestionId) void suggestions.decide(draft.suggestionId, "accepted").then((e) => e && say(e));
    setDraft(null);
    setSelectedId(null);
    setCommand(null);
    setNotice(null);
  };

  const cancel = () => {
    if (draft) setDraft(null);
    else if (selectedId) setSelectedId(null);
    else {
      clearDomSelection();
      setCursor((c) => ({ ...c, anchor: null }));
    }
    setSelectedId(null);
    setCommand(null);
  };

  const deleteSelected = () => {
    if (readOnly) return;
    const id = draft ? (draft.isNew ? null : draft.id) : selectedId;
    if (!id) return say("Click a span (or use ] / [) to select it first.");
    write(id, null);
    setDraft(null);
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

  const applyState = (id: string, state: AnnotationDto | null) => write(id, state ? bodyOf(state) : null, false);
  const undoLast = () => {
    const step = undo(history);
    if (!step) return say("Nothing to undo.");
    applyState(step.entry.id, step.entry.before);
    setHistory(step.history);
    setDraft(null);
  };
  const redoLast = () => {
    const step = redo(history);
    if (!step) return say("Nothing to redo.");
    applyState(step.entry.id, step.entry.after);
    setHistory(step.history);
    setDraft(null);
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

  const acceptSuggestion = (s: SuggestionDto, quiet = false): boolean => {
    const def = spanType(schema, s.type);
    if (!def || readOnly) return false;
    const same = spans.find((a) => a.type === s.type && a.start === s.start && a.end === s.end);
    if (same) {
      // Already annotated (by hand, or an earlier accept): record the decision, add nothing.
      void suggestions.decide(s.id, "accepted").then((e) => e && say(e));
      if (!quiet) say(`This ${def.label.toLowerCase()} is already annotated; the suggestion is marked accepted.`, true);
      return true;
    }
    const attributes: Record<string, unknown> = { ...s.attributes };
    if (s.entityId) attributes.speaker = { id: s.entityId };
    const values = toFormValues(def, attributes, s.entityId);
    const origin = `suggestion:${s.rule}`;
    if (attributeFormSchema(def, targets).safeParse(values).success) {
      write(newId(), { type: s.type, start: s.start, end: s.end, attributes: toApiAttributes(def, values), origin });
      void suggestions.decide(s.id, "accepted").then((e) => e && say(e));
      return true;
    }
    if (!quiet) {
      // Missing attributes (e.g. an unknown speaker): finish it in the form.
      setDraft({ id: newId(), type: s.type, start: s.start, end: s.end, isNew: true, initial: values, origin, suggestionId: s.id, suggestedSpeaker: s.speakerName });
      moveTo({ focus: rowOf(s.start), anchor: null });
    }
    return false;
  };

  const acceptAllLike = (s: SuggestionDto) => {
    const same = suggestions.items.filter((o) => o.rule === s.rule);
    const accepted = same.filter((o) => acceptSuggestion(o, true)).length;
    say(accepted === same.length ? `Accepted ${accepted} suggestions.` : `Accepted ${accepted}; ${same.length - accepted} need attributes — accept them one by one.`, accepted === same.length);
  };

  const nextSuggestion = () => {
    if (suggestions.items.length === 0) return say("No pending suggestions.");
    const from = activeSuggestion ? activeSuggestion.start + 1 : (focusedRow?.start ?? 0);
    const next = suggestions.items.find((s) => s.start >= from) ?? suggestions.items[0]!;
    setFocusedSuggestion(next.id);
    moveTo({ focus: rowOf(next.start), anchor: null });
  };

  const setSpanAttribute = (attr: string) => {
    if (!draft) return say("Start or open a quote first.");
    if (!textSelection) return say("Select the words in the text first.");
    setCommand((c) => ({ attr, range: textSelection, seq: (c?.seq ?? 0) + 1 }));
  };

  const toggleBoilerplate = () => {
    const next = !hideBoilerplate;
    const nextRows = next ? sentences.filter((s) => !s.boilerplate) : sentences;
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
        return activeSuggestion ? void acceptSuggestion(activeSuggestion) : say("No suggestion here: press s for the next one.");
      case "rejectSuggestion":
        return activeSuggestion ? void suggestions.decide(activeSuggestion.id, "rejected").then((e) => e && say(e)) : say("No suggestion here.");
      case "nextSuggestion":
        return nextSuggestion();
      case "setCue":
        return setSpanAttribute("cue");
      case "setMention":
        return setSpanAttribute("speakerMention");
      case "toggleBoilerplate":
        return toggleBoilerplate();
      case "help":
        return setHelp((h) => !h);
    }
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    const action = keyAction(event, schema);
    if (!action) return;
    if (help && action.kind !== "help" && action.kind !== "cancel") return;
    if (help && action.kind === "cancel") return setHelp(false);
    const target = event.target instanceof HTMLElement ? event.target : null;
    const editable = target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    if (editable) {
      if (action.kind === "cancel") {
        event.preventDefault();
        target.blur();
        cancel();
      } else if (action.kind === "save" && draft && formRef.current?.contains(target) && target.tagName !== "TEXTAREA" && !target.dataset.enter) {
        event.preventDefault();
        formRef.current.requestSubmit();
      }
      return;
    }
    if (target?.tagName === "BUTTON" && (action.kind === "save" || event.key === " ")) return;
    event.preventDefault();
    run(action);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  const onPieceClick = (row: number, ids: string[], sids: string[]) => {
    moveTo({ focus: row, anchor: null }, false);
    if (draft) return;
    if (ids.length) {
      // Innermost first; clicking again walks outwards through the nested spans.
      const order = [...ids].reverse();
      const at = selectedId ? order.indexOf(selectedId) : -1;
      const a = annotations.get(order[(at + 1) % order.length]!);
      if (a && isSpan(a)) openExisting(a);
    } else if (sids.length) {
      setFocusedSuggestion(sids[0]!);
      setSelectedId(null);
    } else setSelectedId(null);
  };

  const onTextSelected = (range: Range | null) => {
    const trimmed = range ? trimRange(Array.from(textOf(range.start, range.end)), range.start, range) : null;
    setTextSelection(trimmed);
    // The keyboard follows the mouse: y/n and the side panel then act on the selected sentence.
    if (trimmed) moveTo({ focus: rowOf(trimmed.start), anchor: null }, false);
  };

  const createEntity = async (name: string, type: string): Promise<EntityDto | string> => {
    try {
      const res = await fetch(`/api/v1/projects/${doc.projectId}/entities`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, type }),
      });
      const body = (await res.json().catch(() => null)) as (EntityDto & { entity?: EntityDto; error?: { message?: string } }) | null;
      if (!res.ok || !body) return body?.error?.message ?? "The speaker could not be created.";
      const created = body.entity ?? body;
      const entity: EntityDto = { id: created.id, name: created.name, aliases: created.aliases ?? [], type: String(created.type).toLowerCase() };
      setEntities((all) => [...all.filter((e) => e.id !== entity.id), entity].sort((a, b) => a.name.localeCompare(b.name)));
      return entity;
    } catch {
      return "You are offline: speakers can only be created online.";
    }
  };

  const submit = async () => {
    if (!data.assignment) return;
    if (status.pending > 0 || conflicts.length > 0) return say("Wait until every change is saved (and conflicts are resolved) before submitting.");
    setSubmitting(true);
    try {
      const res = await fetch(`/api/v1/assignments/${data.assignment.id}/submit`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (res.ok) {
        setReadOnlyReason(SUBMITTED);
        setDraft(null);
        say("Submitted. Thank you!", true);
      } else if (res.status === 404) say("This assignment could not be found — it may have been removed. Reload the page.");
      else if (res.status === 409) say(body?.error?.message ?? "This assignment cannot be submitted in its current state.");
      else say(body?.error?.message ?? "Submitting failed; try again.");
    } catch {
      say("You are offline: submit again when the connection is back.");
    } finally {
      setSubmitting(false);
    }
  };

  const draftType = draft ? spanType(schema, draft.type) : undefined;
  const focusedLabels = focusedRow ? (labelsBySentence.get(focusedRow.index)?.attributes ?? {}) : {};
  const boilerplateCount = sentences.length - sentences.filter((s) => !s.boilerplate).length;

  return (
    <div data-testid="annotator" data-ready={ready ? "true" : "false"} data-readonly={readOnly ? "true" : "false"}>
      <div className="row" style={{ marginBottom: "0.5rem" }}>
        <h2 style={{ margin: 0 }} data-testid="document-title">{doc.title}</h2>
        <span className="spacer" />
        {data.layers.length > 1 ? <LayerPicker layers={data.layers} value={layer} /> : null}
        <SyncStatusPill status={status} />
        {data.assignment && !readOnly ? (
          <button type="button" onClick={() => void submit()} disabled={submitting} data-testid="submit-assignment">Submit</button>
        ) : null}
        <button type="button" className="secondary" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">?</button>
      </div>
      {readOnlyReason ? <p className="panel small" data-testid="read-only" role="note">{readOnlyReason}</p> : null}
      <div className="row" style={{ marginBottom: "0.5rem" }}>
        {schema.spanTypes.filter((t) => !t.retired).map((t) => (
          <button key={t.name} type="button" className="secondary" disabled={readOnly} onClick={() => startSpan(t.name)} style={{ borderColor: t.color, color: t.color }}>
            {t.label} (<KeyHint k={t.hotkey} />)
          </button>
        ))}
        <span className="spacer" />
        <label className="checkbox small">
          <input type="checkbox" checked={hideBoilerplate} onChange={toggleBoilerplate} data-testid="hide-boilerplate" /> Collapse boilerplate ({boilerplateCount}) <kbd>b</kbd>
        </label>
        <button type="button" className="link small" disabled={history.past.length === 0} onClick={undoLast}>Undo</button>
        <button type="button" className="link small" disabled={history.future.length === 0} onClick={redoLast}>Redo</button>
      </div>
      {notice ? <p className={notice.ok ? "form-ok" : "form-error"} role="status" data-testid="annotator-notice">{notice.text}</p> : null}
      <ConflictPanel conflicts={conflicts} textOf={textOf} speakerName={(id) => entityMap.get(id)?.name ?? null} onResolve={(c, mine) => sync.resolveConflict(c, mine)} />
      <div className="grid-2" style={{ gridTemplateColumns: "minmax(0, 3fr) minmax(300px, 2fr)", alignItems: "start" }}>
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
        <aside className="panel" data-testid="side-panel" style={{ maxHeight: "72vh", overflow: "auto" }}>
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
              command={command}
              formRef={formRef}
              readOnly={readOnly}
              suggestedSpeaker={draft.suggestedSpeaker ?? null}
              onSave={saveDraft}
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
          <SuggestionsPanel
            items={suggestions.items}
            active={activeSuggestion}
            readOnly={readOnly}
            textOf={textOf}
            onNext={nextSuggestion}
            onAccept={(s) => void acceptSuggestion(s)}
            onReject={(s) => void suggestions.decide(s.id, "rejected").then((e) => e && say(e))}
            onAcceptAll={acceptAllLike}
          />
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
        </aside>
      </div>
      {help ? <ShortcutOverlay schema={schema} onClose={() => setHelp(false)} /> : null}
    </div>
  );
}
