import Link from "next/link";
import type { DatasetVersionDto } from "@/lib/datasets/list-datasets";

const STATUS_BADGE = { DONE: "badge ok", RUNNING: "badge", QUEUED: "badge grey", FAILED: "badge danger" } as const;

function Change({ label, c }: { label: string; c: { added: number; changed: number; removed: number } }) {
  return (
    <span className="small">
      {label}: +{c.added} ~{c.changed} −{c.removed}
    </span>
  );
}

/** Versions, newest first: counts, the diff against the previous version and downloads. */
export function VersionsTable({ projectId, versions }: { projectId: string; versions: DatasetVersionDto[] }) {
  const api = `/api/v1/projects/${projectId}/datasets`;
  return (
    <table className="data" data-testid="dataset-versions">
      <thead>
        <tr>
          <th>Version</th>
          <th>Created</th>
          <th>Status</th>
          <th className="num">Documents</th>
          <th className="num">Sentences</th>
          <th>Gold spans</th>
          <th>Since previous</th>
          <th>Download</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.id} data-version={v.number}>
            <td>
              <strong>v{v.number}</strong>
              {v.includeAnnotatorLayers ? <span className="muted small"> + annotator layers</span> : null}
            </td>
            <td>
              {new Date(v.createdAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC
              <div className="muted small">{v.createdBy}</div>
            </td>
            <td>
              <span className={STATUS_BADGE[v.status]}>{v.status.toLowerCase()}</span>
            </td>
            <td className="num">{v.counts?.documents ?? "—"}</td>
            <td className="num">{v.counts?.sentences ?? "—"}</td>
            <td className="small">
              {v.counts
                ? Object.entries(v.counts.spansByType)
                    .map(([type, n]) => `${type} ${n}`)
                    .join(", ") || "none"
                : "—"}
            </td>
            <td>
              {v.diff ? (
                v.diff.previousVersion === null ? (
                  <span className="muted small">first version</span>
                ) : (
                  <div>
                    <div className="muted small">vs v{v.diff.previousVersion}</div>
                    <Change label="documents" c={v.diff.documents} />
                    <br />
                    <Change label="annotations" c={v.diff.annotations} />
                  </div>
                )
              ) : (
                "—"
              )}
            </td>
            <td>
              {v.status === "DONE" ? (
                <>
                  <a href={`${api}/${v.number}/zip`} download data-testid={`download-zip-${v.number}`}>
                    .zip
                  </a>{" "}
                  · <Link href={`/projects/${projectId}/exports?version=${v.number}`}>files</Link>
                </>
              ) : (
                <span className="muted small">not ready</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
