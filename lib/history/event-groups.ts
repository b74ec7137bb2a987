/** Kinds of audit events a timeline can be filtered to, by action prefix. */
export const EVENT_GROUPS = {
  workflow: ["assignment.", "document."],
  review: ["review."],
  annotations: ["annotation."],
  comments: ["comment."],
  segments: ["sentence."],
} as const satisfies Record<string, readonly string[]>;

export type EventGroup = keyof typeof EVENT_GROUPS;

export const EVENT_GROUP_NAMES = Object.keys(EVENT_GROUPS) as EventGroup[];

/** The group named by a query parameter, or null (all events) for anything else. */
export function parseEventGroup(value: string | null | undefined): EventGroup | null {
  return value && Object.hasOwn(EVENT_GROUPS, value) ? (value as EventGroup) : null;
}
