"use client";
import { useRouter } from "next/navigation";
import { createDatasetAction } from "@/app/projects/[projectId]/exports/actions";
import { useWatch } from "react-hook-form";
import { Field, FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { createDatasetSchema, DEFAULT_DATASET_STATES, DEFAULT_FORMATS, DEFAULT_SPLIT, EXPORT_FORMATS } from "@/lib/validation/datasets";
import { DatasetFilterFields } from "./dataset-filter-fields";
import { FORMAT_LABELS } from "./format-labels";
import { useMatchCount, type MatchCount } from "./use-match-count";

type Props = { projectId: string; spanTypes: { name: string; label: string }[]; annotators: { id: string; name: string }[] };

/** The create form: split ratios and seed, formats, annotator layers, and which documents to include. */
export function CreateDatasetForm({ projectId, spanTypes, annotators }: Props) {
  const router = useRouter();
  const { form, onSubmit, formError } = useServerForm(createDatasetSchema, (v) => createDatasetAction(projectId, v), {
    defaultValues: { split: DEFAULT_SPLIT, includeAnnotatorLayers: false, filter: { spanTypes: spanTypes.map((t) => t.name), states: [...DEFAULT_DATASET_STATES] }, formats: DEFAULT_FORMATS },
    onSuccess: (created) => router.push(`/projects/${projectId}/exports?task=${created.taskId}`),
  });
  const { register, formState, control } = form;
  const e = formState.errors;
  const count = useMatchCount(projectId, useWatch({ control, name: "filter" }));
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
      <DatasetFilterFields register={register} errors={e} annotators={annotators} />
      <MatchCountLine count={count} />
      <FormError message={formError} />
      <button type="submit" disabled={formState.isSubmitting || (count.state === "counted" && count.documents === 0)}>{formState.isSubmitting ? "Creating…" : "Create dataset version"}</button>
    </form>
  );
}

function MatchCountLine({ count }: { count: MatchCount }) {
  const text =
    count.state === "counted"
      ? count.documents === 0
        ? "No documents match this filter: widen it to create a version."
        : `${count.documents.toLocaleString()} document${count.documents === 1 ? "" : "s"} match this filter.`
      : count.state === "error"
        ? count.message
        : count.state === "counting"
          ? "Counting matching documents…"
          : "";
  return (
    <p className="small" data-testid="dataset-match-count" data-count={count.state === "counted" ? count.documents : undefined} aria-live="polite" role="status">
      {text}
    </p>
  );
}
