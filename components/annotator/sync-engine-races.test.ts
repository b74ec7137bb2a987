import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AnnotationBody } from "@/lib/annotator/outbox";
import type { AnnotationDto } from "./types";

// Quick label / undo / redo while the server's answers are held back and released in every order.
const stored = new Map<string, unknown>();
vi.mock("./outbox-store", () => ({
  loadStored: async (key: string) => stored.get(key) ?? { queue: [], snapshot: null },
  loadSnapshot: async (key: string) => (stored.get(key) as { snapshot?: unknown } | undefined)?.snapshot ?? null,
  saveStored: async (key: string, value: unknown) => void stored.set(key, structuredClone(value)),
}));

const { AnnotationSync } = await import("./sync-engine");
const { bodyOf, materialiseWith } = await import("./materialise");

type Held = { method: string; release: () => void };

/**
 * A fake server with the real one's sentence-label rules (one row per sentence, a POST of an
 * existing id returns it, DELETE removes the row, versions must match); each write waits until
 * the test releases it, and only then reaches the "server".
 */
function heldServer() {
  const rows = new Map<string, AnnotationDto>();
  const held: Held[] = [];
  const refused: number[] = [];
  const respond = (status: number, body?: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const handle = (method: string, url: string, body: Record<string, unknown> | null): Response => {
    if (method === "POST") {
      const id = String(body!.id);
      if (rows.has(id)) return respond(200, rows.get(id));
      const other = [...rows.values()].find((r) => r.sentenceIndex === body!.sentenceIndex);
      if (other) return respond(409, { error: { code: "conflict", message: "Sentence already has labels", current: other } });
      const created: AnnotationDto = { id, documentId: "doc", layer: "annotator", authorId: "u", type: "SENTENCE", start: null, end: null, sentenceIndex: body!.sentenceIndex as number, attributes: body!.labels as Record<string, unknown>, speaker: null, version: 1 };
      rows.set(id, created);
      return respond(201, created);
    }
    const id = url.split("/").pop()!.split("?")[0]!;
    const row = rows.get(id);
    if (!row) return respond(404, { error: { code: "not_found", message: "Annotation not found." } });
    const version = method === "DELETE" ? Number(new URL(url, "http://x").searchParams.get("version")) : Number(body!.version);
    if (version !== row.version) return respond(409, { error: { code: "stale_version", message: "stale", current: row } });
    if (method === "DELETE") return rows.delete(id), respond(204);
    const updated = { ...row, attributes: body!.labels as Record<string, unknown>, version: row.version + 1 };
    rows.set(id, updated);
    return respond(200, updated);
  };
  vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    if (method === "GET") return respond(200, { items: [...rows.values()] });
    const body = init?.body && method !== "DELETE" ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null;
    await new Promise<void>((resolve) => held.push({ method, release: resolve }));
    const res = handle(method, url, body);
    if (res.status >= 400) refused.push(res.status);
    return res;
  });
  /** Lets the oldest held request through once it has been sent. */
  const release = async (method: string) => {
    await vi.waitFor(() => expect(held[0]?.method).toBe(method));
    held.shift()!.release();
  };
  return { rows, held, refused, release };
}

const LABEL: AnnotationBody = { sentenceIndex: 2, labels: { checkworthy: "yes" } };

/**
 * The page as the annotator client drives it: ops are built from the view it last rendered, as
 * `write` does from its `annotations` state. A server answer reaches that view only on the next
 * render, so a key pressed just after an answer still sees the view from before it.
 */
async function page() {
  const sync = new AnnotationSync("doc", "key", materialiseWith("doc", () => new Map()));
  await sync.load();
  let rendered = sync.view();
  const write = (id: string, body: AnnotationBody | null) => {
    const current = rendered.get(id);
    if (body === null) sync.change({ kind: "delete", id, baseVersion: current!.version });
    else if (current) sync.change({ kind: "update", id, body, baseVersion: current.version });
    else sync.change({ kind: "create", id, body });
    rendered = sync.view(); // the page re-renders after its own change, before the next key
  };
  return {
    sync,
    write,
    label: () => write("s", LABEL),
    undo: () => write("s", null),
    redo: () => write("s", LABEL),
  };
}

async function expectSaved(server: ReturnType<typeof heldServer>, sync: InstanceType<typeof AnnotationSync>) {
  // Lets everything through, in order, until nothing is left to send.
  await vi.waitFor(() => {
    while (server.held.length > 0) server.held.shift()!.release();
    expect(sync.status).toMatchObject({ pending: 0 });
  });
  expect(server.refused).toEqual([]);
  expect(sync.conflicts).toEqual([]);
  expect(sync.status).toEqual({ state: "saved", pending: 0 });
  expect(server.rows.get("s")).toMatchObject({ attributes: { checkworthy: "yes" } });
  expect(bodyOf(sync.view().get("s")!)).toEqual(LABEL);
  expect(sync.view().get("s")!.version).toBe(server.rows.get("s")!.version);
}

describe("AnnotationSync: label, undo, redo in quick succession", () => {
  beforeEach(() => stored.clear());

  it("undo while the create is in flight, redo while the delete is in flight", async () => {
    const server = heldServer();
    const p = await page();
    p.label();
    p.undo();
    await server.release("POST");
    await server.release("DELETE");
    p.redo();
    await expectSaved(server, p.sync);
  });

  it("undo and redo both queued behind the create in flight", async () => {
    const server = heldServer();
    const p = await page();
    p.label();
    p.undo();
    p.redo();
    await expectSaved(server, p.sync);
  });

  it("undo pressed after the create was saved but before the page re-rendered", async () => {
    const server = heldServer();
    const p = await page();
    p.label();
    await server.release("POST");
    await vi.waitFor(() => expect(p.sync.serverVersion("s")).toBe(1));
    p.undo(); // built from the stale render: delete of version 0
    await server.release("DELETE");
    await vi.waitFor(() => expect(server.rows.has("s")).toBe(false));
    expect(server.refused).toEqual([]);
    p.redo();
    await expectSaved(server, p.sync);
  });

  it("a second round: redo re-creates the deleted id, undo comes before that answer is rendered", async () => {
    const server = heldServer();
    const p = await page();
    p.label();
    await server.release("POST");
    await p.sync.flush();
    p.undo();
    await server.release("DELETE");
    await vi.waitFor(() => expect(server.rows.has("s")).toBe(false));
    p.redo();
    await server.release("POST");
    await p.sync.flush();
    p.undo(); // again from a render older than the re-created row's answer
    p.redo();
    await expectSaved(server, p.sync);
  });

  it("edits answered one after another are followed to the latest own version", async () => {
    const server = heldServer();
    const p = await page();
    p.label();
    await server.release("POST");
    await vi.waitFor(() => expect(p.sync.serverVersion("s")).toBe(1));
    p.write("s", { sentenceIndex: 2, labels: { checkworthy: "no" } }); // sent as version 1, not 0
    await server.release("PATCH");
    await vi.waitFor(() => expect(p.sync.serverVersion("s")).toBe(2));
    p.redo(); // back to "yes", from a render of version 1
    await expectSaved(server, p.sync);
    expect(server.rows.get("s")!.version).toBe(3);
  });

  it("a change another tab made still surfaces as a conflict, even from a stale render", async () => {
    const server = heldServer();
    const p = await page();
    p.label();
    await server.release("POST");
    await vi.waitFor(() => expect(p.sync.serverVersion("s")).toBe(1));
    server.rows.set("s", { ...server.rows.get("s")!, attributes: { checkworthy: "no" }, version: 2 }); // another tab
    p.undo();
    await server.release("DELETE");
    await p.sync.flush();
    expect(server.refused).toEqual([409]);
    expect(p.sync.conflicts).toMatchObject([{ stale: true, current: { version: 2, attributes: { checkworthy: "no" } } }]);
    expect(server.rows.get("s")!.version).toBe(2);
  });
});
