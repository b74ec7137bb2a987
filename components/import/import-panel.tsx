"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, type DragEvent } from "react";
import { messageOf } from "@/lib/api-client/api-error";
import { api } from "@/lib/api-client/endpoints";

const ACCEPT = ".txt,.jsonl,.json,.html,.htm";

/** Pick or drop files; they upload with a progress bar, then import as a background task. */
export function ImportPanel({ projectId, maxBytes }: { projectId: string; maxBytes: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [encoding, setEncoding] = useState("utf-8");
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const add = (list: FileList | null) => {
    if (!list) return;
    setFiles((current) => [...current, ...Array.from(list)]);
    setError(null);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    add(event.dataTransfer.files);
  };

  const start = async () => {
    if (files.length === 0) {
      setError("Choose at least one file.");
      return;
    }
    const form = new FormData();
    for (const file of files) form.append("file", file);
    form.append("encoding", encoding);
    setProgress(0);
    setError(null);
    try {
      const { taskId } = await api.uploadImport(projectId, form, setProgress);
      setFiles([]);
      setProgress(null);
      router.replace(`/projects/${projectId}/import?task=${taskId}`);
      router.refresh();
    } catch (e) {
      setError(messageOf(e, "The upload was refused."));
      setProgress(null);
    }
  };

  return (
    <section className="panel">
      <h2 style={{ marginTop: 0 }}>Import files</h2>
      <div
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{
          border: `2px dashed ${dragging ? "var(--accent)" : "var(--line)"}`,
          borderRadius: "var(--radius)",
          padding: "1.5rem",
          textAlign: "center",
          background: dragging ? "var(--accent-weak)" : undefined,
        }}
      >
        <p style={{ margin: 0 }}>Drop .txt, .jsonl, .json or .html files here, or</p>
        <button type="button" className="secondary" onClick={() => input.current?.click()} style={{ marginTop: "0.5rem" }}>
          Choose files…
        </button>
        <input ref={input} type="file" multiple accept={ACCEPT} hidden data-testid="file-input" onChange={(e) => add(e.target.files)} />
        <p className="hint">Up to {Math.round(maxBytes / 1024 / 1024)} MB per document. A .jsonl file may hold many articles, one per line. A dataset&apos;s native.jsonl or a Label Studio JSON export comes back with its gold annotations.</p>
      </div>
      {files.length ? (
        <ul data-testid="chosen-files">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} className="row">
              {f.name} <span className="muted small">({(f.size / 1024).toFixed(1)} KB)</span>
              {f.size > maxBytes && !f.name.endsWith(".jsonl") ? <span className="badge danger">over the size limit</span> : null}
              <button type="button" className="link" onClick={() => setFiles(files.filter((_, j) => j !== i))}>
                remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="row" style={{ marginTop: "0.75rem" }}>
        <label htmlFor="encoding" className="small">
          Encoding
        </label>
        <select id="encoding" value={encoding} onChange={(e) => setEncoding(e.target.value)}>
          <option value="utf-8">UTF-8</option>
          <option value="windows-1251">Windows-1251 (Cyrillic)</option>
          <option value="koi8-r">KOI8-R (Cyrillic)</option>
        </select>
        <span className="spacer" />
        <button type="button" onClick={start} disabled={progress !== null}>
          {progress !== null ? "Uploading…" : `Import ${files.length || ""} file${files.length === 1 ? "" : "s"}`}
        </button>
      </div>
      {progress !== null ? (
        <div className="progress" role="progressbar" aria-label="Upload progress" aria-valuenow={Math.round(progress * 100)} style={{ marginTop: "0.5rem" }}>
          <span style={{ width: `${Math.round(progress * 100)}%` }} />
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
