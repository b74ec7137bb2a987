import { documentStateFilterSchema } from "./documents";
import { z } from "./zod";

export const DOCUMENT_SORTS = ["title", "source", "language", "sentences", "imported", "state"] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];
export const DOCUMENT_PAGE_SIZE = 50;

/**
 * The documents table's query string (?q=&sort=&dir=&page=&state=). Anything unusable falls back
 * to its default, so a hand-edited URL shows the table rather than an error page.
 */
export const documentTableQuerySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  sort: z.enum(DOCUMENT_SORTS).catch("imported"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  state: z.preprocess((v) => (typeof v === "string" ? v.toUpperCase() : v), documentStateFilterSchema.nullable()).catch(null),
});

export type DocumentTableQuery = z.infer<typeof documentTableQuerySchema>;
