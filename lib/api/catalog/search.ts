import { analyticsResultSchema } from "@/lib/validation/analytics";
import { searchResultSchema } from "@/lib/validation/search";
import type { ApiOperation } from "./types";

export const SEARCH_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/search",
    summary:
      "Search the corpus: q (full text per document language — \"phrases\", -word, OR, prefix*; or mode=exact for a literal), scope=sentences|annotations, filters type, speaker, target, stance (-2..2 or lo..hi), layer=gold|any|user:{id}, state, source, language, from, to (YYYY-MM-DD), boilerplate; cursor paging; offsets in code points",
    tag: "Search",
    access: "documents.view",
    scope: "project",
    response: searchResultSchema,
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/analytics/{view}",
    summary:
      "Aggregates over annotations (gold layer by default; layer=any|user:{id}) with the search filters. view = stance (groupBy any of target, source, speaker, month, type: n, mean, distribution, ci95), speakers, outlets, timeline (interval=week|month); format=csv downloads it",
    tag: "Search",
    access: "documents.view",
    scope: "project",
    response: analyticsResultSchema,
  },
];
