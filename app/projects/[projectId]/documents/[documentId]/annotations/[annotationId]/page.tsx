import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Timeline } from "@/components/workflow/timeline";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { getAnnotationHistory } from "@/lib/history/annotation-history";
import { listMembers } from "@/lib/projects/projects";

export const metadata: Metadata = { title: "Annotation history" };

/** Every recorded change of one annotation (also after it was deleted). */
export default async function AnnotationHistoryPage({ params }: { params: Promise<{ projectId: string; documentId: string; annotationId: string }> }) {
  const user = await requireUser();
  const { projectId, documentId, annotationId } = await params;
  const [history, members] = await guardPage(() => Promise.all([getAnnotationHistory(user, annotationId), listMembers(user, projectId)]));
  if (history.events.some((e) => e.documentId !== documentId)) notFound();
  return (
    <>
      <p className="breadcrumbs">
        <Link href={`/projects/${projectId}/documents/${documentId}`}>← Back to the document</Link>
      </p>
      <h2 style={{ marginTop: 0 }}>
        Annotation history <span className="muted small mono">{annotationId}</span>
      </h2>
      <Timeline events={history.events} people={members} hasMore={false} showDetails />
    </>
  );
}
