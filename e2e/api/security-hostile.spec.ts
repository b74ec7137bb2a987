import net from "node:net";
import os from "node:os";
import { expect, test } from "@playwright/test";
import { BASE_URL } from "../../playwright.config";
import { API_OPERATIONS } from "../../lib/api/route-catalog";
import { storageStateOf } from "../fixtures";
import { as, demoProjectId } from "./helpers";

// Hostile ids, bypass headers, forged cookies, hostile file names and oversized bodies over real
// HTTP against the running app, each followed by a healthy server.
test.use({ storageState: { cookies: [], origins: [] } });

const healthy = async (request: import("@playwright/test").APIRequestContext) => expect((await request.get("/api/v1/health")).status()).toBe(200);

test("a NUL byte or broken escape in any path id is 404 on every route, never 500", async ({ request }) => {
  for (const op of API_OPERATIONS.filter((o) => o.path.includes("{") && o.access !== "public")) {
    // Escapes that are not UTF-8 at all ("%C0%80", "%E0%A4%A") are refused by Next.js itself while
    // it decodes the path, before any app code runs (see README, Security).
    for (const hostile of ["%00", "a%00b", "%01", "%7F", "%0D%0ASet-Cookie:%20x=1"]) {
      const path = op.path.replace(/\{(\w+)\}/g, () => hostile);
      const res = await request.fetch(path, { method: op.method.toUpperCase(), headers: as("admin"), ...(op.method === "get" || op.method === "delete" ? {} : { data: {} }) });
      expect([400, 404], `${op.method.toUpperCase()} ${path}`).toContain(res.status());
      expect(res.headers()["set-cookie"]).toBeUndefined();
    }
  }
  await healthy(request);
});

test("hostile query parameters are 400 and hostile page paths 404", async ({ request }) => {
  const projectId = await demoProjectId(request);
  for (const query of ["cursor=%00", "state=%00", "limit=%00"]) {
    const res = await request.get(`/api/v1/projects/${projectId}/documents?${query}`, { headers: as("manager") });
    expect(res.status(), query).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
  }
  expect((await request.get(`/api/v1/projects/${projectId}/agreement?documentId=%00`, { headers: as("manager") })).status()).toBe(400);
  for (const path of ["/projects/%00", `/projects/${projectId}/documents/%00`, `/projects/${projectId}/documents/%00/annotate`]) {
    const res = await request.get(path, { headers: as("manager"), maxRedirects: 0 });
    expect(res.status(), path).toBe(404);
  }
  await healthy(request);
});

test("x-middleware-subrequest, RSC and _rsc do not get past authentication or drop the CSP", async ({ request }) => {
  const bypass = ["middleware", "proxy", "src/middleware", "middleware:middleware:middleware:middleware:middleware", "proxy:proxy:proxy:proxy:proxy", "pages/_middleware"];
  for (const value of bypass) {
    const api = await request.get("/api/v1/projects", { headers: { "x-middleware-subrequest": value } });
    expect(api.status(), value).toBe(401);
    const page = await request.get("/admin/users", { headers: { "x-middleware-subrequest": value } });
    expect(new URL(page.url()).pathname, value).toBe("/login");
    expect(await page.text()).not.toContain("users-table");
    expect(page.headers()["content-security-policy"], value).toContain("'nonce-");
  }
  for (const headers of <Record<string, string>[]>[{ RSC: "1" }, { RSC: "1", "Next-Router-Prefetch": "1" }, { RSC: "1", "Next-Router-State-Tree": "%5B%22%22%5D" }]) {
    const res = await request.get("/admin/users", { headers, maxRedirects: 0 });
    expect(await res.text()).not.toContain("users-table");
  }
  const rsc = await request.get("/admin/users?_rsc=abc", { maxRedirects: 0 });
  expect(await rsc.text()).not.toContain("users-table");
  await healthy(request);
});

test("forged, alg:none and tampered session cookies are signed-out", async ({ request, playwright }) => {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const admin = await playwright.request.newContext({ baseURL: BASE_URL, storageState: storageStateOf("admin") });
  const real = (await admin.storageState()).cookies.find((c) => c.name.endsWith("next-auth.session-token"))!.value;
  await admin.dispose();
  const tampered = `${real.slice(0, -4)}${real.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
  const forged = [
    `${b64({ alg: "none", typ: "JWT" })}.${b64({ uid: "x", email: "admin@example.com", exp: 9999999999 })}.`,
    `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ uid: "x", exp: 9999999999 })}.c2lnbmF0dXJl`,
    `${b64({ alg: "dir", enc: "A256GCM" })}....`,
    tampered,
    "garbage",
  ];
  for (const token of forged) {
    const cookie = `next-auth.session-token=${token}`;
    expect((await request.get("/api/v1/users", { headers: { cookie } })).status()).toBe(401);
    const page = await request.get("/admin/users", { headers: { cookie } });
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.text()).not.toContain("users-table");
  }
  await healthy(request);
});

test("hostile file names: no header injection, no path traversal, names escaped in responses", async ({ request }) => {
  const projectId = await demoProjectId(request);
  for (const name of ["..%2F..%2Fetc%2Fpasswd", "a%22%0D%0AX-Injected:%201", "%2E%2E", "manifest.json%00.txt"]) {
    const res = await request.get(`/api/v1/projects/${projectId}/datasets/1/files/${name}`, { headers: as("manager") });
    expect([400, 404], name).toContain(res.status());
    expect(res.headers()["x-injected"]).toBeUndefined();
  }
  const hostile = `evil"; filename*=UTF-8''x.html\r\nX-Injected: 1 <img src=x onerror=alert(1)>.txt`;
  const res = await request.post(`/api/v1/projects/${projectId}/documents`, {
    headers: as("manager"),
    multipart: { file: { name: hostile, mimeType: "text/plain", buffer: Buffer.from(`Hostile file name ${Date.now()}.\n\nA sentence about it.`) } },
  });
  expect([201, 400], await res.text()).toContain(res.status());
  expect(res.headers()["x-injected"]).toBeUndefined();
  expect(res.headers()["content-type"]).toContain("application/json");
  await healthy(request);
});

test("deep JSON and huge bodies are refused and the server stays healthy", async ({ request }) => {
  const projectId = await demoProjectId(request);
  const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
  const deepObject = `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`;
  for (const body of [deep, deepObject]) {
    const res = await request.post(`/api/v1/projects/${projectId}/entities`, { headers: { ...as("manager"), "content-type": "application/json" }, data: body });
    expect(res.status()).toBe(400);
  }
  const huge = await request.post(`/api/v1/projects/${projectId}/entities`, {
    headers: { ...as("manager"), "content-type": "application/json" },
    data: `{"name":"${"x".repeat(3 * 1024 * 1024)}","type":"person"}`,
  });
  expect(huge.status()).toBe(413);
  await healthy(request);
});

test("demo mode listens on the loopback interface only", async () => {
  const port = Number(new URL(BASE_URL).port);
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === "IPv4" && !i.internal)?.address;
  test.skip(!external, "this machine has no non-loopback IPv4 address");
  const outcome = await new Promise<string>((resolve) => {
    const socket = net.connect({ host: external!, port, timeout: 5000 });
    socket.once("connect", () => (socket.destroy(), resolve("connected")));
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    socket.once("timeout", () => (socket.destroy(), resolve("timeout")));
  });
  expect(outcome).not.toBe("connected");
});
