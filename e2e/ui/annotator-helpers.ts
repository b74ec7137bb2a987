import { expect, type Page } from "@playwright/test";

export async function openAnnotator(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId("annotator")).toHaveAttribute("data-ready", "true");
}

/**
 * Selects `needle` inside sentence `sentence` with a real DOM selection, between a mouse-down and
 * a mouse-up on the text as a user's drag has them (the page holds the sentence's DOM in between).
 */
export async function selectText(page: Page, sentence: number, needle: string) {
  await page.getByTestId("annotator-text").dispatchEvent("mousedown");
  await page.evaluate(
    ({ sentence, needle }) => {
      // The needle may run over several pieces (spans and suggestions split the text): walk the
      // text nodes of the sentence's pieces and map the needle's start and end onto them.
      const row = document.querySelector(`[data-sentence="${sentence}"]`)!;
      const nodes: Text[] = [];
      for (const piece of row.querySelectorAll("[data-cp]")) {
        const walker = document.createTreeWalker(piece, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      }
      const whole = nodes.map((n) => n.data).join("");
      const at = whole.indexOf(needle);
      if (at < 0) throw new Error(`"${needle}" not found in sentence ${sentence}`);
      const locate = (offset: number, isEnd: boolean): [Text, number] => {
        let seen = 0;
        for (const n of nodes) {
          if (offset < seen + n.data.length || (isEnd && offset === seen + n.data.length)) return [n, offset - seen];
          seen += n.data.length;
        }
        const last = nodes[nodes.length - 1]!;
        return [last, last.data.length];
      };
      const range = document.createRange();
      range.setStart(...locate(at, false));
      range.setEnd(...locate(at + needle.length, true));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { sentence, needle },
  );
  await page.getByTestId("annotator-text").dispatchEvent("mouseup");
}

/** Pairs of rendered text rows whose boxes overlap vertically (virtualised rows must stack). */
export async function overlappingRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll("[data-testid=annotator-text] [data-row]")]
      .map((el) => el.getBoundingClientRect())
      .sort((a, b) => a.top - b.top);
    let overlaps = 0;
    for (let i = 1; i < boxes.length; i++) if (boxes[i]!.top < boxes[i - 1]!.bottom - 1) overlaps++;
    return overlaps;
  });
}

/** Elements inside `testId` whose right edge passes the panel's inner right edge. */
export async function overflowingIn(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).evaluate((panel) => {
    const limit = panel.getBoundingClientRect().right - parseFloat(getComputedStyle(panel).borderRightWidth) + 0.5;
    const out: string[] = [];
    for (const el of panel.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > limit) out.push(`${el.tagName.toLowerCase()}${el.getAttribute("aria-label") ? `[${el.getAttribute("aria-label")}]` : ""} ${el.textContent?.slice(0, 30) ?? ""}`);
    }
    if (panel.scrollWidth > panel.clientWidth + 1) out.push(`panel scrolls sideways (${panel.scrollWidth} > ${panel.clientWidth})`);
    return out;
  });
}
