"use client";
import { useCallback, useEffect, useEffectEvent, useMemo, useState } from "react";
import { messageOf } from "@/lib/api-client/api-error";
import { annotatorApi } from "@/lib/api-client/annotator-endpoints";
import { activeRelationTypes } from "@/lib/relations/relation-types";
import type { LabelSchema } from "@/lib/schema/label-schema";
import type { RelationDto } from "@/lib/validation/relations";
import { afterIdle } from "./after-idle";

type SpanRef = { id: string; start: number; end: number; pending?: boolean };

type Options = {
  documentId: string;
  layer: string;
  schema: LabelSchema;
  readOnlyReason: string | null;
  /** The layer's spans in text order (the pick list for the other end). */
  spans: SpanRef[];
  selectedId: string | null;
  say: (text: string, ok?: boolean) => void;
};

/** The state of linking: the span the relation starts at, and the other end picked so far. */
export type Linking = { fromId: string; toId: string | null };

/** A call's result, or the message to show instead (the API's, or the call's own fallback). */
async function attempt<T>(call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, message: messageOf(error, "The relation could not be saved.") };
  }
}

// Where a key types text. A select or checkbox of the open span form is not: the form takes the
// focus when a span opens, and `r` must still start a link from there.
const TEXT_INPUTS = new Set(["text", "search", "email", "url", "number", "password", "tel"]);
const typesText = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || t.tagName === "TEXTAREA" || (t instanceof HTMLInputElement && TEXT_INPUTS.has(t.type)));

/**
 * The relations of the layer shown in the annotator, saved straight to the API (each save
 * confirmed in the notice line), and the keyboard for linking: `r` on a selected span, then
 * ] / [ (or a click) for the other end and a digit for the type; Esc cancels. While linking,
 * these keys are taken before the annotator's own keymap sees them.
 */
export function useRelations(o: Options) {
  const [items, setItems] = useState<RelationDto[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [linking, setLinking] = useState<Linking | null>(null);
  const types = useMemo(() => activeRelationTypes(o.schema), [o.schema]);
  const spanIds = useMemo(() => new Set(o.spans.map((s) => s.id)), [o.spans]);
  // A deleted span's relations are gone on the server too (deleted with it).
  const visible = useMemo(() => items.filter((r) => spanIds.has(r.fromId) && spanIds.has(r.toId)), [items, spanIds]);

  useEffect(() => {
    let live = true;
    // Relations show only once a span is selected: they load after the page is up.
    const cancel = afterIdle(() => {
      void attempt(() => annotatorApi.listRelations(o.documentId, o.layer)).then((r) => {
        if (!live) return;
        if (r.ok) setItems(r.value.items);
        else o.say(r.message);
        setLoaded(true);
      });
    });
    return () => {
      live = false;
      cancel();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per document and layer
  }, [o.documentId, o.layer]);

  const start = (fromId: string | null) => {
    if (o.readOnlyReason) return o.say(o.readOnlyReason);
    if (!fromId) return o.say("Select a span first (click it, or ] / [), then press r to link it.");
    setLinking({ fromId, toId: null });
    o.say(`Linking: pick the other span with ] / [ or a click, then press 1–${types.length} for the type (Esc cancels).`, true);
  };

  const pick = (toId: string) => setLinking((l) => (l && toId !== l.fromId ? { ...l, toId } : l));

  const cycle = (delta: number) => {
    if (!linking) return;
    const others = o.spans.filter((s) => s.id !== linking.fromId);
    if (others.length === 0) return o.say("There is no other span to link to.");
    const at = linking.toId ? others.findIndex((s) => s.id === linking.toId) : delta > 0 ? -1 : 0;
    pick(others[(at + delta + others.length) % others.length]!.id);
  };

  const create = useCallback(
    async (typeName: string) => {
      if (!linking) return;
      if (!linking.toId) return o.say("Pick the other span first: ] / [ or a click.");
      const pending = o.spans.find((s) => (s.id === linking.fromId || s.id === linking.toId) && s.pending);
      if (pending) return o.say("Wait until both spans are saved, then link them.");
      const body = { id: crypto.randomUUID(), type: typeName, fromId: linking.fromId, toId: linking.toId };
      setLinking(null);
      const r = await attempt(() => annotatorApi.createRelation(o.documentId, body));
      if (!r.ok) return o.say(r.message);
      const saved = r.value;
      setItems((all) => [...all.filter((x) => x.id !== saved.id), saved]);
      o.say(`Relation saved: ${typeName}.`, true);
    },
    [linking, o],
  );

  // Relations a deleted span took with it, waiting until an undo has saved the span again.
  const [lost, setLost] = useState<RelationDto[]>([]);
  const restore = (relations: RelationDto[]) => {
    if (relations.length) setLost((all) => [...all, ...relations]);
  };
  const recreate = useEffectEvent(async (relation: RelationDto) => {
    // A fresh id: the deleted relation's id stays in the audit log.
    const body = { id: crypto.randomUUID(), type: relation.type, fromId: relation.fromId, toId: relation.toId };
    const r = await attempt(() => annotatorApi.createRelation(o.documentId, body));
    if (!r.ok) return o.say(r.message);
    const saved = r.value;
    // Drops the deleted relation too (and one an earlier undo restored, deleted again by a redo).
    const same = (x: RelationDto) => x.type === saved.type && x.fromId === saved.fromId && x.toId === saved.toId;
    setItems((all) => [...all.filter((x) => !same(x) && x.id !== saved.id), saved]);
    o.say(`Relation restored: ${relation.type}.`, true);
  });
  useEffect(() => {
    const saved = new Set(o.spans.filter((s) => !s.pending).map((s) => s.id));
    const ready = lost.filter((r) => saved.has(r.fromId) && saved.has(r.toId));
    if (ready.length === 0) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- takes them off the waiting list before the calls
    setLost((all) => all.filter((r) => !ready.includes(r)));
    for (const relation of ready) void recreate(relation);
  }, [lost, o.spans]);

  const remove = async (relation: RelationDto) => {
    if (o.readOnlyReason) return o.say(o.readOnlyReason);
    const r = await attempt(() => annotatorApi.deleteRelation(relation.id, relation.version));
    if (!r.ok) return o.say(r.message);
    setItems((all) => all.filter((x) => x.id !== relation.id));
    o.say("Relation deleted.", true);
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey || typesText(event.target)) return;
    const take = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    if (!linking) {
      // `r` on a selected span starts a link (a span type's own hotkey r keeps working without a selection).
      if (event.key === "r" && o.selectedId) {
        take();
        start(o.selectedId);
      }
      return;
    }
    if (event.key === "Escape") {
      take();
      setLinking(null);
      o.say("Linking cancelled.", true);
    } else if (event.key === "]" || event.key === "[") {
      take();
      cycle(event.key === "]" ? 1 : -1);
    } else if (/^[1-9]$/.test(event.key)) {
      take();
      const type = types[Number(event.key) - 1];
      if (type) void create(type.name);
      else o.say(`There are ${types.length} relation types: press 1–${types.length}.`);
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    // Capture phase: the annotator's keymap (a bubbling listener) must not also act on these keys.
    window.addEventListener("keydown", listener, true);
    return () => window.removeEventListener("keydown", listener, true);
  }, []);

  /** The relations that start or end at span `id` (deleted with it on the server). */
  const linkedTo = (id: string) => visible.filter((r) => r.fromId === id || r.toId === id);

  return { items: visible, loaded, linking, types, start, pick, create, remove, restore, linkedTo, cancel: () => setLinking(null) };
}

export type RelationsState = ReturnType<typeof useRelations>;
