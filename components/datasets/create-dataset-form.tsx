"use client";
import { useRouter } from "next/navigation";
import { createDatasetAction } from "@/app/projects/[projectId]/exports/actions";
import { Field, FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { createDatasetSchema, DEFAULT_FORMATS, DEFAULT_SPLIT, EXPORT_FORMATS } from "@/lib/validation/datasets";
import { FORMAT_LABELS } from "./format-labels";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const list = (separator: RegExp) => (v: unknown) =>
  typeof v === "string" ? v.split(separator).map((s) => s.trim()).filter(Boolean) : v;

/** The create form: split ratios and seed, annotator layers, and an optional filter. */
export function CreateDatasetForm({ projectId, spanTypes }: { projectId: string; spanTypes: { name: string; label: string }[] }) {
  const router = useRouter();
  const { form, onSubmit, formError } = useServerForm(createDatasetSchema, (v) => createDatasetAction(projectId, v), {
    defaultValues: { split: DEFAULT_SPLIT, includeAnnotatorLayers: false, filter: { spanTypes: spanTypes.map((t) => t.name) }, formats: DEFAULT_FORMATS },
    onSuccess: (created) => router.push(`/projects/${projectId}/exports?task=${created.taskId}`),
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="create-dataset-form">
      <fieldset className="field" style={{ border: 0, padding: 0 }}>
        <legend style={{ fontWeight: 600, fontSize: "0.9rem" }}>Split by document</legend>
        <div className="row">
          {(["train", "validation", "test"] as const).map((k) => (
            <Field key={k} id={`split-${k}`} label={k[0]!.toUpperCase() + k.slice(1)} error={e.split?.[k]?.message}>
              <input id={`split-${k}`} type="number" step="0.01" min="0" max="1" style={{ width: "6rem" }} aria-invalid={!!e.split?.[k]} {...register(`split.${k}`, { valueAsNumber: true })} />
            </Field>
          ))}
          <Field id="split-seed" label="Seed" error={e.split?.seed?.message}>
            <input id="split-seed" type="text" style={{ width: "10rem" }} {...register("split.seed")} />
          </Field>
        </div>
        <p className="hint">The same seed always puts a document in the same part.</p>
      </fieldset>
      <fieldset className="field" style={{ border: 0, padding: 0 }} data-testid="dataset-formats">
        <legend style={{ fontWeight: 600, fontSize: "0.9rem" }}>Formats</legend>
        {EXPORT_FORMATS.map((f) =>
          f === "native-jsonl" ? (
            <label key={f} className="checkbox">
              <input type="checkbox" checked disabled readOnly /> {FORMAT_LABELS[f]} — always included
            </label>
          ) : (
            <label key={f} className="checkbox">
              <input type="checkbox" value={f} {...register("formats")} /> {FORMAT_LABELS[f]}
              {DEFAULT_FORMATS.includes(f) ? <span className="muted small"> (default)</span> : null}
            </label>
          ),
        )}
        {e.formats ? <p className="field-error">{e.formats.message}</p> : null}
        <p className="hint">Native JSONL and the two CSVs are built by default. Any other format can also be built later from a finished version, at its first download.</p>
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" {...register("includeAnnotatorLayers")} /> Include each annotator&apos;s own layer (for agreement research)
      </label>
      <fieldset className="field" style={{ border: 0, padding: 0 }}>
        <legend style={{ fontWeight: 600, fontSize: "0.9rem" }}>Span types</legend>
        {spanTypes.map((t) => (
          <label key={t.name} className="checkbox">
            <input type="checkbox" value={t.name} {...register("filter.spanTypes")} /> {t.label}
          </label>
        ))}
        {e.filter?.spanTypes ? <p className="field-error">{e.filter.spanTypes.message}</p> : null}
      </fieldset>
      <div className="row">
        <Field id="filter-from" label="Published from" error={e.filter?.publishedFrom?.message}>
          <input id="filter-from" type="date" {...register("filter.publishedFrom", { setValueAs: blankToUndefined })} />
        </Field>
        <Field id="filter-to" label="Published to" error={e.filter?.publishedTo?.message}>
          <input id="filter-to" type="date" {...register("filter.publishedTo", { setValueAs: blankToUndefined })} />
        </Field>
      </div>
      <Field id="filter-tags" label="Tags (comma-separated, any of)" error={e.filter?.tags?.message}>
        <input id="filter-tags" type="text" {...register("filter.tags", { setValueAs: list(/,/u) })} />
      </Field>
      <Field id="filter-ids" label="Only these document ids (one per line)" hint="Leave empty for every signed-off document." error={e.filter?.documentIds?.message}>
        <textarea id="filter-ids" rows={2} {...register("filter.documentIds", { setValueAs: list(/\s+/u) })} />
      </Field>
      <FormError message={formError} />
      <button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Creating…" : "Create dataset version"}</button>
    </form>
  );
}
