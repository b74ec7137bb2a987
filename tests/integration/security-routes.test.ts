import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS } from "@/lib/api/route-catalog";
import { createApiToken } from "@/lib/auth/api-tokens";
import { makeDocument } from "./document-factory";
import { makeTeam } from "./factories";

// Hostile path ids and query strings on every /api/v1 route, through the real route handlers and
// PostgreSQL: each is refused (404 for a path id, 400 for a query) before the database sees it,
// never a 500. Bearer-token writes are unaffected by the CSRF check whatever Origin they carry.
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ROOT = path.resolve(__dirname, "../..");
async function handlerOf(opPath: string, method: string): Promise<Handler> {
  const file = path.join(ROOT, "app", opPath.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
  const routeModule = (await import(file)) as Record<string, Handler>;
  return routeModule[method.toUpperCase()]!;
}

async function call(handler: Handler, method: string, url: string, params: Record<string, string>, headers: Record<string, string>) {
  const withBody = method !== "GET" && method !== "DELETE";
  const response = await handler(
    new Request(url, { method, headers: { ...headers, ...(withBody ? { "content-type": "application/json" } : {}) }, body: withBody ? "{}" : undefined }),
    { params: Promise.resolve(params) },
  );
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as { error?: { code: string } }) : null };
}

const HOSTILE_IDS = ["\u0000", "a\u0000b", "\ud800", "x".repeat(5000), "'; DROP TABLE users; --", "%00"];

describe("hostile path ids on every route", () => {
  const withParams = API_OPERATIONS.filter((op) => op.path.includes("{"));
  it.each(withParams.map((op) => [op.method.toUpperCase(), op.path, op] as const))("%s %s → 404 for each hostile id", async (method, opPath, op) => {
    const { admin } = await makeTeam();
    const { token } = await createApiToken(admin.id, "sweep");
    const handler = await handlerOf(opPath, op.method);
    for (const hostile of HOSTILE_IDS) {
      const names = [...opPath.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      for (const target of names) {
        const params = Object.fromEntries(names.map((n) => [n, n === target ? hostile : n === "index" || n === "version" ? "1" : "cmaaaaaaaaaaaaaaaaaaaaaaa"]));
        const res = await call(handler, method, `http://test.local${opPath}`, params, { Authorization: `Bearer ${token}` });
        expect(res.status, `${target}=${JSON.stringify(hostile.slice(0, 12))}`).toBe(404);
        expect(res.body?.error?.code).toBe("not_found");
      }
    }
  });
});

describe("hostile query strings", () => {
  it("a NUL byte or control character in any query parameter is 400, ids in queries are checked too", async () => {
    const { project, manager } = await makeTeam();
    const doc = await makeDocument(project.id);
    const { token } = await createApiToken(manager.id, "t");
    const auth = { Authorization: `Bearer ${token}` };
    const list = await handlerOf("/api/v1/projects/{projectId}/documents", "get");
    const agreement = await handlerOf("/api/v1/projects/{projectId}/agreement", "get");
    const history = await handlerOf("/api/v1/documents/{documentId}/history", "get");
    const annotations = await handlerOf("/api/v1/documents/{documentId}/annotations", "get");
    const base = "http://test.local/api";
    for (const [handler, params, query] of [
      [list, { projectId: project.id }, "?cursor=%00"],
      [list, { projectId: project.id }, `?cursor=${Buffer.from(JSON.stringify([new Date().toISOString(), "\u0000"])).toString("base64url")}`],
      [list, { projectId: project.id }, "?state=%00"],
      [list, { projectId: project.id }, "?limit=1%00"],
      [agreement, { projectId: project.id }, "?documentId=%00"],
      [agreement, { projectId: project.id }, "?documentId=a%27b"],
      [history, { documentId: doc.id }, "?before=%00"],
      [annotations, { documentId: doc.id }, "?layer=user:%00"],
      [annotations, { documentId: doc.id }, "?unrelated=%01"],
    ] as const) {
      const res = await call(handler, "GET", `${base}${query}`, params, auth);
      expect(res.status, query).toBe(400);
      expect(res.body?.error?.code).toBe("validation_failed");
    }
    expect((await call(list, "GET", `${base}?state=signed_off&limit=5`, { projectId: project.id }, auth)).status).toBe(200);
    expect((await call(agreement, "GET", `${base}?documentId=${doc.id}`, { projectId: project.id }, auth)).status).toBe(200);
  });
});

describe("CSRF check and API tokens", () => {
  it("a Bearer-token write is accepted whatever Origin it carries (browsers never attach tokens by themselves)", async () => {
    const { project, manager } = await makeTeam();
    const { token } = await createApiToken(manager.id, "t");
    const entities = await handlerOf("/api/v1/projects/{projectId}/entities", "post");
    for (const origin of ["https://evil.example", "null"]) {
      const response = await entities(
        new Request("http://test.local/api", {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, Origin: origin, "content-type": "application/json" },
          body: JSON.stringify({ name: `Speaker via ${origin}`, type: "person" }),
        }),
        { params: Promise.resolve({ projectId: project.id }) },
      );
      expect(response.status).toBe(201);
    }
  });
});
