import type { FieldErrors } from "@/lib/errors";

// What every server action returns: forms show `message` and put `fields` next to their inputs.
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fields?: FieldErrors };
