"use client";
import { useEffect, useState, type MouseEvent } from "react";

/**
 * `value` as it was when the mouse button went down in the text, until it comes up again; the
 * live `value` otherwise. Suggestions, relations or a sync landing mid-drag re-cut the sentence
 * into new pieces, and the browser's selection anchored in the old text nodes is lost (it
 * collapses to the piece's start). Holding the marks keeps the sentence's DOM as the user began
 * selecting it; what arrived meanwhile is drawn on release.
 */
export function useSteadyDuringDrag<T>(value: T) {
  const [held, setHeld] = useState<{ value: T } | null>(null);
  const dragging = held !== null;
  useEffect(() => {
    if (!dragging) return;
    // A release outside the text (or the window losing focus mid-drag) ends the hold too.
    const release = () => setHeld(null);
    window.addEventListener("mouseup", release);
    window.addEventListener("blur", release);
    return () => {
      window.removeEventListener("mouseup", release);
      window.removeEventListener("blur", release);
    };
  }, [dragging]);
  return {
    value: held ? held.value : value,
    onMouseDown: (event: MouseEvent) => {
      if (event.button === 0) setHeld({ value });
    },
    /** Call after reading the selection on mouse-up. */
    release: () => setHeld(null),
  };
}
