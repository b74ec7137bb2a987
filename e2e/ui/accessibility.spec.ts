import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { as, demoProjectId } from "../api/helpers";
import { annotateAs, assignedArticle, codePointSpan } from "../api/workflow-helpers";
import { storageStateOf, type RoleName } from "../fixtures";

// Every page, as the role that uses it, through axe-core: no serious or critical violation.
// Pages are checked once hydrated (charts and client islands render after the first paint).

async function violations(page: Page, url: string): Promise<string[]> {
  const res = await page.goto(url);
  expect(res?.status(), url).toBeLessThan(500);
  await page.locator("main, body").first().waitFor();
  await page.waitForLoadState("load");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${url} — ${v.id} (${v.impact}): ${v.help}; ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

async function check(browser: Browser, role: RoleName | null, urls: string[]): Promise<string[]> {
  const context = await browser.newContext(role ? { storageState: storageStateOf(role) } : {});
  const page = await context.newPage();
  const found: string[] = [];
  for (const url of urls) found.push(...(await violations(page, url)).map((v) => `${role ?? "signed out"}: ${v}`));
  await context.close();
  return found;
}

test("every page passes axe-core with no serious or critical violations", async ({ browser, request }) => {
  test.setTimeout(600_000);
  const projectId = await demoProjectId(request);
  const text = [`Accessibility headline ${Date.now()}`, "", "The minister said the talks were a success.", "Trade grew by 12 percent last year."].join("\n");
  const claim = codePointSpan(text, "Trade grew by 12 percent last year.");
  const { documentId } = await assignedArticle(request, text);
  const annotation = await annotateAs(request, "annotator1", documentId, { type: "CLAIM", ...claim, attributes: { checkworthy: "yes" } });
  await annotateAs(request, "annotator2", documentId, { type: "CLAIM", ...claim, attributes: { checkworthy: "no" } });
  const seeded = (await (await request.get(`/api/v1/projects/${projectId}/documents?limit=1`, { headers: as("manager") })).json()) as { items: { id: string }[] };
  const sample = seeded.items[0]!.id;
  const project = `/projects/${projectId}`;
  const doc = `${project}/documents/${documentId}`;

  // Every page is visited before asserting, so one run reports every violation.
  const found: string[] = [];
  found.push(...(await check(browser, null, ["/login", "/no-such-page"])));
  found.push(...(await check(browser, "admin", ["/admin/users", "/account"])));
  found.push(...(await check(browser, "manager", [
    "/projects",
    project,
    `${project}/import`,
    `${project}/members`,
    `${project}/settings`,
    `${project}/speakers`,
    `${project}/suggestions`,
    `${project}/exports`,
    `${project}/agreement`,
    doc,
    `${doc}/annotations/${annotation.id}`,
  ])));
  found.push(...(await check(browser, "annotator1", [`${project}/my-work`, `${project}/documents/${sample}`, `${doc}/annotate`])));
  expect((await request.post(`/api/v1/documents/${documentId}/review/start`, { headers: as("reviewer"), data: {} })).status()).toBe(200);
  found.push(...(await check(browser, "reviewer", [`${doc}/review`, `${project}/agreement`])));
  expect(found, found.join("\n")).toEqual([]);
});
