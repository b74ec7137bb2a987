import type { Metadata } from "next";
import Link from "next/link";
import { preload } from "react-dom";
import { loadAnnotatorPage } from "@/lib/annotator/load-annotator-page";
import { packShell } from "@/lib/annotator/packed-shell";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { AnnotatorIsland } from "./annotator-island";

export const metadata: Metadata = { title: "Annotate" };

export default async function AnnotatePage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; documentId: string }>;
  searchParams: Promise<{ layer?: string }>;
}) {
  const user = await requireUser();
  const { projectId, documentId } = await params;
  const { layer: requested } = await searchParams;
  // Only layers the caller may open; anything else falls back to their own.
  // The document must be in the URL's project (else 404); that project's access check is shared with the layout.
  const shell = await guardPage(() => loadAnnotatorPage(user, documentId, requested, projectId));
  // The text is fetched while the page's scripts load (and comes from the cache on a later visit).
  preload(shell.textUrl, { as: "fetch", crossOrigin: "anonymous" });
  return (
    <>
      <p className="small" style={{ margin: "0 0 0.5rem" }}>
        {/* Not prefetched: that render would compete with the annotator getting ready (see NavLink). */}
        <Link href={`/projects/${projectId}/documents/${documentId}`} prefetch={false}>← Document</Link>
      </p>
      {/* The layer's spans as columns: a third of the payload to serialise, send and parse. */}
      <AnnotatorIsland key={shell.layer} packed={packShell(shell)} />
    </>
  );
}
