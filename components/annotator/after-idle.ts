"use client";

/**
 * Runs `work` once the browser is idle (or after `timeoutMs` at the latest), so loading what is
 * not needed for the first paint does not compete with hydration. Returns a cancel function.
 */
export function afterIdle(work: () => void, timeoutMs = 500): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(work, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = setTimeout(work, 0);
  return () => clearTimeout(timer);
}
