"use client";
import { useCallback, useSyncExternalStore } from "react";

// A yes/no setting kept in localStorage (per browser, all documents). The server render and
// hydration see `false`; the stored value follows right after, without a mismatch.
const listeners = new Set<() => void>();
/** Where the setting lives when the browser refuses localStorage (then it lasts until reload). */
const memory = new Map<string, boolean>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(key: string): boolean {
  try {
    return localStorage.getItem(key) === "1";
  } catch {
    return memory.get(key) ?? false;
  }
}

export function useStoredFlag(key: string): [boolean, (value: boolean) => void] {
  const value = useSyncExternalStore(subscribe, () => read(key), () => false);
  const set = useCallback(
    (next: boolean) => {
      try {
        if (next) localStorage.setItem(key, "1");
        else localStorage.removeItem(key);
      } catch {
        memory.set(key, next);
      }
      for (const l of listeners) l();
    },
    [key],
  );
  return [value, set];
}
