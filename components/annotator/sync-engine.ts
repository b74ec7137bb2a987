"use client";
import { applyOutbox, enqueue, rebase, type AnnotationBody, type OutboxOp } from "@/lib/annotator/outbox";
import { apiErrorOf } from "@/lib/api-client/api-error";
import { loadSnapshot, loadStored, saveStored, type Stored } from "./outbox-store";
import type { AnnotationDto } from "./types";

export type SyncStatus = { state: "saved" | "saving" | "offline" | "error"; pending: number; message?: string };
/** `stale`: someone changed it first (409); otherwise the server refused the change outright. */
export type Conflict = { op: OutboxOp; current: AnnotationDto | null; message: string; stale: boolean };

class NetworkError extends Error {}

const USED_RENDERS = "stancebench:used-renders";

/** True the first time a server render's id is seen in this tab. */
function firstUse(renderId: string): boolean {
  try {
    const used = JSON.parse(sessionStorage.getItem(USED_RENDERS) ?? "[]") as string[];
    if (used.includes(renderId)) return false;
    sessionStorage.setItem(USED_RENDERS, JSON.stringify([...used.slice(-49), renderId]));
    return true;
  } catch {
    // No sessionStorage (privacy settings): always ask the server.
    return false;
  }
}

/**
 * Keeps the annotator's layer in sync with the server: every change goes to the outbox
 * (IndexedDB) first, then is sent in order; network failures leave it queued (offline), a stale
 * version becomes a conflict the user resolves — nothing is overwritten silently.
 */
export class AnnotationSync {
  private server = new Map<string, AnnotationDto>();
  private queue: OutboxOp[] = [];
  private inFlight: OutboxOp | null = null;
  /** Per annotation, the versions our own accepted writes moved it between (see `ownBase`). */
  private ownVersions = new Map<string, Map<number, number>>();
  private flushing: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  loaded = false;
  conflicts: Conflict[] = [];
  status: SyncStatus = { state: "saved", pending: 0 };
  private listeners = new Set<() => void>();

  constructor(
    private readonly documentId: string,
    private readonly storageKey: string,
    private readonly materialise: (id: string, body: AnnotationBody, previous: AnnotationDto | undefined) => AnnotationDto,
    /** "mine" (writable) or, read-only, "gold" / "user:{id}". */
    private readonly layer = "mine",
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit() {
    const pending = this.queue.length + (this.inFlight ? 1 : 0);
    if (this.status.state !== "error") this.status = { ...this.status, pending };
    for (const l of this.listeners) l();
  }

  view(): Map<string, AnnotationDto> {
    const queued = this.inFlight ? [this.inFlight, ...this.queue] : this.queue;
    const view = applyOutbox(this.server, queued, this.materialise);
    for (const op of queued) {
      const a = view.get(op.id);
      if (a) view.set(op.id, { ...a, pending: true });
    }
    return view;
  }

  serverVersion(id: string): number {
    return this.server.get(id)?.version ?? 0;
  }

  /**
   * Applies what the page already has in hand — the layer its server render carried and the
   * outbox read from IndexedDB while the text loaded — so the annotator's first render is the
   * ready one. False when this render was already used once (a page replayed from the router
   * cache on Back may be stale): then `load` asks the server. `start` sends the outbox after.
   */
  adopt(initial: { items: AnnotationDto[]; renderId: string }, stored: Stored): boolean {
    if (!firstUse(initial.renderId)) return false;
    this.queue = stored.queue;
    this.server = new Map(initial.items.map((a) => [a.id, a]));
    this.status = { state: "saved", pending: this.queue.length };
    this.loaded = true;
    return true;
  }

  /**
   * Reads the outbox (IndexedDB; `stored` when the page has started reading it already) and the
   * server's layer at the same time. `initial` is the layer as the page's server render carried
   * it: used instead of a request unless this render was already used once.
   */
  async load(initial?: { items: AnnotationDto[]; renderId: string }, stored?: Promise<Stored>): Promise<void> {
    const fresh = initial && firstUse(initial.renderId);
    const [outbox, fetched] = await Promise.all([stored ?? loadStored(this.storageKey), fresh ? { kind: "ok" as const, items: initial.items } : this.fetchLayer()]);
    this.queue = outbox.queue;
    if (fetched.kind === "ok") {
      this.server = new Map(fetched.items.map((a) => [a.id, a]));
    } else if (fetched.kind === "refused") {
      // Not allowed to read this layer (or no such document): nothing to show, nothing to send.
      this.server = new Map();
      this.status = { state: "error", pending: this.queue.length, message: fetched.message };
    } else {
      // Offline (or the server is down): work from the last snapshot; the outbox waits.
      this.server = new Map(((await loadSnapshot(this.storageKey)) ?? []).map((a) => [a.id, a]));
      this.status = { state: "offline", pending: this.queue.length };
      this.scheduleRetry();
    }
    this.loaded = true;
    this.emit();
    this.start(fetched.kind === "ok");
  }

  /** Once loaded: keeps the offline snapshot and sends what the outbox holds. */
  start(snapshot = true): void {
    // The offline snapshot is written once the page is ready, not before: writing a big layer to
    // IndexedDB held up the first interaction for nothing (the layer is already on screen).
    if (snapshot) void this.persist().catch(() => undefined);
    if (this.status.state !== "error") void this.flush();
  }

  private async fetchLayer(): Promise<{ kind: "ok"; items: AnnotationDto[] } | { kind: "refused"; message: string } | { kind: "offline" }> {
    try {
      const res = await fetch(`/api/v1/documents/${this.documentId}/annotations?layer=${encodeURIComponent(this.layer)}`, { cache: "no-store" });
      if (res.status >= 500) return { kind: "offline" };
      if (!res.ok) return { kind: "refused", message: await errorMessage(res, "Your annotations could not be loaded.") };
      const body = (await res.json()) as { items?: AnnotationDto[]; annotations?: AnnotationDto[] };
      return { kind: "ok", items: body.items ?? body.annotations ?? [] };
    } catch {
      return { kind: "offline" };
    }
  }

  /** Sends the outbox as soon as the browser reports the connection is back. */
  listenForOnline(): () => void {
    const onOnline = () => void this.flush();
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("online", onOnline);
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = null;
    };
  }

  change(op: OutboxOp) {
    if (op.kind !== "create") op = { ...op, baseVersion: this.ownBase(op.id, op.baseVersion) };
    this.queue = enqueue(this.queue, op, this.inFlight?.id);
    void this.persist();
    this.emit();
    void this.flush();
  }

  /**
   * The page builds an op from the view it last rendered, which may predate the server's answer to
   * our own previous write (a key pressed right after a create was saved still sees version 0).
   * Versions that only our own accepted writes produced are followed forward; a version someone
   * else wrote has no entry here, so their change still surfaces as a conflict.
   */
  private ownBase(id: string, version: number): number {
    const moves = this.ownVersions.get(id);
    let base = version;
    for (let next = moves?.get(base); next !== undefined && next > base; next = moves!.get(base)) base = next;
    return base;
  }

  /** Remembers that our op on `from` was accepted as `to` (every accepted write adds exactly one). */
  private ownWrite(op: OutboxOp, saved: AnnotationDto | null) {
    if (op.kind === "delete") return void this.ownVersions.delete(op.id);
    const from = op.kind === "create" ? 0 : op.baseVersion;
    if (!saved || saved.version !== from + 1) return; // e.g. a retried create someone edited since
    if (op.kind === "create") this.ownVersions.delete(op.id); // a new row: older versions were another row's
    const moves = this.ownVersions.get(op.id) ?? new Map<number, number>();
    this.ownVersions.set(op.id, moves.set(from, saved.version));
  }

  /** Re-apply the user's edit on top of the server's current state, or keep the server's. */
  resolveConflict(conflict: Conflict, keepMine: boolean) {
    this.conflicts = this.conflicts.filter((c) => c !== conflict);
    if (conflict.current) this.server.set(conflict.current.id, conflict.current);
    else this.server.delete(conflict.op.id);
    const op = conflict.op;
    if (!keepMine) {
      this.emit();
      void this.persist();
      return;
    }
    if (!conflict.stale || op.kind === "create") this.change(op);
    else if (conflict.current) this.change({ ...op, baseVersion: conflict.current.version });
    // Theirs deleted it: my edit comes back as a new annotation with the same id; my delete is done.
    else if (op.kind === "update") this.change({ kind: "create", id: op.id, body: op.body });
    else this.emit();
  }

  private async persist() {
    const queued = this.inFlight ? [this.inFlight, ...this.queue] : this.queue;
    await saveStored(this.storageKey, { queue: queued, snapshot: [...this.server.values()] });
  }

  /** Sends the queue in order; concurrent callers share the running flush. */
  flush(): Promise<void> {
    this.flushing ??= this.runFlush().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async runFlush(): Promise<void> {
    let reached = false;
    let sent = false;
    try {
      while (this.queue.length > 0) {
        sent = true;
        const op = this.queue[0]!;
        this.queue = this.queue.slice(1);
        this.inFlight = op;
        // While offline, a retry keeps saying "offline" until the server answers.
        this.status = { state: reached || this.status.state !== "offline" ? "saving" : "offline", pending: this.queue.length + 1 };
        this.emit();
        try {
          const saved = await this.send(op);
          reached = true;
          this.ownWrite(op, saved);
          if (op.kind === "delete") this.server.delete(op.id);
          else if (saved) {
            this.server.set(saved.id, saved);
            this.queue = rebase(this.queue, saved.id, saved.version);
          }
          // Show the saved version at once: the outbox write below takes a moment.
          this.inFlight = null;
          this.emit();
        } catch (error) {
          if (error instanceof NetworkError) {
            this.queue = [op, ...this.queue];
            this.inFlight = null;
            this.status = { state: "offline", pending: this.queue.length };
            await this.persist();
            this.emit();
            this.scheduleRetry();
            return;
          }
          reached = true;
          const conflict = error as Conflict;
          if (conflict.op) {
            // Show the server's current state at once; the user's edit waits in the conflict.
            if (conflict.stale && conflict.current) this.server.set(conflict.current.id, conflict.current);
            else if (conflict.stale) this.server.delete(conflict.op.id);
            this.conflicts = [...this.conflicts, conflict];
          }
        }
        this.inFlight = null;
        await this.persist();
      }
      // Nothing sent and already "saved": no new snapshot, so the page does not render again for nothing.
      const changed = sent || this.status.state !== "saved" || this.status.pending !== 0;
      this.status = { state: "saved", pending: 0 };
      if (changed) this.emit();
    } finally {
      this.inFlight = null;
    }
  }

  private scheduleRetry() {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, 3000);
  }

  private async send(op: OutboxOp): Promise<AnnotationDto | null> {
    let res: Response;
    try {
      if (op.kind === "create") {
        res = await fetch(`/api/v1/documents/${this.documentId}/annotations`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ id: op.id, ...op.body }),
        });
      } else if (op.kind === "update") {
        res = await fetch(`/api/v1/annotations/${op.id}`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...patchBody(op.body), version: op.baseVersion }),
        });
      } else {
        res = await fetch(`/api/v1/annotations/${op.id}?version=${op.baseVersion}`, {
          method: "DELETE",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ version: op.baseVersion }),
        });
      }
    } catch {
      throw new NetworkError("offline");
    }
    if (res.status >= 500 || res.status === 0 || res.status === 429) throw new NetworkError(`HTTP ${res.status}`);
    if (res.status === 204) return null;
    const body = (await res.json().catch(() => null)) as unknown;
    if (res.ok) {
      const saved = body as (AnnotationDto & { annotation?: AnnotationDto }) | null;
      return saved?.annotation ?? (saved as AnnotationDto);
    }
    // The one parser of /api/v1 error bodies (lib/api-client); `current` is the server's copy.
    const error = apiErrorOf(res.status, body, `The server refused the change (HTTP ${res.status}).`);
    const { message } = error;
    const current = (error.details.current ?? null) as AnnotationDto | null;
    if (res.status === 409 && error.code === "stale_version") throw { op, current, message, stale: true } satisfies Conflict;
    // Sentence labels created meanwhile elsewhere (another tab): my labels become an edit of theirs.
    if (op.kind === "create" && res.status === 409 && error.code === "conflict" && current && current.id !== op.id) {
      throw { op: { kind: "update", id: current.id, body: op.body, baseVersion: current.version }, current, message, stale: true } satisfies Conflict;
    }
    // A retried create that the server already stored: take its copy, nothing was lost.
    if (op.kind === "create" && res.status === 409 && error.code === "duplicate" && current) return current;
    // Any other refusal (validation, permission, read-only layer): the change cannot be saved as is.
    throw { op, current: op.kind === "create" ? null : (this.server.get(op.id) ?? null), message, stale: false } satisfies Conflict;
  }
}

async function errorMessage(res: Response, fallback: string): Promise<string> {
  return apiErrorOf(res.status, await res.json().catch(() => null), fallback).message;
}

/** PATCH takes only what can change: a span's offsets and attributes, or a sentence's labels. */
function patchBody(body: AnnotationBody): AnnotationBody {
  if (typeof body.sentenceIndex === "number") return { labels: body.labels };
  return { start: body.start, end: body.end, ...("gaps" in body ? { gaps: body.gaps } : {}), attributes: body.attributes };
}
