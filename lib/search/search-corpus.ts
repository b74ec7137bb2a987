import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { LabelSchema } from "@/lib/schema/label-schema";
import { parseOrThrow } from "@/lib/validation/parse";
import { SEARCH_TOTAL_CAP, searchQuerySchema, type SearchResult } from "@/lib/validation/search";
import { resolveCorpusFilter } from "./corpus-filter";
import { decodeCursor, encodeCursor, searchFingerprint } from "./search-cursor";
import { searchFacets } from "./search-facets";
import { annotationPage, sentencePage } from "./search-pages";
import { annotationScopeSql, sentenceScopeSql } from "./search-scope-sql";
import type { SqlParams } from "./sql-params";
import { prepareTextMatcher } from "./text-matcher";

/** Reads a URL's query string into the flat record the schema validates (a repeated key → 400). */
export function queryRecord(searchParams: URLSearchParams): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, value] of searchParams) {
    if (key in record) throw new AppError("validation_failed", `The parameter "${key}" is given more than once.`, { details: { fields: { [key]: ["Given more than once"] } } });
    record[key] = value;
  }
  return record;
}

/**
 * Searches one project's corpus: sentences (full text or a literal) or spans, with filters.
 * Members only (others get 404); annotators see their own layer and gold of signed-off documents.
 */
export async function searchCorpus(user: AuthenticatedUser, projectId: string, params: Record<string, string>): Promise<SearchResult> {
  const access = await requireProjectPermission(user, projectId, "documents.view");
  const query = parseOrThrow(searchQuerySchema, params);
  const scope = query.scope ?? "sentences";
  const project = await prisma().project.findUniqueOrThrow({ where: { id: projectId }, select: { labelSchema: true } });
  const filter = await resolveCorpusFilter(user, access, project.labelSchema as unknown as LabelSchema, query, "any");
  const matcher = await prepareTextMatcher(query.q, query.mode ?? "fulltext");
  if (!matcher && scope === "sentences") {
    throw new AppError("validation_failed", "Enter something to search for (q), or search annotations (scope=annotations) by filters alone.", {
      details: { fields: { q: ["Required for a sentence search"] } },
    });
  }
  const fingerprint = searchFingerprint({ ...params, projectId });
  const after = decodeCursor(query.cursor, fingerprint);
  const limit = query.limit ?? 50;

  const scopeOf = (p: SqlParams) => (scope === "sentences" ? sentenceScopeSql(filter, matcher!, p) : annotationScopeSql(filter, matcher, p));
  const [page, { total, totalIsLowerBound, facets }] = await Promise.all([
    scope === "sentences" ? sentencePage(filter, matcher!, after, limit) : annotationPage(filter, matcher, after, limit),
    searchFacets(scope, scopeOf, filter, query.exactTotal ? null : SEARCH_TOTAL_CAP),
  ]);
  return { total, totalIsLowerBound, hits: page.hits, facets, nextCursor: page.more && page.last ? encodeCursor(page.last, fingerprint) : null };
}
