"use client";
import { usePathname, useRouter } from "next/navigation";
import type { AgreementDocumentOption } from "@/lib/agreement/list-agreement-documents";

/** Narrows the agreement page to one document; the choice lives in ?documentId= so it survives reload. */
export function DocumentFilter({ documents, selected }: { documents: AgreementDocumentOption[]; selected: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const known = selected === null || documents.some((d) => d.id === selected);
  return (
    <div className="row">
      <label htmlFor="agreement-document" className="small">
        Document
      </label>
      <select
        id="agreement-document"
        data-testid="agreement-document"
        value={selected ?? ""}
        onChange={(e) => router.push(e.target.value ? `${pathname}?documentId=${encodeURIComponent(e.target.value)}` : pathname)}
      >
        <option value="">Whole project</option>
        {!known && selected ? <option value={selected}>The selected document</option> : null}
        {documents.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title.length > 80 ? `${d.title.slice(0, 79)}…` : d.title} ({d.annotators} annotator{d.annotators === 1 ? "" : "s"})
          </option>
        ))}
      </select>
    </div>
  );
}
