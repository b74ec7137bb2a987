"use client";
import { useState, useTransition } from "react";
import { bulkAssignAction } from "@/app/projects/[projectId]/workflow-actions";
import { FormError } from "@/components/ui/field";

import { BULK_FORM_ID } from "./bulk-form-id";

type Person = { id: string; name: string };

/**
 * Manager form for the checked documents (checkboxes in the table carry form="bulk-assign"):
 * k annotators per document, balanced over the least-loaded, optionally limited to some
 * annotators, plus an optional reviewer. The server action calls the same lib function as the API.
 */
export function BulkAssignForm({ projectId, annotators, reviewers }: { projectId: string; annotators: Person[]; reviewers: Person[] }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | null>(null);

  return (
    <form
      id={BULK_FORM_ID}
      className="panel"
      data-testid="bulk-assign"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const annotatorIds = data.getAll("annotatorIds").map(String);
        const reviewerId = String(data.get("reviewerId") ?? "");
        const input = {
          documentIds: data.getAll("documentIds").map(String),
          annotatorsPerDocument: Number(data.get("annotatorsPerDocument") ?? 0),
          ...(annotatorIds.length ? { annotatorIds } : {}),
          ...(reviewerId ? { reviewerId } : {}),
        };
        start(async () => {
          setError(null);
          setFieldErrors({});
          setDone(null);
          const result = await bulkAssignAction(projectId, input);
          if (!result.ok) {
            setError(result.message);
            setFieldErrors(result.fields ?? {});
            return;
          }
          const { created, skipped, alreadyCovered } = result.data;
          const parts = [`Created ${created.length} assignment${created.length === 1 ? "" : "s"}.`];
          if (alreadyCovered.length) parts.push(`${alreadyCovered.length} already had enough annotators.`);
          if (skipped.length) parts.push(`${skipped.length} skipped (in review or signed off).`);
          setDone(parts.join(" "));
        });
      }}
    >
      <h3 style={{ marginTop: 0 }}>Assign the checked documents</h3>
      <div className="row" style={{ alignItems: "flex-start", gap: "1.5rem" }}>
        <div className="field">
          <label htmlFor="bulk-k">Annotators per document</label>
          <input id="bulk-k" name="annotatorsPerDocument" type="number" min={0} max={Math.max(annotators.length, 1)} defaultValue={Math.min(2, annotators.length)} style={{ width: "6rem" }} />
          {fieldErrors.annotatorsPerDocument ? <p className="field-error">{fieldErrors.annotatorsPerDocument[0]}</p> : null}
        </div>
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontWeight: 600, fontSize: "0.9rem" }}>Only these annotators (none checked: all)</legend>
          {annotators.length === 0 ? <span className="hint">No member holds the annotator role yet.</span> : null}
          {annotators.map((a) => (
            <label key={a.id} className="checkbox">
              <input type="checkbox" name="annotatorIds" value={a.id} /> {a.name}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="bulk-reviewer">Reviewer (optional)</label>
          <select id="bulk-reviewer" name="reviewerId" defaultValue="">
            <option value="">No reviewer</option>
            {reviewers.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </select>
        </div>
      </div>
      <FormError message={error} />
      {done ? <p className="form-ok" role="status">{done}</p> : null}
      <button type="submit" disabled={pending}>Assign checked documents</button>
    </form>
  );
}
