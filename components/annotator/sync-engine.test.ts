import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AnnotationDto } from "./types";

// The outbox store is IndexedDB in the browser; here an in-memory map stands in for it.
const stored = new Map<string, unknown>();
vi.mock("./outbox-store", () => ({
  loadStored: async (key: string) => stored.get(key) ?? { queue: [], snapshot: null },
  loadSnapshot: async (key: string) => (stored.get(key) as { snapshot?: unknown } | undefined)?.snapshot ?? null,
  saveStored: async (key: string, value: unknown) => void stored.set(key, structuredClone(value)),
}));

const { AnnotationSync } = await import("./sync-engine");
const { materialiseWith } = await import("./materialise");

type Call = { method: string; url: string; body: Record<string, unknown> | null };

function dto(id: string, version: number, attributes: Record<string, unknown> = { checkworthy: "yes" }): AnnotationDto {
  return { id, documentId: "doc", layer: "annotator", authorId: "u", type: "CLAIM", start: 0, end: 4, sentenceIndex: null, attributes, speaker: null, version };
}

/** A fake server: annotations by id with versions; `online` toggles network failures. */
function fakeServer(initial: AnnotationDto[] = []) {
  const rows = new Map(initial.map((a) => [a.id, a]));
  const calls: Call[] = [];
  const state = { online: true };
  const respond = (status: number, body?: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
    if (!state.online) throw new TypeError("Failed to fetch");
    const method = init?.method ?? "GET";
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null;
    calls.push({ method, url, body });
    if (method === "GET") return respond(200, { layer: "mine", items: [...rows.values()] });
    if (method === "POST") {
      const id = String(body!.id);
      if (rows.has(id)) return respond(200, rows.get(id));
      if (body!.attributes && (body!.attributes as Record<string, unknown>).checkworthy === "bad") return respond(400, { error: { code: "validation_failed", message: "Unknown value" } });
      const created = { ...dto(id, 1), attributes: body!.attributes as Record<string, unknown> };
      rows.set(id, created);
      return respond(201, created);
    }
    const id = url.split("/").pop()!.split("?")[0]!;
    const row = rows.get(id);
    if (!row) return respond(404, { error: { code: "not_found", message: "Annotation not found." } });
    const version = method === "DELETE" ? Number(new URL(url, "http://x").searchParams.get("version")) : Number(body!.version);
    if (version !== row.version) return respond(409, { error: { code: "stale_version", message: "stale", current: row } });
    if (method === "DELETE") {
      rows.delete(id);
      return respond(204);
    }
    const updated = { ...row, attributes: body!.attributes as Record<string, unknown>, version: row.version + 1 };
    rows.set(id, updated);
    return respond(200, updated);
  });
  return { rows, calls, state };
}

const newSync = () => new AnnotationSync("doc", "key", materialiseWith("doc", () => new Map()));
const span = (attributes: Record<string, unknown>) => ({ type: "CLAIM", start: 0, end: 4, attributes });

describe("AnnotationSync", () => {
  beforeEach(() => stored.clear());

  it("creates with the client id, then updates with the server's version, sending only mutable fields", async () => {
    const server = fakeServer();
    const sync = newSync();
    await sync.load();
    sync.change({ kind: "create", id: "a", body: { ...span({ checkworthy: "yes" }), origin: "manual" } });
    await sync.flush();
    sync.change({ kind: "update", id: "a", body: { ...span({ checkworthy: "no" }), origin: "manual" }, baseVersion: 1 });
    await sync.flush();
    expect(server.calls.filter((c) => c.method !== "GET").map((c) => [c.method, c.body])).toEqual([
      ["POST", { id: "a", type: "CLAIM", start: 0, end: 4, attributes: { checkworthy: "yes" }, origin: "manual" }],
      ["PATCH", { start: 0, end: 4, attributes: { checkworthy: "no" }, version: 1 }],
    ]);
    expect(sync.view().get("a")).toMatchObject({ version: 2, attributes: { checkworthy: "no" } });
    expect(sync.status).toEqual({ state: "saved", pending: 0 });
  });

  it("offline changes stay queued across a reload and are sent exactly once", async () => {
    const server = fakeServer();
    const first = newSync();
    await first.load();
    server.state.online = false;
    for (const id of ["a", "b", "c"]) first.change({ kind: "create", id, body: span({ checkworthy: "yes" }) });
    await first.flush();
    expect(first.status).toMatchObject({ state: "offline", pending: 3 });

    // "Reload" while still offline: the queue comes back from storage.
    const second = newSync();
    await second.load();
    expect(second.status).toMatchObject({ state: "offline", pending: 3 });
    expect([...second.view().keys()]).toEqual(["a", "b", "c"]);

    await second.flush();
    expect(second.status).toMatchObject({ state: "offline", pending: 3 });
    server.state.online = true;
    await second.flush();
    expect(server.rows.size).toBe(3);
    expect(server.calls.filter((c) => c.method === "POST")).toHaveLength(3);
    expect(second.status).toEqual({ state: "saved", pending: 0 });
    // A third session has nothing left to send.
    const third = newSync();
    await third.load();
    await third.flush();
    expect(server.calls.filter((c) => c.method === "POST")).toHaveLength(3);
  });

  it("a stale update becomes a conflict showing theirs; re-applying mine sends it on their version", async () => {
    const server = fakeServer([dto("a", 1)]);
    const sync = newSync();
    await sync.load();
    server.rows.set("a", dto("a", 2, { checkworthy: "no" })); // another tab
    sync.change({ kind: "update", id: "a", body: span({ checkworthy: "yes", stance: [{ target: "Ukraine", value: 1 }] }), baseVersion: 1 });
    await sync.flush();
    expect(sync.conflicts).toHaveLength(1);
    const conflict = sync.conflicts[0]!;
    expect(conflict.stale).toBe(true);
    expect(conflict.current).toMatchObject({ version: 2, attributes: { checkworthy: "no" } });
    expect(sync.view().get("a")!.attributes).toEqual({ checkworthy: "no" });

    sync.resolveConflict(conflict, true);
    await sync.flush();
    expect(sync.conflicts).toHaveLength(0);
    expect(server.rows.get("a")).toMatchObject({ version: 3, attributes: { checkworthy: "yes", stance: [{ target: "Ukraine", value: 1 }] } });
  });

  it("keeping theirs drops my edit; a stale delete is not sent again", async () => {
    const server = fakeServer([dto("a", 1)]);
    const sync = newSync();
    await sync.load();
    server.rows.set("a", dto("a", 2, { checkworthy: "no" }));
    sync.change({ kind: "delete", id: "a", baseVersion: 1 });
    await sync.flush();
    expect(server.calls.at(-1)).toMatchObject({ method: "DELETE", url: "/api/v1/annotations/a?version=1" });
    sync.resolveConflict(sync.conflicts[0]!, false);
    await sync.flush();
    expect(server.rows.get("a")!.version).toBe(2);
    expect(sync.view().get("a")!.attributes).toEqual({ checkworthy: "no" });
    expect(server.calls.filter((c) => c.method === "DELETE")).toHaveLength(1);
  });

  it("a refused create is a non-stale conflict and is not retried by itself", async () => {
    const server = fakeServer();
    const sync = newSync();
    await sync.load();
    sync.change({ kind: "create", id: "x", body: span({ checkworthy: "bad" }) });
    await sync.flush();
    expect(sync.conflicts).toMatchObject([{ stale: false, current: null, message: "Unknown value" }]);
    await sync.flush();
    expect(server.calls.filter((c) => c.method === "POST")).toHaveLength(1);
    sync.resolveConflict(sync.conflicts[0]!, false);
    expect(sync.view().has("x")).toBe(false);
  });

  it("uses the layer carried by a fresh page render instead of asking the server, but not a replayed one", async () => {
    const server = fakeServer([dto("a", 3)]);
    const session = new Map<string, string>();
    vi.stubGlobal("sessionStorage", { getItem: (k: string) => session.get(k) ?? null, setItem: (k: string, v: string) => void session.set(k, v) });
    try {
      const first = newSync();
      await first.load({ items: [dto("a", 2)], renderId: "render-1" });
      expect(server.calls.filter((c) => c.method === "GET")).toHaveLength(0);
      expect(first.loaded).toBe(true);
      expect(first.view().get("a")?.version).toBe(2);

      // The same render shown again (Back from the router cache) may be stale: ask the server.
      const replay = newSync();
      await replay.load({ items: [dto("a", 2)], renderId: "render-1" });
      expect(server.calls.filter((c) => c.method === "GET")).toHaveLength(1);
      expect(replay.view().get("a")?.version).toBe(3);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("adopts the page's layer and the outbox read beforehand: ready at once, pending changes shown, then sent exactly once", async () => {
    const server = fakeServer([dto("a", 2)]);
    const session = new Map<string, string>();
    vi.stubGlobal("sessionStorage", { getItem: (k: string) => session.get(k) ?? null, setItem: (k: string, v: string) => void session.set(k, v) });
    try {
      // A change made offline in an earlier visit waits in the outbox.
      const earlier = newSync();
      await earlier.load({ items: [dto("a", 2)], renderId: "render-0" });
      server.state.online = false;
      earlier.change({ kind: "create", id: "b", body: span({ checkworthy: "yes" }) });
      await earlier.flush();
      server.state.online = true;
      const { loadStored } = await import("./outbox-store");
      const outbox = await loadStored("key");
      expect(outbox.queue).toHaveLength(1);

      const sync = newSync();
      expect(sync.adopt({ items: [dto("a", 2)], renderId: "render-3" }, outbox)).toBe(true);
      // Loaded without waiting for anything: the layer and the pending change are there.
      expect(sync.loaded).toBe(true);
      expect(sync.status).toEqual({ state: "saved", pending: 1 });
      expect(sync.view().get("b")).toMatchObject({ pending: true });
      expect(server.calls).toHaveLength(0);

      sync.start();
      await sync.flush();
      expect(server.calls.map((c) => c.method)).toEqual(["POST"]);
      expect(sync.status).toEqual({ state: "saved", pending: 0 });
      expect((await loadStored("key")).queue).toHaveLength(0);

      // The same render again (Back): not adopted, the page asks the server instead.
      const replay = newSync();
      expect(replay.adopt({ items: [dto("a", 2)], renderId: "render-3" }, await loadStored("key"))).toBe(false);
      expect(replay.loaded).toBe(false);
      await replay.load({ items: [dto("a", 2)], renderId: "render-3" });
      expect(server.calls.filter((c) => c.method === "GET")).toHaveLength(1);
      expect(server.calls.filter((c) => c.method === "POST")).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("asks the server when the browser keeps no session storage", async () => {
    const server = fakeServer([dto("a", 3)]);
    vi.stubGlobal("sessionStorage", undefined);
    const sync = newSync();
    await sync.load({ items: [], renderId: "render-2" });
    expect(server.calls.filter((c) => c.method === "GET")).toHaveLength(1);
    expect(sync.view().get("a")?.version).toBe(3);
    vi.unstubAllGlobals();
  });
});
