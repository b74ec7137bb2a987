"use client";
import { useCallback, useSyncExternalStore } from "react";

// A yes/no setting kept in localStorage (per browser, all documents). The server render and
// hydration see `false`; the stored value follows right after, without a mismatch.
const listeners = new Set<() => void>();
/** Where the setting lives when the browser refuses localStorage (then it lasts until reload). */
const memory = new Map<string, boolean>();
/**
 * What localStorage said, per key: React asks for the value at every render of every user, and
 * each getItem is a call into the browser's storage. Another tab's change (storage event) clears it.
 */
const cached = new Map<string, boolean>();

function subscribe(listener: () => void) {
  const onStorage = () => (cached.clear(), listener());
  listeners.add(listener);
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

function read(key: string): boolean {
  const known = cached.get(key);
  if (known !== undefined) return known;
  let value: boolean;
  try {
    value = localStorage.getItem(key) === "1";
  } catch {
    value = memory.get(key) ?? false;
  }
  cached.set(key, value);
  return value;
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
      cached.set(key, next);
      for (const l of listeners) l();
    },
    [key],
  );
  return [value, set];
}
