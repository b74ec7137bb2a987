import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { as } from "../api/helpers";
import { DEMO_PASSWORD, storageStateOf, type RoleName } from "../fixtures";
import { watchPage } from "../security-helpers";

// Stored XSS: payloads in every user-supplied field the pages render (project name, description,
// stance targets, document title and text, speaker names and aliases, comments, user names). Each
// page shows them as text: no script ran (window.__xss) and no injected element exists ([data-xss]).
test.describe.configure({ mode: "serial" });
// Several sign-ins (bcrypt) and page loads per test: more than the default minute on a busy machine.
test.setTimeout(180_000);

const tag = crypto.randomUUID().slice(0, 6);
const PAYLOADS = [
  `<img src=x onerror="window.__xss='img'" data-xss>`,
  `"><script data-xss>window.__xss='script'</script>`,
  `<svg data-xss onload="window.__xss='svg'"></svg>`,
  `<a data-xss href="javascript:window.__xss='href'">link</a>`,
  `javascript:window.__xss='url'`,
  `{{constructor.constructor("window.__xss='template'")()}}`,
  `</textarea><iframe data-xss srcdoc="<script>parent.__xss='iframe'</script>"></iframe>`,
];
const payload = (i: number) => `${PAYLOADS[i % PAYLOADS.length]} ${tag}`;

let projectId = "";
let documentId = "";

test.beforeAll(async ({ request }) => {
  const project = await request.post("/api/v1/projects", {
    headers: as("admin"),
    data: { name: payload(0), description: payload(1), stanceTargets: [payload(2), payload(3)] },
  });
  expect(project.status()).toBe(201);
  projectId = ((await project.json()) as { id: string }).id;
  const email = `xss-${tag}@example.com`;
  expect((await request.post("/api/v1/users", { headers: as("admin"), data: { email, name: payload(4), password: DEMO_PASSWORD } })).status()).toBe(201);
  for (const [who, roles] of [["manager@example.com", ["MANAGER"]], ["annotator1@example.com", ["ANNOTATOR"]], [email, ["ANNOTATOR"]]] as const) {
    expect((await request.post(`/api/v1/projects/${projectId}/members`, { headers: as("admin"), data: { email: who, roles } })).status()).toBe(201);
  }
  const doc = await request.post(`/api/v1/projects/${projectId}/documents`, {
    headers: as("manager"),
    data: { title: payload(5), text: `${payload(6)} said the minister. ${payload(0)} is a claim.`, source: payload(1), author: payload(2) },
  });
  expect(doc.status()).toBe(201);
  documentId = ((await doc.json()) as { results: { id: string }[] }).results[0]!.id;
  const annotator = (await (await request.get(`/api/v1/projects/${projectId}/members`, { headers: as("manager") })).json()) as { members: { id: string; email: string }[] };
  const annotatorId = annotator.members.find((m) => m.email === "annotator1@example.com")!.id;
  await request.post(`/api/v1/documents/${documentId}/assignments`, { headers: as("manager"), data: { userId: annotatorId, role: "annotator" } });
  expect((await request.post(`/api/v1/projects/${projectId}/entities`, { headers: as("manager"), data: { name: payload(3), type: "person", aliases: [payload(4)] } })).status()).toBe(201);
  expect((await request.post(`/api/v1/documents/${documentId}/comments`, { headers: as("manager"), data: { body: `${payload(1)} @${email}` } })).status()).toBe(201);
});

const PAGES: [RoleName, (p: string, d: string) => string][] = [
  ["manager", () => "/projects"],
  ["manager", (p) => `/projects/${p}`],
  ["manager", (p, d) => `/projects/${p}/documents/${d}`],
  ["manager", (p) => `/projects/${p}/speakers`],
  ["manager", (p) => `/projects/${p}/members`],
  ["manager", (p) => `/projects/${p}/settings`],
  ["manager", (p) => `/projects/${p}/suggestions`],
  ["manager", (p) => `/projects/${p}/exports`],
  ["annotator1", (p) => `/projects/${p}/my-work`],
  ["annotator1", (p, d) => `/projects/${p}/documents/${d}/annotate`],
  ["admin", () => "/admin/users"],
];

for (const [role, path] of PAGES) {
  test(`${role}: ${path("{projectId}", "{documentId}")} shows the payloads as text and runs none`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf(role) });
    const page = await context.newPage();
    const watch = await watchPage(page);
    const res = await page.goto(path(projectId, documentId));
    expect(res?.status()).toBe(200);
    await page.waitForLoadState("networkidle");
    await expect(page.getByText(tag).first()).toBeVisible();
    expect(await page.locator("[data-xss]").count()).toBe(0);
    expect(await watch.xssRan()).toBeUndefined();
    // A javascript: payload never becomes a live link.
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(await watch.violations()).toEqual([]);
    await context.close();
  });
}
