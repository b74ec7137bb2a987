"use client";
import { useRouter } from "next/navigation";
import { updateSuggestersAction } from "@/app/projects/[projectId]/suggestions/actions";
import { FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { SUGGESTER_KINDS, suggesterSettingsSchema, type SuggesterSettingsInput } from "@/lib/validation/suggestions";
import { SUGGESTER_LABELS } from "./suggester-labels";

export function SuggesterTogglesForm({ projectId, defaults }: { projectId: string; defaults: SuggesterSettingsInput }) {
  const router = useRouter();
  const { form, onSubmit, formError, saved } = useServerForm(suggesterSettingsSchema, (v) => updateSuggestersAction(projectId, v), {
    defaultValues: defaults,
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="suggester-toggles">
      {SUGGESTER_KINDS.map((kind) => (
        <label key={kind} className="checkbox" style={{ alignItems: "flex-start", marginBottom: "0.4rem" }}>
          <input type="checkbox" {...form.register(kind)} />
          <span>
            <strong>{SUGGESTER_LABELS[kind].name}</strong> <span className="muted small">— {SUGGESTER_LABELS[kind].what}</span>
          </span>
        </label>
      ))}
      <p className="hint">A switched-off suggester proposes nothing on the next run; suggestions already made stay until documents are re-run.</p>
      <FormError message={formError} />
      {saved ? <p className="form-ok">Suggesters saved.</p> : null}
      <button type="submit" disabled={form.formState.isSubmitting}>Save suggesters</button>
    </form>
  );
}
