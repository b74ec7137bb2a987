import { expect, test, type Page } from "@playwright/test";
import { as } from "../api/helpers";
import { assignedArticle, codePointSpan } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";

test.use({ storageState: storageStateOf("annotator1") });

/** Selects `needle` in the rendered text, across as many chunk rows of sentence 0 as it runs over. */
async function selectAcrossRows(page: Page, needle: string) {
  await page.evaluate((needle) => {
    const nodes: Text[] = [];
    for (const piece of document.querySelectorAll('[data-sentence="0"] [data-cp]')) {
      const walker = document.createTreeWalker(piece, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    }
    const whole = nodes.map((n) => n.data).join("");
    const at = whole.indexOf(needle);
    if (at < 0) throw new Error(`"${needle}" is not rendered`);
    const locate = (offset: number, isEnd: boolean): [Text, number] => {
      let seen = 0;
      for (const n of nodes) {
        if (offset < seen + n.data.length || (isEnd && offset === seen + n.data.length)) return [n, offset - seen];
        seen += n.data.length;
      }
      throw new Error("offset past the rendered text");
    };
    const range = document.createRange();
    range.setStart(...locate(at, false));
    range.setEnd(...locate(at + needle.length, true));
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  }, needle);
  await page.getByTestId("annotator-text").dispatchEvent("mouseup");
}

async function claimSelection(page: Page) {
  await page.keyboard.press("c");
  await expect(page.getByTestId("span-form")).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("span-form")).toHaveCount(0);
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
}

test("a ~1 MB sentence is shown as chunk rows; selections in and across later chunks get code-point offsets", async ({ page, request }) => {
  test.setTimeout(180_000);
  const id = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  // No sentence break anywhere: words, with an emoji every 40 words so code points ≠ UTF-16 units.
  const words = Array.from({ length: 195_000 }, (_, k) => (k % 40 === 0 ? "😀" : `w${k % 997}`));
  words[1200] = `needle${id}`;
  words[1201] = "inside";
  const text = `${words.join(" ")} end${id}`;
  expect(text.length).toBeGreaterThan(900_000);
  const { projectId, documentId } = await assignedArticle(request, text);

  await page.goto(`/projects/${projectId}/documents/${documentId}/annotate`);
  await expect(page.getByTestId("annotator")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  const rows = page.locator('[data-sentence="0"]');
  expect(await rows.count()).toBeGreaterThan(3);
  await expect(rows.first()).toHaveAttribute("data-part", "0");
  expect(Number(await rows.first().getAttribute("data-row-end"))).toBeLessThanOrEqual(2000);

  // A selection inside a later chunk row.
  const needle = `needle${id} inside`;
  await selectAcrossRows(page, needle);
  await claimSelection(page);

  // A selection running over the boundary between two chunk rows.
  const second = rows.nth(2);
  const boundary = Number(await second.getAttribute("data-row-start"));
  const before = [...text].slice(boundary - 12, boundary).join("");
  const after = [...text].slice(boundary, boundary + 12).join("");
  await selectAcrossRows(page, before + after);
  await claimSelection(page);

  const res = await request.get(`/api/v1/documents/${documentId}/annotations?layer=mine`, { headers: as("annotator1") });
  const spans = ((await res.json()) as { items: { type: string; start: number; end: number }[] }).items.filter((a) => a.type === "CLAIM");
  const expected = [codePointSpan(text, needle), { start: boundary - 12, end: boundary + 12 }].sort((x, y) => x.start - y.start);
  expect(spans.map((s) => ({ start: s.start, end: s.end })).sort((x, y) => x.start - y.start)).toEqual(
    // Selections are trimmed of white space at their ends, like any selection.
    expected.map((r) => ({ start: r.start + ([...text][r.start] === " " ? 1 : 0), end: r.end - ([...text][r.end - 1] === " " ? 1 : 0) })),
  );
  await expect(page.locator('[data-sentence="0"] [data-ids]').first()).toBeVisible();

  // The end of the sentence is reachable: scroll to the bottom and see its last chunk row.
  await page.getByTestId("annotator-text").evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.getByTestId("annotator-text")).toContainText(`end${id}`);
});
