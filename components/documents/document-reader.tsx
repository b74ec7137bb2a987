"use client";
import { useState } from "react";
import { ApiError, messageOf } from "@/lib/api-client/api-error";
import { api } from "@/lib/api-client/endpoints";
import type { SentenceDto } from "@/lib/documents/get-document";
import { SentenceList } from "./sentence-list";

/** The reader's interactive part: sentence list plus the manager's kind and language corrections. */
export function DocumentReader(props: { documentId: string; sentences: SentenceDto[]; language: string; canEdit: boolean }) {
  const [sentences, setSentences] = useState(props.sentences);
  const [language, setLanguage] = useState(props.language);
  const [languageMessage, setLanguageMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const toggleKind = async (sentence: SentenceDto): Promise<string | null> => {
    const kind = sentence.kind === "boilerplate" ? "content" : "boilerplate";
    try {
      await api.setSentenceKind(props.documentId, sentence.index, kind);
    } catch (e) {
      return messageOf(e, "Could not change the segment.");
    }
    setSentences((all) => all.map((s) => (s.index === sentence.index ? { ...s, kind, kindOverridden: true } : s)));
    return null;
  };

  const saveLanguage = async () => {
    try {
      await api.updateDocument(props.documentId, { language });
      setLanguageMessage({ ok: true, text: "Language saved." });
    } catch (e) {
      setLanguageMessage({ ok: false, text: e instanceof ApiError ? e.messageFor("language") : "Could not save." });
    }
  };

  return (
    <>
      {props.canEdit ? (
        <div className="row" style={{ marginBottom: "0.75rem" }}>
          <label htmlFor="doc-language" className="small">
            Language
          </label>
          <input id="doc-language" type="text" value={language} onChange={(e) => setLanguage(e.target.value)} style={{ width: "6rem" }} />
          <button type="button" className="secondary" onClick={saveLanguage}>
            Save language
          </button>
          {languageMessage ? <span className={languageMessage.ok ? "muted small" : "field-error"} role={languageMessage.ok ? "status" : "alert"}>{languageMessage.text}</span> : null}
        </div>
      ) : null}
      <SentenceList sentences={sentences} canEdit={props.canEdit} onToggleKind={props.canEdit ? toggleKind : undefined} />
    </>
  );
}
