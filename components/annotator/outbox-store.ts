"use client";
import { openDB, type IDBPDatabase } from "idb";
import type { OutboxOp } from "@/lib/annotator/outbox";
import type { AnnotationDto } from "./types";

// IndexedDB keeps the outbox and the last server snapshot, so changes made offline survive a
// reload and are sent once the connection returns. They are two records: the page reads the
// outbox before it is ready, while the snapshot (the whole layer, only needed offline) is read
// only when the server cannot be reached; deserialising it on every open cost the page its
// largest main-thread task after the text arrived.
export type Stored = { queue: OutboxOp[] };

/** Where a layer's outbox lives: the caller's own layer per assignment, a read-only layer per name. */
export function outboxKey(documentId: string, assignmentId: string | null, layer: string): string {
  return layer === "mine" ? `${documentId}:${assignmentId ?? "read-only"}` : `${documentId}:${layer}`;
}

const snapshotKey = (key: string) => `${key}:snapshot`;

let dbPromise: Promise<IDBPDatabase> | null = null;
const db = () => (dbPromise ??= openDB("stancebench-annotator", 1, { upgrade: (d) => void d.createObjectStore("documents") }));

/** A record written before the split also carries `snapshot`: it is still read (once). */
type Legacy = Stored & { snapshot?: AnnotationDto[] | null };

export async function loadStored(key: string): Promise<Stored> {
  try {
    const value = (await (await db()).get("documents", key)) as Legacy | undefined;
    return { queue: value?.queue ?? [] };
  } catch {
    return { queue: [] };
  }
}

/** The layer as the server last sent it (for working offline), or null if none was kept. */
export async function loadSnapshot(key: string): Promise<AnnotationDto[] | null> {
  try {
    const d = await db();
    const snapshot = (await d.get("documents", snapshotKey(key))) as AnnotationDto[] | undefined;
    return snapshot ?? ((await d.get("documents", key)) as Legacy | undefined)?.snapshot ?? null;
  } catch {
    return null;
  }
}

export async function saveStored(key: string, value: Stored & { snapshot: AnnotationDto[] }): Promise<void> {
  try {
    const tx = (await db()).transaction("documents", "readwrite");
    await Promise.all([tx.store.put({ queue: value.queue }, key), tx.store.put(value.snapshot, snapshotKey(key)), tx.done]);
  } catch {
    // Private windows may refuse IndexedDB; the page still works online.
  }
}
