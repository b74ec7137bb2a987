import { expect, test, type APIRequestContext } from "@playwright/test";
import { as } from "../api/helpers";
import { annotateAs, assignedArticle, codePointSpan } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";
import { openAnnotator } from "./annotator-helpers";

test.use({ storageState: storageStateOf("annotator1") });

type Relation = { id: string; type: string; fromId: string; toId: string };

async function relationsOf(request: APIRequestContext, documentId: string): Promise<Omit<Relation, "id">[]> {
  const res = await request.get(`/api/v1/documents/${documentId}/relations`, { headers: as("annotator1") });
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { items: Relation[] }).items.map(({ type, fromId, toId }) => ({ type, fromId, toId }));
}

// Deleting a span deletes its relations on the server; undoing the deletion brings both back.
test("undoing a span's deletion restores its relations, and says so when that fails", async ({ page, request }) => {
  const text = `The minister said the sanctions failed. Later he repeated that the sanctions failed. Undo e2e ${Date.now()}.`;
  const { projectId, documentId } = await assignedArticle(request, text);
  const claim = (needle: string) => annotateAs(request, "annotator1", documentId, { type: "CLAIM", ...codePointSpan(text, needle), attributes: { checkworthy: "yes" } });
  const first = await claim("the sanctions failed");
  const second = await claim("he repeated that the sanctions failed");
  const linked = await request.post(`/api/v1/documents/${documentId}/relations`, { headers: as("annotator1"), data: { type: "same-claim", fromId: second.id, toId: first.id } });
  expect(linked.status()).toBe(201);
  const link = { type: "same-claim", fromId: second.id, toId: first.id };

  await openAnnotator(page, `/projects/${projectId}/documents/${documentId}/annotate`);
  const notice = page.getByTestId("annotator-notice");
  const item = page.getByTestId("relation-item");
  const deleteSecond = async () => {
    await page.locator(`[data-annotation="${second.id}"]`).click();
    await expect(page.getByTestId("span-form")).toBeVisible();
    await expect(item).toHaveCount(1);
    await page.getByRole("button", { name: "Delete (Del)" }).click();
    await expect(notice).toHaveText("Span deleted (Ctrl+Z to undo).");
    await expect.poll(() => relationsOf(request, documentId)).toEqual([]);
  };

  await deleteSecond();
  await page.keyboard.press("Control+z");
  await expect(notice).toHaveText("Relation restored: same-claim.");
  await expect.poll(() => relationsOf(request, documentId)).toEqual([link]);
  await page.locator(`[data-annotation="${second.id}"]`).click();
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Same claim to “the sanctions failed”");
  await page.keyboard.press("Escape");

  // Bad input: the server refuses the relation (here: forced); the notice says why, nothing is invented.
  await deleteSecond();
  await page.route(`**/api/v1/documents/${documentId}/relations`, (route) =>
    route.request().method() === "POST"
      ? route.fulfill({ status: 409, contentType: "application/json", body: JSON.stringify({ error: { code: "conflict", message: "That relation exists already." } }) })
      : route.continue(),
  );
  await page.keyboard.press("Control+z");
  await expect(notice).toHaveText("That relation exists already.");
  await expect(page.locator(`[data-annotation="${second.id}"]`)).toBeVisible();
  expect(await relationsOf(request, documentId)).toEqual([]);
});
