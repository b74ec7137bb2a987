"use client";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { DATASET_DOCUMENT_STATES, type createDatasetSchema } from "@/lib/validation/datasets";
import type { z } from "@/lib/validation/zod";

type Values = z.input<typeof createDatasetSchema>;
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const list = (separator: RegExp) => (v: unknown) => (typeof v === "string" ? v.split(separator).map((s) => s.trim()).filter(Boolean) : v);

const STATE_LABELS: Record<(typeof DATASET_DOCUMENT_STATES)[number], string> = {
  ANNOTATING: "Annotating",
  READY_FOR_REVIEW: "Ready for review",
  IN_REVIEW: "In review",
  SIGNED_OFF: "Signed off",
};

/** Which documents go into a version: state, annotator, title text, tags and three date ranges. */
export function DatasetFilterFields({ register, errors, annotators }: { register: UseFormRegister<Values>; errors: FieldErrors<Values>; annotators: { id: string; name: string }[] }) {
  const e = errors.filter;
  const dateRange = (key: "published" | "imported" | "signedOff", label: string) => (
    <div className="row">
      <Field id={`filter-${key}-from`} label={`${label} from`} error={e?.[`${key}From`]?.message}>
        <input id={`filter-${key}-from`} type="date" {...register(`filter.${key}From`, { setValueAs: blankToUndefined })} />
      </Field>
      <Field id={`filter-${key}-to`} label={`${label} to`} error={e?.[`${key}To`]?.message}>
        <input id={`filter-${key}-to`} type="date" {...register(`filter.${key}To`, { setValueAs: blankToUndefined })} />
      </Field>
    </div>
  );
  return (
    <fieldset className="field" style={{ border: 0, padding: 0 }} data-testid="dataset-filter">
      <legend style={{ fontWeight: 600, fontSize: "0.9rem" }}>Documents</legend>
      <fieldset className="field" style={{ border: 0, padding: 0 }}>
        <legend className="small">State</legend>
        <div className="row">
          {DATASET_DOCUMENT_STATES.map((s) => (
            <label key={s} className="checkbox">
              <input type="checkbox" value={s} {...register("filter.states")} /> {STATE_LABELS[s]}
            </label>
          ))}
        </div>
        {e?.states ? <p className="field-error">{e.states.message ?? "Unknown state"}</p> : null}
        <p className="hint">Documents not signed off are exported with whatever gold layer they have so far.</p>
      </fieldset>
      <Field id="filter-title" label="Title contains" error={e?.titleContains?.message}>
        <input id="filter-title" type="search" {...register("filter.titleContains", { setValueAs: blankToUndefined })} />
      </Field>
      {annotators.length ? (
        <Field id="filter-annotators" label="Annotated by (any of)" hint="Ctrl- or Cmd-click to pick several; none picked means anyone." error={e?.annotatorIds?.message}>
          <select id="filter-annotators" multiple size={Math.min(annotators.length, 5)} {...register("filter.annotatorIds")}>
            {annotators.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field id="filter-tags" label="Tags (comma-separated, any of)" error={e?.tags?.message}>
        <input id="filter-tags" type="text" {...register("filter.tags", { setValueAs: list(/,/u) })} />
      </Field>
      {dateRange("published", "Published")}
      {dateRange("imported", "Imported")}
      {dateRange("signedOff", "Signed off")}
    </fieldset>
  );
}
