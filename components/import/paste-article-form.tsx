"use client";
import Link from "next/link";
import { useState } from "react";
import { messageOf } from "@/lib/api-client/api-error";
import { api } from "@/lib/api-client/endpoints";

/** Paste one article's text; it is imported at once through the same API as files. */
export function PasteArticleForm({ projectId }: { projectId: string }) {
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string; id?: string } | null>(null);

  const submit = async () => {
    if (!text.trim()) {
      setMessage({ ok: false, text: "Paste some text first." });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const body = await api.importArticle(projectId, { text, ...(title.trim() ? { title } : {}), source: "pasted" });
      const result = body.results[0];
      if (result?.status === "imported") {
        setMessage({ ok: true, text: `Imported “${result.title}” with ${result.sentenceCount} sentences.`, id: result.id });
        setText("");
        setTitle("");
      } else {
        setMessage({ ok: false, text: result?.error?.message ?? "Import failed." });
      }
    } catch (e) {
      setMessage({ ok: false, text: messageOf(e, "Import failed.") });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel">
      <h2 style={{ marginTop: 0 }}>Paste text</h2>
      <div className="field">
        <label htmlFor="paste-title">Title (optional: the first line otherwise)</label>
        <input id="paste-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="paste-text">Article text</label>
        <textarea id="paste-text" rows={8} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {message ? (
        <p className={message.ok ? "form-ok" : "form-error"} role={message.ok ? "status" : "alert"}>
          {message.id ? <Link href={`/projects/${projectId}/documents/${message.id}`}>{message.text}</Link> : message.text}
        </p>
      ) : null}
      <button type="button" onClick={submit} disabled={busy}>
        {busy ? "Importing…" : "Import text"}
      </button>
    </section>
  );
}
