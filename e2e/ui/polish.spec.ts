import { expect, test, type APIRequestContext } from "@playwright/test";
import { as, demoProjectId } from "../api/helpers";
import { annotateAs, assignedArticle, codePointSpan } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";
import { overflowing } from "./overflow";

// What a new user tripped over: saves without a result, a stale import list, panels that spill,
// misleading agreement charts, a deactivation without confirmation, a missing favicon.

const article = (title: string) =>
  [`${title} ${Date.now()}`, "", "The minister said the talks were a success.", "Trade grew by 12 percent last year.", "Analysts expect more deals soon."].join("\n");

test.describe("as the manager", () => {
  test.use({ storageState: storageStateOf("manager") });

  test("saving the label schema confirms every save, after the editor reloads", async ({ page, request }) => {
    await page.goto(`/projects/${await demoProjectId(request)}/settings`);
    const editor = page.getByTestId("label-schema-editor");
    const label = editor.getByLabel("Label", { exact: true }).first();
    // The form fills its fields once hydrated; read the stored label only then.
    await expect(label).not.toHaveValue("");
    const original = await label.inputValue();
    const saves: string[] = [];
    for (const value of [`${original} (edited)`, original]) {
      await label.fill(value);
      await editor.getByRole("button", { name: "Save label schema" }).click();
      const status = editor.getByRole("status");
      await expect(status).toContainText(/Label schema saved \(version \d+\)/);
      await expect(label).toHaveValue(value);
      saves.push((await status.textContent()) ?? "");
    }
    expect(saves[1]).not.toBe(saves[0]);
  });

  test("Recent imports shows a finished import as done without a reload", async ({ page, request }) => {
    await page.goto(`/projects/${await demoProjectId(request)}/import`);
    await page.getByTestId("file-input").setInputFiles([{ name: "recent.txt", mimeType: "text/plain", buffer: Buffer.from(article("Recent imports headline")) }]);
    await page.getByRole("button", { name: "Import 1 file" }).click();
    await expect(page).toHaveURL(/\/import\?task=/);
    const taskId = new URL(page.url()).searchParams.get("task")!;
    await expect(page.getByTestId("import-task")).toHaveAttribute("data-status", "DONE", { timeout: 30_000 });
    const row = page.getByTestId("recent-imports").locator(`tr[data-task="${taskId}"]`);
    await expect(row).toContainText("done");
    await expect(row).toContainText("1/1");
  });

  test("the document page's Assignments panel fits its column at 1440 px", async ({ page, request }) => {
    const { projectId, documentId } = await assignedArticle(request, article("Assignments panel headline"));
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/projects/${projectId}/documents/${documentId}`);
    const panel = page.getByTestId("assignments-panel");
    await expect(panel.getByTestId("assignment-row")).toHaveCount(3);
    await expect(panel.getByRole("button", { name: "Remove" })).toHaveCount(3);
    expect(await overflowing(page, '[data-testid="assignments-panel"]')).toEqual([]);
  });
});

async function reviewedArticle(request: APIRequestContext) {
  const text = article("Layout headline");
  const cp = (needle: string) => codePointSpan(text, needle);
  const { projectId, documentId } = await assignedArticle(request, text);
  await annotateAs(request, "annotator1", documentId, { type: "CLAIM", ...cp("Trade grew by 12 percent last year."), attributes: { checkworthy: "yes" } });
  await annotateAs(request, "annotator2", documentId, { type: "CLAIM", ...cp("Trade grew by 12 percent last year."), attributes: { checkworthy: "no" } });
  await annotateAs(request, "annotator1", documentId, { type: "EDITORIAL", ...cp("The minister said"), attributes: { kind: "editor-aside" } });
  const started = await request.post(`/api/v1/documents/${documentId}/review/start`, { headers: as("reviewer"), data: {} });
  expect(started.status(), "start review").toBe(200);
  return { projectId, documentId };
}

test.describe("as the reviewer", () => {
  test.use({ storageState: storageStateOf("reviewer") });

  for (const width of [1280, 1920]) {
    test(`nothing sticks out of a panel on the review and document pages at ${width} px`, async ({ page, request }) => {
      const { projectId, documentId } = await reviewedArticle(request);
      await page.setViewportSize({ width, height: 1000 });
      await page.goto(`/projects/${projectId}/documents/${documentId}/review`);
      await expect(page.getByTestId("match-panel")).toBeVisible();
      expect(await overflowing(page, ".panel, aside, main")).toEqual([]);
      await page.goto(`/projects/${projectId}/documents/${documentId}`);
      await expect(page.getByTestId("assignments-panel")).toBeVisible();
      expect(await overflowing(page, ".panel, aside, main")).toEqual([]);
    });
  }

  test("a match one annotator left out says who, not 'differs in missing'", async ({ page, request }) => {
    const { projectId, documentId } = await reviewedArticle(request);
    await page.goto(`/projects/${projectId}/documents/${documentId}/review`);
    await page.getByTestId("review-text").locator("[data-match^='EDITORIAL:']").first().click();
    const panel = page.getByTestId("match-panel");
    await expect(panel).toHaveAttribute("data-match", /^EDITORIAL:/);
    await expect(panel).toContainText("not marked by Boris Annotator");
    await expect(page.getByText(/differs in missing/)).toHaveCount(0);
  });

  test("agreement charts: zero bars are drawn, axis ticks are round, kappa on one sentence is not defined", async ({ page, request }) => {
    test.setTimeout(120_000);
    const text = article("Agreement charts headline");
    const cp = (needle: string) => codePointSpan(text, needle);
    const { projectId, documentId } = await assignedArticle(request, text);
    // Same claim, different checkworthy (an alpha unit); editorial spans that never meet (F1 = 0);
    // one sentence labelled differently by both (kappa over n = 1).
    for (const [role, checkworthy, editorial] of [["annotator1", "yes", "The minister said"], ["annotator2", "no", "Analysts expect"]] as const) {
      await annotateAs(request, role, documentId, { type: "CLAIM", ...cp("Trade grew by 12 percent last year."), attributes: { checkworthy } });
      await annotateAs(request, role, documentId, { type: "EDITORIAL", ...cp(editorial), attributes: { kind: "editor-aside" } });
      await annotateAs(request, role, documentId, { sentenceIndex: 1, labels: { checkworthy } });
    }
    await page.goto(`/projects/${projectId}/agreement?documentId=${documentId}`);
    // One document's figures are computed live (no background run to wait for).
    await expect(page.getByTestId("kappa-matrix")).toBeVisible({ timeout: 60_000 });

    // CLAIM exact and overlap F1 = 1, EDITORIAL both 0: four bars, none of them empty.
    const bars = page.getByTestId("f1-chart").locator("path.recharts-rectangle");
    await expect(bars).toHaveCount(4);
    // Recharts draws tick labels in their own layer, outside the axis group: take the numeric ones.
    const ticks = page.getByTestId("alpha-chart").locator(".recharts-cartesian-axis-tick-value");
    const numericTicks = async () => (await ticks.allTextContents()).filter((t) => /^-?\d/.test(t.trim())).map((t) => t.trim());
    await expect.poll(numericTicks).toEqual(["-1.0", "-0.5", "0.0", "0.5", "1.0"]);
    const cell = page.getByTestId("kappa-matrix").locator("td[data-kappa]").first();
    await expect(cell).toContainText("not defined");
    await expect(cell).toContainText("(n=1)");
  });
});

test.describe("as the admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("deactivating a user asks first; cancelling changes nothing", async ({ page, request }) => {
    const email = `deactivate-${Date.now()}@example.com`;
    const created = await request.post("/api/v1/users", { headers: as("admin"), data: { email, name: "Deactivate Me", password: "long-enough-1" } });
    expect(created.status()).toBe(201);
    await page.goto("/admin/users");
    const row = page.getByTestId("users-table").locator("tr", { hasText: email });
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void (dialogs.length === 1 ? dialog.dismiss() : dialog.accept());
    });
    await row.getByRole("button", { name: "Deactivate" }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain(email);
    await page.reload();
    await expect(row).toContainText("active");
    await expect(row).not.toContainText("deactivated");
    await row.getByRole("button", { name: "Deactivate" }).click();
    await expect(row).toContainText("deactivated");
    expect(dialogs).toHaveLength(2);
  });

  test("/favicon.ico is served, so no page logs a 404", async ({ page, request }) => {
    const icon = await request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/image\//);
    const missing: string[] = [];
    page.on("response", (res) => {
      if (res.status() === 404) missing.push(res.url());
    });
    await page.goto("/projects");
    await page.waitForLoadState("networkidle");
    expect(missing).toEqual([]);
  });
});
