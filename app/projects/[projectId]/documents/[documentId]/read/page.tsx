import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PassageReader } from "@/components/search/passage-reader";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { readPassage } from "@/lib/search/read-passage";

export const metadata: Metadata = { title: "Read" };

const offset = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isSafeInteger(n) ? n : undefined;
};

/** Read-only view of a document around a search match, with the match highlighted. */
export default async function ReadPage({ params, searchParams }: { params: Promise<{ projectId: string; documentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { projectId, documentId } = await params;
  const sp = await searchParams;
  const passage = await guardPage(() => readPassage(user, documentId, { start: offset(sp.start), end: offset(sp.end) }));
  if (passage.projectId !== projectId) notFound();
  return (
    <section data-testid="reader">
      <p className="small row" style={{ margin: "0 0 0.5rem" }}>
        <Link href={`/projects/${projectId}/documents/${documentId}`}>← Document</Link>
        {passage.canAnnotate ? <Link href={`/projects/${projectId}/documents/${documentId}/annotate`}>Open in the annotator</Link> : null}
      </p>
      <PassageReader passage={passage} />
    </section>
  );
}
