"use client";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { materialiseWith } from "./materialise";
import type { Stored } from "./outbox-store";
import { AnnotationSync, type Conflict, type SyncStatus } from "./sync-engine";
import type { AnnotationDto, EntityDto } from "./types";

type Snapshot = { view: Map<string, AnnotationDto>; status: SyncStatus; conflicts: Conflict[]; ready: boolean };

/**
 * One AnnotationSync per page: loads the layer (server + IndexedDB outbox), re-renders on every
 * change, and flushes when the connection comes back. `entities` is read lazily so speakers
 * created during the session show up in queued annotations. With the page's layer (`initial`)
 * and the outbox already read (`stored`), the first render is the ready one.
 */
export function useAnnotationSync(
  documentId: string,
  storageKey: string,
  entities: () => ReadonlyMap<string, EntityDto>,
  layer = "mine",
  initial?: { items: AnnotationDto[]; renderId: string },
  stored?: Stored,
) {
  const [sync] = useState(() => {
    const created = new AnnotationSync(documentId, storageKey, materialiseWith(documentId, entities), layer);
    if (initial && stored) created.adopt(initial, stored);
    return created;
  });
  const [store] = useState(() => {
    let snapshot: Snapshot = { view: sync.loaded ? sync.view() : new Map(), status: sync.status, conflicts: [], ready: sync.loaded };
    return {
      subscribe: (listener: () => void) =>
        sync.subscribe(() => {
          snapshot = { view: sync.view(), status: sync.status, conflicts: sync.conflicts, ready: sync.loaded };
          listener();
        }),
      get: () => snapshot,
    };
  });
  // Only the first load uses the server render's layer.
  const [initialRef] = useState(() => ({ current: initial }));
  const snapshot = useSyncExternalStore(store.subscribe, store.get, store.get);
  useEffect(() => {
    const stop = sync.listenForOnline();
    if (sync.loaded) sync.start();
    else void sync.load(initialRef.current);
    return stop;
  }, [sync, initialRef]);
  const annotations = snapshot.view;
  const list = useMemo(() => [...annotations.values()], [annotations]);
  return { sync, annotations, list, status: snapshot.status, conflicts: snapshot.conflicts, ready: snapshot.ready };
}

/** A v4 UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newId(): string {
  if (typeof crypto.randomUUID === "function" && globalThis.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
