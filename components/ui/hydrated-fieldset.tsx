"use client";
import type { ReactNode } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * A form's fields, disabled until hydration. react-hook-form fills registered fields with their
 * defaults when it registers them, at hydration: text typed into the server-rendered fields before
 * would be overwritten, and a Save clicked before would submit the page natively.
 */
export function HydratedFieldset({ children, testId }: { children: ReactNode; testId?: string }) {
  const hydrated = useHydrated();
  return (
    <fieldset disabled={!hydrated} data-testid={testId} data-hydrated={hydrated ? "true" : "false"} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
      {children}
    </fieldset>
  );
}
