import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocumentReader } from "@/components/documents/document-reader";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { getDocument } from "@/lib/documents/get-document";

export const metadata: Metadata = { title: "Document" };

export default async function DocumentPage({ params }: { params: Promise<{ projectId: string; documentId: string }> }) {
  const user = await requireUser();
  const { projectId, documentId } = await params;
  const document = await guardPage(() => getDocument(user, documentId));
  if (document.projectId !== projectId) notFound();
  const facts: [string, string | null][] = [
    ["Source", document.source],
    ["Original source", document.originalSource],
    ["Author", document.author],
    ["Published", document.publishedAt ? document.publishedAt.toISOString().slice(0, 10) : null],
    ["Language", document.language],
    ["State", document.state.toLowerCase().replaceAll("_", " ")],
    ["Size", `${document.charCount.toLocaleString("en")} characters · ${document.sentenceCount} segments`],
  ];
  return (
    <div className="grid-2" style={{ gridTemplateColumns: "minmax(0, 3fr) minmax(240px, 1fr)" }}>
      <section>
        <h2 style={{ marginTop: 0 }} data-testid="document-title">{document.title}</h2>
        <DocumentReader
          documentId={document.id}
          sentences={document.sentences}
          language={document.language}
          canEdit={document.access.permissions.includes("documents.editSegments")}
        />
      </section>
      <aside className="panel">
        <h3 style={{ marginTop: 0 }}>Metadata</h3>
        <dl style={{ margin: 0 }}>
          {facts
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label} style={{ marginBottom: "0.4rem" }}>
                <dt className="muted small">{label}</dt>
                <dd style={{ margin: 0 }}>{value}</dd>
              </div>
            ))}
          {document.url && /^https?:\/\//i.test(document.url) ? (
            <div>
              <dt className="muted small">URL</dt>
              <dd style={{ margin: 0, wordBreak: "break-all" }}>
                <a href={document.url} rel="noopener noreferrer nofollow" target="_blank">{document.url}</a>
              </dd>
            </div>
          ) : null}
        </dl>
      </aside>
    </div>
  );
}
