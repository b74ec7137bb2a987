"use client";
import { codePointOfDomPoint, orderedRange } from "@/lib/annotator/selection-offsets";

// Text pieces carry data-cp / data-cpe (their code-point start and end); a DOM point is mapped
// through the piece it falls in, so a selection may start and end in different sentences.

function pieceBounds(el: Element): { start: number; end: number } | null {
  const start = Number(el.getAttribute("data-cp"));
  const end = Number(el.getAttribute("data-cpe"));
  return Number.isFinite(start) && Number.isFinite(end) && el.hasAttribute("data-cp") ? { start, end } : null;
}

function pointOffset(node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
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
  // A point between elements (row edges, badges): the next piece's start, else the previous piece's end.
  const child = el.childNodes?.[offset];
  const next = child instanceof Element ? (child.matches("[data-cp]") ? child : child.querySelector("[data-cp]")) : null;
  if (next) return pieceBounds(next)?.start ?? null;
  const row = el.closest?.("[data-row-start]");
  if (row) return Number(offset === 0 ? row.getAttribute("data-row-start") : row.getAttribute("data-row-end"));
  return null;
}

/** The code-point range of the window's selection inside `container`, or null. */
export function selectionRange(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const { anchorNode, focusNode } = selection;
  if (!anchorNode || !focusNode || !container.contains(anchorNode) || !container.contains(focusNode)) return null;
  const a = pointOffset(anchorNode, selection.anchorOffset);
  const b = pointOffset(focusNode, selection.focusOffset);
  return a === null || b === null ? null : orderedRange(a, b);
}
