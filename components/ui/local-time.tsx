"use client";
import { formatDate, formatDateTime, formatUtc } from "@/lib/format/date-time";
import { useHydrated } from "./use-hydrated";

/**
 * A date in the browser's locale and time zone. The server render (and hydration, so they match)
 * shows UTC; once hydrated the client snapshot switches to the reader's own format.
 */
export function LocalTime({ value, dateOnly = false, className }: { value: Date | string; dateOnly?: boolean; className?: string }) {
  const iso = new Date(value).toISOString();
  const hydrated = useHydrated();
  const text = !hydrated ? formatUtc(iso, !dateOnly) : dateOnly ? formatDate(iso) : formatDateTime(iso);
  return (
    <time className={className} dateTime={iso} title={formatUtc(iso)}>
      {text}
    </time>
  );
}
