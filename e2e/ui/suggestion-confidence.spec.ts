import { expect, test, type APIRequestContext } from "@playwright/test";
import { as } from "../api/helpers";
import { assignedArticle } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";

type Suggestion = { id: string; type: string; rule: string; confidence: number };

// A new article per test: the same text twice in a project is a duplicate.
const text = (tag: string) => [
  `Confidence check ${tag} ${Date.now()}`,
  "",
  "Putin and Xi met on Tuesday (the meeting lasted three hours — Approx. InoSMI).",
  "Trade grew by 30 percent in 2023, a record.",
].join("\n");

async function suggestionsOf(request: APIRequestContext, documentId: string, role: "annotator1" | "manager" = "annotator1"): Promise<{ items: Suggestion[]; minConfidence: number }> {
  const res = await request.get(`/api/v1/documents/${documentId}/suggestions`, { headers: as(role) });
  expect(res.status()).toBe(200);
  return (await res.json()) as { items: Suggestion[]; minConfidence: number };
}

test.describe("as an annotator", () => {
  test.use({ storageState: storageStateOf("annotator1") });

  test("each suggestion shows its confidence in the panel and on the text", async ({ page, request }) => {
    const { projectId, documentId } = await assignedArticle(request, text("annotator"));
    await expect.poll(async () => (await suggestionsOf(request, documentId)).items.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const { items } = await suggestionsOf(request, documentId);
    const editorial = items.find((s) => s.type === "EDITORIAL")!;
    expect(editorial.confidence).toBeGreaterThan(0.9);

    await page.goto(`/projects/${projectId}/documents/${documentId}/annotate`);
    await expect(page.getByTestId("annotator")).toHaveAttribute("data-ready", "true");
    // Suggestions load once the page is up, not with it.
    await expect(page.getByTestId("suggestions")).toContainText(/\([1-9]\d* pending\)/);
    await page.keyboard.press("s");
    await expect(page.getByTestId("active-suggestion")).toHaveAttribute("data-suggestion", editorial.id);
    await expect(page.getByTestId("suggestion-confidence")).toHaveText(`${Math.round(editorial.confidence * 100)}%`);
    await expect(page.locator(`[title*="Suggested EDITORIAL · confidence ${Math.round(editorial.confidence * 100)}%"]`).first()).toBeAttached();
  });
});

test.describe("as a manager", () => {
  test.use({ storageState: storageStateOf("manager") });

  test("the suggestion threshold is validated and hides less confident suggestions", async ({ page, request }) => {
    // A project of its own: a threshold set on the shared demo project would hide suggestions from
    // the specs running beside this one (and a settings form saved there meanwhile would undo ours).
    const project = await request.post("/api/v1/projects", { headers: as("admin"), data: { name: `Threshold ${Date.now()}` } });
    expect(project.status()).toBe(201);
    const projectId = ((await project.json()) as { id: string }).id;
    const member = await request.post(`/api/v1/projects/${projectId}/members`, { headers: as("admin"), data: { email: "manager@example.com", roles: ["MANAGER"] } });
    expect(member.status()).toBe(201);
    const imported = await request.post(`/api/v1/projects/${projectId}/documents`, { headers: as("manager"), data: { text: text("threshold") } });
    expect(imported.status()).toBe(201);
    const documentId = ((await imported.json()) as { results: { id: string }[] }).results[0]!.id;
    const suggestions = () => suggestionsOf(request, documentId, "manager");
    await expect.poll(async () => (await suggestions()).items.some((s) => s.rule.startsWith("claim.")), { timeout: 30_000 }).toBe(true);
    await page.goto(`/projects/${projectId}/settings`);
    const field = page.getByLabel("Suggestion threshold (0–1)");
    const saveButton = page.getByRole("button", { name: "Save settings" });
    // The fields stay disabled until the form has hydrated, so fill waits for them.
    const saveThreshold = async (value: string, expected: number) => {
      await field.fill(value);
      await saveButton.click();
      await expect(page.getByText("Settings saved.")).toBeVisible();
      await expect.poll(async () => (await suggestions()).minConfidence).toBe(expected);
    };
    for (const bad of ["1.5", "-1", ""]) {
      await field.fill(bad);
      await saveButton.click();
      await expect(page.locator("#settings-threshold-error")).toContainText("between 0 and 1");
    }
    await saveThreshold("0.9", 0.9);
    const shown = await suggestions();
    expect(shown.items.some((s) => s.rule.startsWith("claim."))).toBe(false);
    expect(shown.items.some((s) => s.type === "EDITORIAL")).toBe(true);
    // Lowering it again shows everything.
    await page.goto(`/projects/${projectId}/settings`);
    await saveThreshold("0", 0);
    expect((await suggestions()).items.some((s) => s.rule.startsWith("claim."))).toBe(true);
  });

  test("an external suggester pointing at a metadata address or with a bad name is refused with the reason", async ({ page, request }) => {
    const { projectId } = await assignedArticle(request, text("external"));
    await page.goto(`/projects/${projectId}/suggestions`);
    const form = page.getByTestId("external-suggester-form");
    await form.getByLabel("Name").fill("bad name!");
    await form.getByLabel("Base URL").fill("http://169.254.169.254/latest");
    await form.getByRole("button", { name: "Add suggester" }).click();
    await expect(page.locator("#ext-name-error")).toContainText("Letters, digits");
    await form.getByLabel("Name").fill("metadata");
    await form.getByRole("button", { name: "Add suggester" }).click();
    await expect(page.locator("#ext-url-error")).toContainText("169.254.169.254 is a link-local, metadata or reserved address");
    const listed = await request.get(`/api/v1/projects/${projectId}/suggesters`, { headers: as("manager") });
    expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);
  });
});
