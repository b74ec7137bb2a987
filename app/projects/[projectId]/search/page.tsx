import type { Metadata } from "next";
import { SearchClient } from "@/components/search/search-client";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { isAppError } from "@/lib/errors";
import { getProject } from "@/lib/projects/projects";
import { listSavedSearches } from "@/lib/search/saved-searches";
import { searchCorpus } from "@/lib/search/search-corpus";
import type { SearchResult } from "@/lib/validation/search";

export const metadata: Metadata = { title: "Search" };

type RawParams = Record<string, string | string[] | undefined>;

export default async function SearchPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<RawParams> }) {
  const user = await requireUser();
  const { projectId } = await params;
  const project = await guardPage(() => getProject(user, projectId));
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(await searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") query[key] = first;
  }
  let result: SearchResult | null = null;
  let error: { message: string; fields?: Record<string, string[]> } | null = null;
  if (query.q || query.scope === "annotations") {
    try {
      result = await searchCorpus(user, projectId, query);
    } catch (e) {
      // The project itself is readable (checked above): a bad filter is shown next to the form.
      if (!isAppError(e)) throw e;
      error = { message: e.message, fields: e.details?.fields as Record<string, string[]> | undefined };
    }
  }
  const saved = await guardPage(() => listSavedSearches(user, projectId));
  return (
    <SearchClient
      key={new URLSearchParams(query).toString()}
      projectId={projectId}
      query={query}
      result={result}
      error={error}
      saved={saved}
      spanTypes={project.labelSchema.spanTypes
        .filter((t) => !t.retired)
        .map((t) => ({
          name: t.name,
          label: t.label,
          // Required choices are asked for when annotating matches; other attributes are set later in the annotator.
          choices: t.attributes.flatMap((a) => (a.kind === "choice" && a.required ? [{ name: a.name, values: a.values.filter((v) => !v.retired) }] : [])),
        }))}
      stanceTargets={project.labelSchema.stanceTargets.map((t) => t.name)}
      canAnnotate={project.permissions.includes("annotations.write")}
    />
  );
}
