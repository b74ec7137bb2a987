import { expect, test } from "@playwright/test";
import { BASE_URL } from "../../playwright.config";
import { storageStateOf } from "../fixtures";
import { SAME_ORIGIN } from "../security-helpers";
import { as, demoProjectId } from "./helpers";

// A write authenticated by the session cookie is accepted only from the app's own origin; a
// browser attaches the cookie to a form posted from any site (multipart needs no preflight).
test.use({ storageState: storageStateOf("manager") });

const port = Number(new URL(BASE_URL).port);
const FOREIGN: [string, Record<string, string>][] = [
  ["a foreign site", { Origin: "https://evil.example" }],
  ["an opaque null origin", { Origin: "null" }],
  ["another port on the same host (same site)", { Origin: `http://127.0.0.1:${port + 1}` }],
  ["no Origin and Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
  ["no Origin and Sec-Fetch-Site: same-site", { "Sec-Fetch-Site": "same-site" }],
  ["neither header", {}],
];

for (const [label, headers] of FOREIGN) {
  test(`a cookie-authenticated JSON write from ${label} is 403 csrf and changes nothing`, async ({ request }) => {
    const projectId = await demoProjectId(request);
    const name = `CSRF speaker ${label} ${Date.now()}`;
    const res = await request.post(`/api/v1/projects/${projectId}/entities`, { headers, data: { name, type: "person" } });
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("csrf");
    const list = (await (await request.get(`/api/v1/projects/${projectId}/entities`, { headers: as("manager") })).json()) as { items: { name: string }[] };
    expect(list.items.map((e) => e.name)).not.toContain(name);
  });
}

test("a cross-origin multipart import (a plain HTML form) is refused and imports nothing", async ({ request }) => {
  const projectId = await demoProjectId(request);
  const title = `CSRF import ${Date.now()}`;
  const res = await request.post(`/api/v1/projects/${projectId}/documents`, {
    headers: { Origin: "https://evil.example" },
    multipart: { file: { name: "csrf.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(JSON.stringify({ title, text: `${title}. A sentence.` }) + "\n") } },
  });
  expect(res.status()).toBe(403);
  const docs = (await (await request.get(`/api/v1/projects/${projectId}/documents?limit=500`, { headers: as("manager") })).json()) as { items: { title: string }[] };
  expect(docs.items.map((d) => d.title)).not.toContain(title);
});

test("the same write from the app's own origin, or Sec-Fetch-Site: same-origin, is accepted; reads need no Origin", async ({ request }) => {
  const projectId = await demoProjectId(request);
  const own = await request.post(`/api/v1/projects/${projectId}/entities`, { headers: SAME_ORIGIN, data: { name: `Own origin ${Date.now()}`, type: "person" } });
  expect(own.status()).toBe(201);
  const fetchSite = await request.post(`/api/v1/projects/${projectId}/entities`, { headers: { "Sec-Fetch-Site": "same-origin" }, data: { name: `Fetch site ${Date.now()}`, type: "person" } });
  expect(fetchSite.status()).toBe(201);
  expect((await request.get(`/api/v1/projects/${projectId}/entities`, { headers: { Origin: "https://evil.example" } })).status()).toBe(200);
});

test("Bearer-token writes are unaffected by Origin", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: BASE_URL, storageState: { cookies: [], origins: [] } });
  const projectId = await demoProjectId(api);
  const res = await api.post(`/api/v1/projects/${projectId}/entities`, { headers: { ...as("manager"), Origin: "https://evil.example" }, data: { name: `Bearer ${Date.now()}`, type: "person" } });
  expect(res.status()).toBe(201);
  await api.dispose();
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ request }) => {
  const state = await request.storageState();
  const cookie = state.cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});
