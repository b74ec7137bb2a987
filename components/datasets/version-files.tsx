import { datasetFormatPath } from "@/lib/api-client/endpoints";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/validation/datasets";
import { FORMAT_LABELS } from "./format-labels";
import { LaterFormatButton } from "./later-format-button";

type FileRow = { name: string; format: string; bytes: number; sha256: string };

// A 10,000-document version has tens of thousands of per-document files; list a sample per folder.
const PER_FOLDER = 50;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Every file of one version with its size and SHA-256, each a download link. */
export function VersionFiles({ projectId, number, files, formats, laterFormats }: { projectId: string; number: number; files: FileRow[]; formats: ExportFormat[]; laterFormats: ExportFormat[] }) {
  const href = (name: string) => `/api/v1/projects/${projectId}/datasets/${number}/files/${encodeURIComponent(name)}`;
  const formatHref = (f: ExportFormat) => datasetFormatPath(projectId, number, f);
  const folders = new Map<string, FileRow[]>();
  for (const f of files) {
    const folder = f.name.includes("/") ? f.name.slice(0, f.name.indexOf("/")) : "";
    folders.set(folder, [...(folders.get(folder) ?? []), f]);
  }
  return (
    <section className="panel" data-testid="version-files">
      <h2 style={{ marginTop: 0 }}>Files of v{number}</h2>
      <table className="data" data-testid="version-formats">
        <thead>
          <tr>
            <th>Format</th>
            <th>Download</th>
          </tr>
        </thead>
        <tbody>
          {EXPORT_FORMATS.map((f) => (
            <tr key={f} data-format={f}>
              <td>
                {FORMAT_LABELS[f]}
                {formats.includes(f) ? <span className="muted small"> · in the version&apos;s zip</span> : laterFormats.includes(f) ? <span className="muted small"> · built later</span> : null}
              </td>
              <td>
                {formats.includes(f) || laterFormats.includes(f) ? (
                  <a href={formatHref(f)} download data-testid={`format-${f}`}>
                    {f} (.zip)
                  </a>
                ) : (
                  <LaterFormatButton projectId={projectId} number={number} format={f} testId={`format-${f}`} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">A format the version was not built with is built from its native JSONL at the first request and stored, so every later download gives the same bytes.</p>
      {[...folders.entries()].map(([folder, rows]) => (
        <div key={folder || "."}>
          {folder ? <h3>{folder}/ <span className="muted small">({rows.length} files)</span></h3> : null}
          <table className="data">
            <thead>
              <tr>
                <th>File</th>
                <th>Format</th>
                <th className="num">Size</th>
                <th>SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, PER_FOLDER).map((f) => (
                <tr key={f.name}>
                  <td>
                    <a href={href(f.name)} download>
                      {f.name}
                    </a>
                  </td>
                  <td>{f.format}</td>
                  <td className="num">{size(f.bytes)}</td>
                  <td>
                    <code title={f.sha256}>{f.sha256.slice(0, 16)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > PER_FOLDER ? <p className="muted small">…and {rows.length - PER_FOLDER} more in this folder; all are in the zip.</p> : null}
        </div>
      ))}
    </section>
  );
}
