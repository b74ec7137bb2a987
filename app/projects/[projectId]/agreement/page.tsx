import type { Metadata } from "next";
import { AgreementReportView } from "@/components/agreement/agreement-report-view";
import { AgreementRunStatus } from "@/components/agreement/agreement-run-status";
import { DocumentFilter } from "@/components/agreement/document-filter";
import { getAgreementOverview } from "@/lib/agreement/agreement-overview";
import { listAgreementDocuments } from "@/lib/agreement/list-agreement-documents";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { requireProjectPermission } from "@/lib/auth/project-access";

export const metadata: Metadata = { title: "Agreement" };

export default async function AgreementPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ documentId?: string | string[] }> }) {
  const user = await requireUser();
  const { projectId } = await params;
  const raw = (await searchParams).documentId;
  const documentId = (Array.isArray(raw) ? raw[0] : raw) || null;
  const access = await guardPage(() => requireProjectPermission(user, projectId, "agreement.view"));
  const overview = await guardPage(() => getAgreementOverview(user, projectId, { documentId }));
  const documents = await guardPage(() => listAgreementDocuments(user, projectId));
  return (
    <section data-testid="agreement" data-ready="true">
      <div className="row" style={{ marginBottom: "0.75rem" }}>
        <h2 style={{ margin: 0 }}>Inter-annotator agreement</h2>
        <span className="spacer" />
        <DocumentFilter documents={documents} selected={documentId} />
      </div>
      {overview.scope === "project" ? (
        <AgreementRunStatus projectId={projectId} overview={overview} canRecompute={access.permissions.includes("agreement.compute")} />
      ) : null}
      {overview.result ? <AgreementReportView report={overview.result} /> : null}
    </section>
  );
}
