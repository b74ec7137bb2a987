import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewClient } from "@/components/review/review-client";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { getDocument } from "@/lib/documents/get-document";
import { getProject } from "@/lib/projects/projects";
import { getReview } from "@/lib/review/get-review";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ projectId: string; documentId: string }> }) {
  const user = await requireUser();
  const { projectId, documentId } = await params;
  const review = await guardPage(() => getReview(user, documentId));
  const document = await guardPage(() => getDocument(user, documentId));
  if (document.projectId !== projectId) notFound();
  const project = await guardPage(() => getProject(user, projectId));
  const permissions = document.access.permissions;
  return (
    <section>
      <div className="row" style={{ marginBottom: "0.5rem" }}>
        <h2 style={{ margin: 0 }} data-testid="document-title">Review: {document.title}</h2>
        <span className="spacer" />
        <Link href={`/projects/${projectId}/documents/${documentId}`}>Back to the document</Link>
        {permissions.includes("agreement.view") ? <Link href={`/projects/${projectId}/agreement?documentId=${documentId}`}>Agreement for this document</Link> : null}
      </div>
      <ReviewClient sentences={document.sentences} initial={review} schema={project.labelSchema} canAct={permissions.includes("review.act")} canSignOff={permissions.includes("review.signOff")} />
    </section>
  );
}
