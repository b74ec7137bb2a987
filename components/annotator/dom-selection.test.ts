import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { domPointOffset } from "./dom-selection";

// Two rendered rows as the annotator draws them: pieces carry their code-point bounds.
const { document } = parseHTML(`<div id="text">
<div data-row="0" data-row-start="0" data-row-end="9"><span class="num">1</span><span id="t0"><span data-cp="0" data-cpe="4">a😀bc</span><span data-cp="4" data-cpe="9"> said</span></span><span id="badge">check-worthy</span></div>
<div data-row="1" data-row-start="11" data-row-end="16"><span class="num">2</span><span id="t1"><span data-cp="11" data-cpe="16">Next.</span></span></div>
</div>`);

const piece = (cp: number) => document.querySelector(`[data-cp="${cp}"]`)!;

describe("domPointOffset", () => {
  it("maps a point in a piece's text node through its code-point start (emoji = one code point)", () => {
    expect(domPointOffset(piece(0).firstChild!, 3)).toBe(2);
    expect(domPointOffset(piece(4).firstChild!, 1)).toBe(5);
    expect(domPointOffset(piece(11).firstChild!, 5)).toBe(16);
  });

  it("a point on a piece element is its start (offset 0) or its end", () => {
    expect(domPointOffset(piece(4), 0)).toBe(4);
    expect(domPointOffset(piece(4), 1)).toBe(9);
  });

  it("a point between pieces takes the next piece's start", () => {
    expect(domPointOffset(document.getElementById("t0")!, 1)).toBe(4);
    expect(domPointOffset(document.getElementById("t1")!, 0)).toBe(11);
  });

  it("a point in the row number or a badge falls back to the row's start or end", () => {
    const badge = document.getElementById("badge")!;
    expect(domPointOffset(badge.firstChild!, 4)).toBe(9);
    expect(domPointOffset(badge, 1)).toBe(9);
    const number = document.querySelector(".num")!;
    expect(domPointOffset(number.firstChild!, 1)).toBe(0);
  });

  it("a point before the whole text is the first piece's start; an element with no text has no offset", () => {
    expect(domPointOffset(document.getElementById("text")!, 0)).toBe(0);
    expect(domPointOffset(document.createElement("p"), 0)).toBeNull();
    const text = document.getElementById("text")!;
    expect(domPointOffset(text, text.childNodes.length)).toBe(16);
  });
});
