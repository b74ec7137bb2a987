// One date format across the app. Server-rendered HTML cannot know the reader's locale, so pages
// render the UTC fallback and <LocalTime> swaps in the browser's own format after hydration.

/** The reader's locale format: date and time (e.g. "29 Nov 2026, 14:03" or "Nov 29, 2026, 2:03 PM"). */
export function formatDateTime(value: Date | string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

/** The reader's locale format: a calendar date (stored as UTC midnight, so read in UTC). */
export function formatDate(value: Date | string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(value));
}

/** Locale-independent fallback for the server render: "2026-11-29 14:03 UTC". */
export function formatUtc(value: Date | string, withTime = true): string {
  const iso = new Date(value).toISOString();
  return withTime ? `${iso.slice(0, 16).replace("T", " ")} UTC` : iso.slice(0, 10);
}
