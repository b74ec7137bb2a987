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
];
