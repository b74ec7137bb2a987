"use client";
import { codePointOfDomPoint, orderedRange } from "@/lib/annotator/selection-offsets";

// Text pieces carry data-cp / data-cpe (their code-point start and end); a DOM point is mapped
// through the piece it falls in, so a selection may start and end in different sentences.

function pieceBounds(el: Element): { start: number; end: number } | null {
  const start = Number(el.getAttribute("data-cp"));
  const end = Number(el.getAttribute("data-cpe"));
  return Number.isFinite(start) && Number.isFinite(end) && el.hasAttribute("data-cp") ? { start, end } : null;
}

const TEXT_NODE = 3;

/** Code-point offset of a DOM point (node, offset) inside the rendered text; null outside it. */
export function domPointOffset(node: Node, offset: number): number | null {
  if (node.nodeType === TEXT_NODE) {
    const piece = node.parentElement?.closest("[data-cp]");
    const bounds = piece ? pieceBounds(piece) : null;
    if (bounds) return codePointOfDomPoint({ pieceStart: bounds.start, pieceText: node.textContent ?? "", utf16Offset: offset });
    node = node.parentElement ?? node;
    offset = 0;
  }
  const el = node as Element;
  const own = el.closest?.("[data-cp]");
  if (own) {
    const bounds = pieceBounds(own);
    if (bounds) return offset === 0 ? bounds.start : bounds.end;
  }
  // A point between elements (row edges, badges): the next piece's start, else the row's edge,
  // else the previous piece's end.
  const isElement = (n: Node | undefined): n is Element => n?.nodeType === 1;
  const kids = el.childNodes ?? [];
  for (let i = offset; i < kids.length; i++) {
    const kid = kids[i];
    const next = isElement(kid) ? (kid.matches("[data-cp]") ? kid : kid.querySelector("[data-cp]")) : null;
    if (next) return pieceBounds(next)?.start ?? null;
  }
  const row = el.closest?.("[data-row-start]");
  if (row) {
    // Row number (before the text) → the row's start; badges after the text → its end.
    const pieces = row.querySelectorAll("[data-cp]");
    const last = pieces[pieces.length - 1];
    const rowKids = [...row.children];
    const topOf = (n: Element) => {
      let c = n;
      while (c.parentElement && c.parentElement !== row) c = c.parentElement;
      return rowKids.indexOf(c);
    };
    const after = el === row || !last ? offset > 0 : topOf(el) > topOf(last);
    return Number(after ? row.getAttribute("data-row-end") : row.getAttribute("data-row-start"));
  }
  for (let i = Math.min(offset, kids.length) - 1; i >= 0; i--) {
    const kid = kids[i];
    const all = isElement(kid) ? (kid.matches("[data-cp]") ? [kid] : [...kid.querySelectorAll("[data-cp]")]) : [];
    const last = all.at(-1);
    if (last) return pieceBounds(last)?.end ?? null;
  }
  return null;
}

/** The code-point range of the window's selection inside `container`, or null. */
export function selectionRange(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const { anchorNode, focusNode } = selection;
  if (!anchorNode || !focusNode || !container.contains(anchorNode) || !container.contains(focusNode)) return null;
  const a = domPointOffset(anchorNode, selection.anchorOffset);
  const b = domPointOffset(focusNode, selection.focusOffset);
  return a === null || b === null ? null : orderedRange(a, b);
}
