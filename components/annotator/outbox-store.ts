"use client";
import { openDB, type IDBPDatabase } from "idb";
import type { OutboxOp } from "@/lib/annotator/outbox";
import type { AnnotationDto } from "./types";

// IndexedDB keeps the outbox and the last server snapshot, so changes made offline survive a
// reload and are sent once the connection returns.
export type Stored = { queue: OutboxOp[]; snapshot: AnnotationDto[] | null };

/** Where a layer's outbox lives: the caller's own layer per assignment, a read-only layer per name. */
export function outboxKey(documentId: string, assignmentId: string | null, layer: string): string {
  return layer === "mine" ? `${documentId}:${assignmentId ?? "read-only"}` : `${documentId}:${layer}`;
}

let dbPromise: Promise<IDBPDatabase> | null = null;
const db = () => (dbPromise ??= openDB("stancebench-annotator", 1, { upgrade: (d) => void d.createObjectStore("documents") }));

export async function loadStored(key: string): Promise<Stored> {
  try {
    return ((await (await db()).get("documents", key)) as Stored | undefined) ?? { queue: [], snapshot: null };
  } catch {
    return { queue: [], snapshot: null };
  }
}

export async function saveStored(key: string, value: Stored): Promise<void> {
  try {
    await (await db()).put("documents", value, key);
  } catch {
    // Private windows may refuse IndexedDB; the page still works online.
  }
}
