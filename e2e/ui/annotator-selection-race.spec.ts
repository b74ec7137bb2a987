import { expect, test, type Page } from "@playwright/test";
import { as } from "../api/helpers";
import { assignedArticle } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";
import { openAnnotator } from "./annotator-helpers";

test.use({ storageState: storageStateOf("annotator1") });

type Suggestion = { type: string; status: string; start: number; end: number };
type Annotation = { type: string; start: number | null; end: number | null };

/** Viewport points just inside the first and last character of `needle` in sentence `sentence`. */
async function pointsOf(page: Page, sentence: number, needle: string) {
  return page.evaluate(
    ({ sentence, needle }) => {
      const piece = [...document.querySelectorAll(`[data-sentence="${sentence}"] [data-cp]`)].find((el) => el.textContent?.includes(needle))!;
      const node = piece.firstChild as Text;
      const at = node.data.indexOf(needle);
      const box = (from: number) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, from + 1);
        return range.getBoundingClientRect();
      };
      const first = box(at);
      const last = box(at + needle.length - 1);
      return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
    },
    { sentence, needle },
  );
}

// The suggestions load after the page is up. When they land while the user drags a selection,
// the sentence is re-cut into pieces; the selection the drag began must survive that.
test("a mouse selection survives the suggestions arriving mid-drag", async ({ page, request }) => {
  const title = `Selection race ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const sentence = "Putin and Xi met on Tuesday (the meeting lasted three hours — Approx. InoSMI).";
  const { projectId, documentId } = await assignedArticle(request, [title, "", sentence].join("\n"));
  const sentenceStart = [...title].length + 2;
  const sentenceEnd = sentenceStart + [...sentence].length;
  const suggestions = async () => ((await (await request.get(`/api/v1/documents/${documentId}/suggestions`, { headers: as("annotator1") })).json()) as { items: Suggestion[] }).items;
  // A pending suggestion inside the sentence but not all of it: it cuts the sentence into pieces.
  await expect
    .poll(async () => (await suggestions()).some((s) => s.status === "PENDING" && s.start < sentenceEnd && s.end > sentenceStart && (s.start > sentenceStart || s.end < sentenceEnd)), { timeout: 30_000 })
    .toBe(true);

  let requested = false;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/v1/documents/${documentId}/suggestions`, async (route) => {
    requested = true;
    await released;
    await route.continue();
  });
  await openAnnotator(page, `/projects/${projectId}/documents/${documentId}/annotate`);
  await expect.poll(() => requested).toBe(true);
  await expect(page.getByTestId("suggestions")).toHaveCount(0);

  const needle = "and Xi met";
  const { from, to } = await pointsOf(page, 1, needle);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 4 });
  // The suggestions land mid-drag, and the mouse goes on moving before it is released.
  release();
  await expect(page.getByTestId("suggestions")).toContainText(/\([1-9]\d* pending\)/);
  await page.mouse.move(to.x - 1, to.y);
  await page.mouse.move(to.x, to.y);
  await page.mouse.up();

  // The span is exactly the dragged words, and the suggestions are drawn once the mouse is up.
  await page.keyboard.press("c");
  await expect(page.getByTestId("span-form")).toContainText(`“${needle}”`);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  const res = await request.get(`/api/v1/documents/${documentId}/annotations?layer=mine`, { headers: as("annotator1") });
  const spans = ((await res.json()) as { items: Annotation[] }).items.filter((a) => a.start !== null);
  const at = sentenceStart + sentence.indexOf(needle);
  expect(spans.map((a) => [a.type, a.start, a.end])).toEqual([["CLAIM", at, at + needle.length]]);
  await expect(page.locator('[data-sentence="1"] [data-sids]').first()).toBeVisible();
});
