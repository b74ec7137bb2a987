import { z } from "./zod";

// Ids are cuids (server-made) or UUIDs (annotations, made by the client). Anything else — NUL
// bytes, other control characters, invalid Unicode, 10 kB strings — names nothing, and must be
// refused before it reaches PostgreSQL (which rejects NUL in text with an error, not a miss).
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const idSchema = z.string().regex(ID_PATTERN, "not a valid id");

/** Text from a URL: no control characters (C0, DEL, C1), no lone surrogates, bounded. */
export const urlTextSchema = z
  .string()
  .max(2048, "longer than 2048 characters")
  .refine((value) => !/[\u0000-\u001f\u007f-\u009f]/.test(value), "contains control characters")
  .refine((value) => value.isWellFormed(), "contains invalid Unicode");
