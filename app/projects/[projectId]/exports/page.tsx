import type { Metadata } from "next";
import Link from "next/link";
import { BuildProgress } from "@/components/datasets/build-progress";
import { CreateDatasetForm } from "@/components/datasets/create-dataset-form";
import { VersionFiles } from "@/components/datasets/version-files";
import { VersionsTable } from "@/components/datasets/versions-table";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { getExportOverview } from "@/lib/datasets/export-overview";
import { getDatasetVersion } from "@/lib/datasets/list-datasets";

export const metadata: Metadata = { title: "Exports" };

export default async function ExportsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ task?: string; version?: string }> }) {
  const user = await requireUser();
  const { projectId } = await params;
  const { task, version } = await searchParams;
  const overview = await guardPage(() => getExportOverview(user, projectId));
  // A build still running is shown whether or not the URL names it, so a reload keeps the bar.
  const running = overview.versions.find((v) => (v.status === "QUEUED" || v.status === "RUNNING") && v.taskId);
  const taskId = task ?? running?.taskId ?? null;
  const selected = version ? await guardPage(() => getDatasetVersion(user, projectId, version)) : null;
  return (
    <>
      {taskId ? <BuildProgress key={taskId} taskId={taskId} /> : null}
      <div className="grid-2">
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>New dataset version</h2>
          {!overview.canCreate ? (
            <p className="muted">Only managers create dataset versions; you can download the versions below.</p>
          ) : overview.signedOff === 0 ? (
            <div className="empty" data-testid="exports-empty">
              <strong>Sign off documents first</strong>A dataset version is a snapshot of the gold layer of signed-off documents. None are signed off yet: annotate,
              review and sign off documents from the <Link href={`/projects/${projectId}`}>documents list</Link>.
            </div>
          ) : (
            <>
              <p className="muted small">{overview.signedOff} signed-off document{overview.signedOff === 1 ? "" : "s"}. Each version is immutable: downloading it again later gives the same bytes.</p>
              <CreateDatasetForm projectId={projectId} spanTypes={overview.spanTypes} annotators={overview.annotators} />
            </>
          )}
        </section>
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>What a version contains</h2>
          <p className="small">
            One zip with the formats you choose — by default native JSONL (lossless, re-importable), sentence CSV and span CSV — plus a manifest with
            counts, agreement and a SHA-256 of every file. Span JSONL, brat standoff, attribution triples, SemEval-2016 stance TSV, CheckThat!
            check-worthiness TSV, SemEval-2020 Task 11 span files, a Hugging Face dataset folder and Label Studio JSON can be chosen too, or built later
            from a finished version (open its files). All offsets are Unicode code points.
          </p>
        </section>
      </div>
      <h2>Versions</h2>
      {overview.versions.length === 0 ? (
        <p className="empty">
          <strong>No versions yet</strong>
          {overview.canCreate ? "Create the first version with the form above." : "A manager has not created a dataset version yet."}
        </p>
      ) : (
        <VersionsTable projectId={projectId} versions={overview.versions} />
      )}
      {selected && selected.status === "DONE" ? <VersionFiles projectId={projectId} number={selected.number} files={selected.files} formats={selected.formats} laterFormats={selected.laterFormats} /> : null}
    </>
  );
}
