import { expect, test, type Page } from "@playwright/test";
import { as } from "../api/helpers";
import { annotateAs, assignedArticle, codePointSpan } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";
import { openAnnotator, selectText } from "./annotator-helpers";

test.use({ storageState: storageStateOf("annotator1") });

/** Selecting words with the mouse takes the focus out of the span form's first field; so does this. */
async function selectWords(page: Page, needle: string) {
  await selectText(page, 0, needle);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test("cuts a gap out of a quote by keyboard (g), undoes and redoes it, and shows it unhighlighted after a reload", async ({ page, request }) => {
  const text = `For this reason, she added, he is satisfied with the deal. Gaps e2e ${stamp()}.`;
  const { projectId, documentId } = await assignedArticle(request, text);
  const quote = await annotateAs(request, "annotator1", documentId, {
    type: "QUOTE", ...codePointSpan(text, "For this reason, she added, he is satisfied with the deal"), attributes: { form: "direct", speaker: { name: "Anna Gaps" } },
  });
  const gap = codePointSpan(text, "she added,");
  const storedGaps = async () => {
    const res = await request.get(`/api/v1/documents/${documentId}/annotations?layer=mine`, { headers: as("annotator1") });
    return ((await res.json()) as { items: { id: string; gaps?: unknown }[] }).items.find((a) => a.id === quote.id)?.gaps ?? null;
  };
  const piece = (start: number) => page.locator(`[data-sentence="0"] [data-cp="${start}"]`);
  await openAnnotator(page, `/projects/${projectId}/documents/${documentId}/annotate`);

  // g with nothing selected says what to do.
  await page.keyboard.press("g");
  await expect(page.getByTestId("annotator-notice")).toHaveText("Select a span first (] / [ or a click), then the words to leave out.");
  // Select the quote (]), then the words to leave out, then g.
  await page.keyboard.press("]");
  await expect(page.getByTestId("span-form")).toBeVisible();
  await selectWords(page, "she added,");
  await page.keyboard.press("g");
  await expect(page.getByTestId("annotator-notice")).toHaveText("Gap cut: “she added,” left out of the span (Ctrl+Z to undo).");
  await expect.poll(storedGaps).toEqual([gap]);
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-state", "saved");
  // The gap is its own piece, covered by no span; the fragments on either side are the quote's.
  await expect(piece(gap.start)).not.toHaveAttribute("data-ids", /./u);
  await expect(piece(0)).toHaveAttribute("data-ids", quote.id);
  await expect(piece(gap.end)).toHaveAttribute("data-ids", quote.id);

  // Undo joins the fragments again (on the server too); redo cuts the gap again.
  await page.keyboard.press("Control+z");
  await expect.poll(storedGaps).toBeNull();
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-state", "saved");
  await expect(piece(gap.start)).toHaveCount(0);
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(storedGaps).toEqual([gap]);
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-state", "saved");

  await page.reload();
  await expect(page.getByTestId("annotator")).toHaveAttribute("data-ready", "true");
  await expect(piece(gap.start)).toBeVisible();
  await expect(piece(gap.start)).not.toHaveAttribute("data-ids", /./u);
  await expect(piece(gap.start)).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
  await expect(piece(0)).toHaveAttribute("data-ids", quote.id);
  await expect(piece(0)).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
  await page.screenshot({ path: test.info().outputPath("annotator-gap.png") });

  // A gap must lie inside the span: selecting past its end is refused with a clear message.
  await page.keyboard.press("]");
  await expect(page.getByTestId("span-form")).toBeVisible();
  await selectWords(page, "the deal.");
  await page.keyboard.press("g");
  await expect(page.getByTestId("annotator-notice")).toContainText("must end inside the span");
  await expect.poll(storedGaps).toEqual([gap]);
});

test("the annotation API refuses a gap outside the span with 400 naming the field", async ({ request }) => {
  const text = `He said, she noted, that it works. Gaps API e2e ${stamp()}.`;
  const { documentId } = await assignedArticle(request, text);
  const span = codePointSpan(text, "He said, she noted, that it works");
  const res = await request.post(`/api/v1/documents/${documentId}/annotations`, {
    headers: as("annotator1"),
    data: { type: "CLAIM", ...span, gaps: [{ start: span.start + 3, end: span.end + 2 }], attributes: { checkworthy: "no" } },
  });
  expect(res.status()).toBe(400);
  const body = (await res.json()) as { error: { code: string; message: string; fields: Record<string, string[]> } };
  expect(body.error.code).toBe("validation_failed");
  expect(Object.keys(body.error.fields)).toEqual(["gaps.0.end"]);
  expect(body.error.message).toBe(`Invalid input — gaps.0.end: Gap 0 must end inside the span, before its end ${span.end} (got ${span.end + 2})`);
});

test("the span list shows a gapped span's fragments joined with an ellipsis, not the words left out", async ({ page, request }) => {
  const text = `For this reason, she added, he is satisfied with the deal. List e2e ${stamp()}.`;
  const { projectId, documentId } = await assignedArticle(request, text);
  const quote = await annotateAs(request, "annotator1", documentId, {
    type: "QUOTE",
    ...codePointSpan(text, "For this reason, she added, he is satisfied with the deal"),
    gaps: [codePointSpan(text, "she added,")],
    attributes: { form: "direct", speaker: { name: "Anna Gaps" } },
  });
  await openAnnotator(page, `/projects/${projectId}/documents/${documentId}/annotate`);
  const entry = page.getByTestId("annotation-list").locator(`[data-annotation="${quote.id}"]`);
  await expect(entry).toContainText("QUOTE For this reason, … he is satisfied with the deal");
  await expect(entry).not.toContainText("she added");
});
