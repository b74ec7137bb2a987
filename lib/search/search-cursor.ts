import crypto from "node:crypto";
import { AppError } from "@/lib/errors";

// Keyset cursors: the last hit's sort key plus a fingerprint of the search it belongs to, so a
// cursor reused with other parameters, or edited by hand, is refused (400) instead of paging
// through something else (limit and exactTotal may change: they do not change which hits come
// next). Access is checked on every page, so a forged key reveals nothing.

export type CursorKey = [documentId: string, position: number, id: string];

export function searchFingerprint(params: Record<string, unknown>): string {
  const stable = Object.keys(params)
    .filter((k) => k !== "cursor" && k !== "limit" && k !== "exactTotal" && params[k] !== undefined)
    .sort()
    .map((k) => [k, params[k]]);
  return crypto.createHash("sha256").update(JSON.stringify(stable)).digest("base64url").slice(0, 16);
}

export function encodeCursor(key: CursorKey, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ f: fingerprint, k: key })).toString("base64url");
}

function tampered(): AppError {
  const message = "The cursor is not valid for this search; use the nextCursor value from the previous page of the same search.";
  return new AppError("validation_failed", message, { details: { fields: { cursor: [message] } } });
}

export function decodeCursor(cursor: string | undefined, fingerprint: string): CursorKey | null {
  if (cursor === undefined) return null;
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw tampered();
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw tampered();
  }
  const value = parsed as { f?: unknown; k?: unknown };
  const key = value?.k;
  const ok =
    value?.f === fingerprint &&
    Array.isArray(key) &&
    key.length === 3 &&
    typeof key[0] === "string" &&
    key[0].length <= 64 &&
    Number.isSafeInteger(key[1]) &&
    (key[1] as number) >= 0 &&
    typeof key[2] === "string" &&
    key[2].length <= 64;
  if (!ok) throw tampered();
  return key as CursorKey;
}
