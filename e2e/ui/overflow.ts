import type { Page } from "@playwright/test";

/**
 * Elements that stick out of their panel horizontally (the panels matched by `selector`), plus the
 * page itself when it scrolls sideways. Content inside a scrolling or clipping box of the panel
 * (a wide table in an overflow:auto wrapper) and chart SVG internals are not overflow.
 */
export async function overflowing(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const found: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("data-testid") ? `[data-testid=${el.getAttribute("data-testid")}]` : ""}` +
      ` "${(el.textContent ?? "").trim().slice(0, 40)}"`;
    if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px > ${window.innerWidth}px`);
    for (const panel of Array.from(document.querySelectorAll(sel))) {
      const box = panel.getBoundingClientRect();
      if (box.width === 0) continue;
      for (const el of Array.from(panel.querySelectorAll("*"))) {
        if (el.closest("svg") || el.tagName === "OPTION") continue;
        let clipped = false;
        for (let p = el.parentElement; p && p !== panel; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== "visible") {
            clipped = true;
            break;
          }
        }
        if (clipped) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.right > box.right + 1 || r.left < box.left - 1) found.push(`${name(el)} sticks out of ${name(panel).slice(0, 60)} by ${Math.round(Math.max(r.right - box.right, box.left - r.left))}px`);
      }
    }
    return found;
  }, selector);
}
