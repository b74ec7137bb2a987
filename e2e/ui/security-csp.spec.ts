import { expect, test } from "@playwright/test";
import { as, demoProjectId } from "../api/helpers";
import { storageStateOf, type RoleName } from "../fixtures";
import { watchPage } from "../security-helpers";

// Every page under the strict CSP: a fresh nonce per response, and no violation, console error or
// script error while each main page renders and hydrates, for the roles that see it.
type Ids = { projectId: string; documentId: string };
let ids: Ids;

test.beforeAll(async ({ request }) => {
  const projectId = await demoProjectId(request);
  const docs = (await (await request.get(`/api/v1/projects/${projectId}/documents?limit=100`, { headers: as("manager") })).json()) as { items: { id: string; title: string }[] };
  const documentId = docs.items.find((d) => d.title === "Moscow and Beijing are global partners")!.id;
  ids = { projectId, documentId };
});

const PAGES: { role: RoleName; path: (ids: Ids) => string; ready: string }[] = [
  { role: "manager", path: () => "/projects", ready: "h1" },
  { role: "manager", path: ({ projectId }) => `/projects/${projectId}`, ready: "h1" },
  { role: "manager", path: ({ projectId, documentId }) => `/projects/${projectId}/documents/${documentId}`, ready: "h1" },
  { role: "manager", path: ({ projectId }) => `/projects/${projectId}/import`, ready: "h1" },
  { role: "manager", path: ({ projectId }) => `/projects/${projectId}/settings`, ready: "h1" },
  { role: "manager", path: ({ projectId }) => `/projects/${projectId}/speakers`, ready: "h1" },
  { role: "manager", path: ({ projectId }) => `/projects/${projectId}/suggestions`, ready: "h1" },
  { role: "manager", path: ({ projectId }) => `/projects/${projectId}/exports`, ready: "h1" },
  { role: "manager", path: ({ projectId }) => `/projects/${projectId}/members`, ready: "h1" },
  { role: "manager", path: ({ projectId }) => `/projects/${projectId}/agreement`, ready: "h1" },
  { role: "annotator1", path: ({ projectId }) => `/projects/${projectId}/my-work`, ready: "h1" },
  { role: "annotator1", path: ({ projectId, documentId }) => `/projects/${projectId}/documents/${documentId}/annotate`, ready: "[data-testid=annotator][data-ready=true]" },
  { role: "reviewer", path: ({ projectId, documentId }) => `/projects/${projectId}/documents/${documentId}/review`, ready: "h1" },
  { role: "admin", path: () => "/admin/users", ready: "h1" },
  { role: "admin", path: () => "/account", ready: "h1" },
];

for (const { role, path, ready } of PAGES) {
  test(`${role}: ${path({ projectId: "{projectId}", documentId: "{documentId}" })} renders under the CSP without violations`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf(role) });
    const page = await context.newPage();
    const watch = await watchPage(page);
    const response = await page.goto(path(ids));
    expect(response?.status()).toBe(200);
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
    expect(csp).not.toContain("unsafe-eval");
    await expect(page.locator(ready).first()).toBeVisible({ timeout: 30_000 });
    // Hydrated: a client-side navigation works (the top bar's links are client components).
    await page.waitForLoadState("networkidle");
    expect(await watch.violations()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });
}

test("the login page works under the CSP, each response has its own nonce, no HSTS over http", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watch = await watchPage(page);
  const first = await page.goto("/login");
  const second = await page.request.get("/login");
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  expect(nonceOf(first?.headers()["content-security-policy"])).toBeTruthy();
  expect(nonceOf(first?.headers()["content-security-policy"])).not.toBe(nonceOf(second.headers()["content-security-policy"]));
  expect(first?.headers()["strict-transport-security"]).toBeUndefined();
  await page.getByLabel("Email").fill("manager@example.com");
  await page.getByLabel("Password").fill("stancebench");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  expect(await watch.violations()).toEqual([]);
  expect(watch.problems).toEqual([]);
  await context.close();
});

test("API responses carry a deny-all policy", async ({ request }) => {
  const res = await request.get("/api/v1/health");
  expect(res.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
});
