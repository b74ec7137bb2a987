import { expect, test } from "@playwright/test";
import { annotateAs, assignedArticle } from "../api/workflow-helpers";
import { storageStateOf, type RoleName } from "../fixtures";

test.use({ storageState: storageStateOf("reviewer") });

// 10,000 creates through the API take longer than a test may on a shared machine, so the page
// is checked with 800 spans per annotator here; tests/integration/review-hostile.test.ts loads
// the review state of 5,000 per annotator.
const SENTENCES = 800;

test("the review page renders a document with hundreds of spans per annotator, virtualised", async ({ page, request }) => {
  test.setTimeout(600_000);
  const id = Date.now();
  const sentences = Array.from({ length: SENTENCES }, (_, k) => `Officials said partnership ${k} of ${id} is strong.`);
  const text = sentences.join(" ");
  const { projectId, documentId } = await assignedArticle(request, text);

  // One CLAIM per sentence from each annotator; annotator2 stops one character early on every
  // fifth sentence, so a fifth of the matches disagree on their boundaries.
  const starts: number[] = [];
  sentences.reduce((at, s) => (starts.push(at), at + s.length + 1), 0);
  const jobs = (["annotator1", "annotator2"] as RoleName[]).flatMap((role) =>
    sentences.map((s, k) => () => annotateAs(request, role, documentId, { type: "CLAIM", start: starts[k]!, end: starts[k]! + s.length - (role === "annotator2" && k % 5 === 0 ? 1 : 0), attributes: { checkworthy: "yes" } })),
  );
  // A few at a time: each create is a short transaction on the same document.
  for (let next = 0; next < jobs.length; next += 2) await Promise.all(jobs.slice(next, next + 2).map((job) => job()));

  await page.goto(`/projects/${projectId}/documents/${documentId}/review`);
  await expect(page.getByTestId("open-count")).toHaveText(String(SENTENCES / 5), { timeout: 60_000 });
  const text1 = page.getByTestId("review-text");
  await expect(text1.locator('[data-sentence="0"]')).toContainText(`Officials said partnership 0 of ${id} is strong`);
  // Virtualised: a screenful of rows is in the DOM, not 5,000.
  const rendered = await text1.locator("[data-sentence]").count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(200);
  await expect(text1.locator('[data-tone="open"]').first()).toBeVisible();
  await text1.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(text1).toContainText(`partnership ${SENTENCES - 1} of ${id}`);
});
