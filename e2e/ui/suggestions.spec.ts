import { expect, test, type APIRequestContext } from "@playwright/test";
import { as } from "../api/helpers";
import { assignedArticle } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";

test.use({ storageState: storageStateOf("annotator1") });

type Suggestion = { id: string; type: string; rule: string; status: string; start: number; end: number; text: string };

const TEXT = [
  `Talks in Beijing ${Date.now()}`,
  "",
  "Putin and Xi met on Tuesday (the meeting lasted three hours — Approx. InoSMI).",
  "“We are partners with Russia,” Xi Jinping said.",
  "Trade grew by 30 percent in 2023, a record.",
].join("\n");

async function suggestionsOf(request: APIRequestContext, documentId: string): Promise<Suggestion[]> {
  const res = await request.get(`/api/v1/documents/${documentId}/suggestions`, { headers: as("annotator1") });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: Suggestion[] }).items;
}

test("an imported article gets suggestions; the annotator accepts one and rejects another by keyboard", async ({ page, request }) => {
  const { projectId, documentId } = await assignedArticle(request, TEXT);
  // The suggestion run is a background job queued by the import.
  await expect.poll(async () => (await suggestionsOf(request, documentId)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  const before = await suggestionsOf(request, documentId);
  const editorial = before.find((s) => s.type === "EDITORIAL")!;
  expect(editorial).toMatchObject({ rule: "editorial.approx-outlet", text: "(the meeting lasted three hours — Approx. InoSMI)" });
  expect(before.find((s) => s.type === "QUOTE")?.text).toContain("We are partners with Russia");

  await page.goto(`/projects/${projectId}/documents/${documentId}/annotate`);
  await expect(page.getByTestId("annotator")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("suggestions")).toContainText(`${before.length} pending`);

  // s focuses the next suggestion (the editorial aside comes first), a accepts it.
  await page.keyboard.press("s");
  await expect(page.getByTestId("active-suggestion")).toHaveAttribute("data-suggestion", editorial.id);
  await page.keyboard.press("a");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  await expect(page.getByTestId("suggestions")).toContainText(`${before.length - 1} pending`);

  // The next one is rejected with x.
  await page.keyboard.press("s");
  const active = page.getByTestId("active-suggestion");
  await expect(active).toBeVisible();
  const rejectedId = await active.getAttribute("data-suggestion");
  expect(rejectedId).not.toBe(editorial.id);
  await page.keyboard.press("x");
  await expect(page.getByTestId("suggestions")).toContainText(`${before.length - 2} pending`);

  await expect.poll(async () => (await suggestionsOf(request, documentId)).find((s) => s.id === rejectedId)?.status).toBe("REJECTED");
  const after = await suggestionsOf(request, documentId);
  expect(after.find((s) => s.id === editorial.id)?.status).toBe("ACCEPTED");
  const mine = ((await (await request.get(`/api/v1/documents/${documentId}/annotations?layer=mine`, { headers: as("annotator1") })).json()) as {
    items: { type: string; origin: string; start: number; end: number; attributes: { kind?: string } }[];
  }).items;
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({ type: "EDITORIAL", origin: "suggestion:editorial.approx-outlet", start: editorial.start, end: editorial.end, attributes: { kind: "editor-aside" } });
});
