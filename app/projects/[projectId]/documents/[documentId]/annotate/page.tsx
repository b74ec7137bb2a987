import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnnotatorClient } from "@/components/annotator/annotator-client";
import { loadAnnotatorPage } from "@/lib/annotator/load-annotator-page";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";

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
  const data = await guardPage(() => loadAnnotatorPage(user, documentId, requested));
  if (data.document.projectId !== projectId) notFound();
  return (
    <>
      <p className="small" style={{ margin: "0 0 0.5rem" }}>
        <Link href={`/projects/${projectId}/documents/${documentId}`}>← Document</Link>
      </p>
      <AnnotatorClient key={data.layer} data={data} layer={data.layer} />
    </>
  );
}
