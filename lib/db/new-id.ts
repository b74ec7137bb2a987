import crypto from "node:crypto";

// Ids in the shape of Prisma's cuid() for rows written with plain SQL: "c", milliseconds, a
// per-process counter, random. Ids made in one batch sort in the order they were made, so lists
// ordered by (created_at, id) keep an import file's order.
let counter = 0;

export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const random = crypto.randomBytes(9).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "0");
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${random}`;
}
