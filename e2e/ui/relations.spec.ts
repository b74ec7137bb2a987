import { expect, test } from "@playwright/test";
import { as } from "../api/helpers";
import { annotateAs, assignedArticle, codePointSpan, submitAs } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";
import { openAnnotator } from "./annotator-helpers";

test.use({ storageState: storageStateOf("annotator1") });

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test("links two spans by keyboard (r, ] , digit), sees the link after a reload, deletes it", async ({ page, request }) => {
  const text = `The minister said the sanctions failed. Later he repeated that the sanctions failed. Relations e2e ${stamp()}.`;
  const { projectId, documentId } = await assignedArticle(request, text);
  const claim = (needle: string) => annotateAs(request, "annotator1", documentId, { type: "CLAIM", ...codePointSpan(text, needle), attributes: { checkworthy: "yes" } });
  const first = await claim("the sanctions failed");
  const second = await claim("he repeated that the sanctions failed");
  await openAnnotator(page, `/projects/${projectId}/documents/${documentId}/annotate`);

  // Select the repeated claim (second sentence: j, then ]), start linking with r.
  await page.keyboard.press("j");
  await page.keyboard.press("]");
  await expect(page.getByTestId("span-form")).toBeVisible();
  await expect(page.getByTestId("relation-panel")).toContainText("No relations yet.");
  await page.keyboard.press("r");
  await expect(page.getByTestId("relation-linking")).toBeVisible();
  // A digit before picking the other end says what is missing.
  await page.keyboard.press("2");
  await expect(page.getByTestId("annotator-notice")).toHaveText("Pick the other span first: ] / [ or a click.");
  await page.keyboard.press("]");
  await expect(page.getByTestId("relation-target")).toHaveText("“the sanctions failed”");
  await page.keyboard.press("2"); // same-claim
  await expect(page.getByTestId("annotator-notice")).toHaveText("Relation saved: same-claim.");
  const item = page.getByTestId("relation-item");
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute("data-direction", "out");
  await expect(item).toContainText("Same claim to “the sanctions failed”");
  await page.screenshot({ path: test.info().outputPath("annotator-relations.png") });

  const stored = await request.get(`/api/v1/documents/${documentId}/relations`, { headers: as("annotator1") });
  expect(((await stored.json()) as { items: unknown[] }).items).toEqual([expect.objectContaining({ type: "same-claim", fromId: second.id, toId: first.id, version: 1 })]);

  // After a reload the first claim lists the link as incoming.
  await page.reload();
  await expect(page.getByTestId("annotator")).toHaveAttribute("data-ready", "true");
  await page.keyboard.press("]");
  await expect(page.getByTestId("span-form")).toBeVisible();
  await expect(item).toHaveAttribute("data-direction", "in");
  await expect(item).toContainText("Same claim from “he repeated that the sanctions failed”");

  // Esc while linking cancels without saving; Delete removes the link.
  await page.keyboard.press("r");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("relation-linking")).toHaveCount(0);
  await page.getByRole("button", { name: "Delete the Same claim relation" }).click();
  await expect(page.getByTestId("annotator-notice")).toHaveText("Relation deleted.");
  await expect(item).toHaveCount(0);
  const after = await request.get(`/api/v1/documents/${documentId}/relations`, { headers: as("annotator1") });
  expect(((await after.json()) as { items: unknown[] }).items).toEqual([]);
});

test("the relation API refuses bad input over HTTP with precise errors", async ({ request }) => {
  const text = `One claim here. Another claim there. Relations API e2e ${stamp()}.`;
  const { documentId } = await assignedArticle(request, text);
  const a = await annotateAs(request, "annotator1", documentId, { type: "CLAIM", ...codePointSpan(text, "One claim"), attributes: { checkworthy: "no" } });
  const b = await annotateAs(request, "annotator2", documentId, { type: "CLAIM", ...codePointSpan(text, "Another claim"), attributes: { checkworthy: "no" } });
  const post = (data: object) => request.post(`/api/v1/documents/${documentId}/relations`, { headers: as("annotator1"), data });
  const self = await post({ type: "same-claim", fromId: a.id, toId: a.id });
  expect(self.status()).toBe(400);
  expect(((await self.json()) as { error: { message: string } }).error.message).toBe("Invalid input — toId: A relation links two different spans; fromId and toId are the same annotation.");
  const other = await post({ type: "same-claim", fromId: a.id, toId: b.id });
  expect(other.status()).toBe(404);
  const unknown = await post({ type: "quotes", fromId: a.id, toId: b.id });
  expect(unknown.status()).toBe(400);
  expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
  expect((await request.patch("/api/v1/relations/%00", { headers: as("annotator1"), data: { version: 1 } })).status()).toBe(404);
});

test("the reviewer sees relation matches, pre-accepted when agreed, and rejects one into the gold layer", async ({ browser, request }) => {
  const text = `The minister said the sanctions failed. Later he repeated that the sanctions failed. Relations review e2e ${stamp()}.`;
  const { projectId, documentId } = await assignedArticle(request, text);
  for (const role of ["annotator1", "annotator2"] as const) {
    const claim = (needle: string) => annotateAs(request, role, documentId, { type: "CLAIM", ...codePointSpan(text, needle), attributes: { checkworthy: "yes" } });
    const [first, second] = [await claim("the sanctions failed"), await claim("he repeated that the sanctions failed")];
    const linked = await request.post(`/api/v1/documents/${documentId}/relations`, { headers: as(role), data: { type: "same-claim", fromId: second.id, toId: first.id } });
    expect(linked.status()).toBe(201);
    await submitAs(request, role, documentId);
  }
  const reviewer = await (await browser.newContext({ storageState: storageStateOf("reviewer") })).newPage();
  await reviewer.goto(`/projects/${projectId}/documents/${documentId}/review`);
  await expect(reviewer.getByTestId("review")).toHaveAttribute("data-ready", "true");
  await reviewer.getByRole("button", { name: /start review/i }).click();
  const match = reviewer.getByTestId("relation-match");
  await expect(match).toHaveCount(1);
  await expect(match).toHaveAttribute("data-agreed", "true");
  await expect(match).toContainText("same-claim CLAIM “he repeated that the sanctions failed” → CLAIM “the sanctions failed”");
  await expect(match).toContainText("pre-accepted · in gold");
  await reviewer.screenshot({ path: test.info().outputPath("review-relations.png"), fullPage: true });
  await match.getByRole("button", { name: "Reject" }).click();
  await expect(reviewer.getByTestId("relation-review").getByRole("status")).toHaveText("Rejected: no gold same-claim link.");
  await expect(match).toContainText("rejected");
  await expect(match).not.toContainText("in gold");
  const gold = await request.get(`/api/v1/documents/${documentId}/relations?layer=gold`, { headers: as("reviewer") });
  expect(((await gold.json()) as { items: unknown[] }).items).toEqual([]);
});
