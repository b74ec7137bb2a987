"use client";
import { usePathname, useRouter } from "next/navigation";
import { useCallback } from "react";
import { Controller } from "react-hook-form";
import { runSuggestionsAction } from "@/app/projects/[projectId]/suggestions/actions";
import { FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { runSuggestionsSchema } from "@/lib/validation/suggestions";
import { SuggestionTaskProgress } from "./suggestion-task-progress";

export type RerunDocument = { id: string; title: string; pending: number; decided: number };

export function RerunSuggestionsForm(props: { projectId: string; documents: RerunDocument[]; taskId: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const { form, onSubmit, formError } = useServerForm(runSuggestionsSchema, (v) => runSuggestionsAction(props.projectId, v), {
    defaultValues: { documentIds: [] },
    // The task id goes into the URL so the progress survives a reload.
    onSuccess: ({ taskId }) => router.replace(`${pathname}?task=${encodeURIComponent(taskId)}`, { scroll: false }),
  });
  const refresh = useCallback(() => router.refresh(), [router]);
  const error = form.formState.errors.documentIds;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="rerun-suggestions">
      <Controller
        control={form.control}
        name="documentIds"
        render={({ field }) => {
          const chosen = new Set(field.value ?? []);
          const toggle = (id: string) => field.onChange(chosen.has(id) ? [...chosen].filter((x) => x !== id) : [...chosen, id]);
          const all = props.documents.length > 0 && chosen.size === props.documents.length;
          return (
            <>
              <div className="row" style={{ marginBottom: "0.4rem" }}>
                <button type="button" className="secondary" onClick={() => field.onChange(all ? [] : props.documents.map((d) => d.id))}>
                  {all ? "Select none" : "Select all"}
                </button>
                <span className="muted small">{chosen.size} selected</span>
              </div>
              <div style={{ maxHeight: 320, overflowY: "auto" }}>
                <table className="data">
                  <thead>
                    <tr>
                      <th aria-label="Select" />
                      <th>Document</th>
                      <th className="num">Pending</th>
                      <th className="num">Decided</th>
                    </tr>
                  </thead>
                  <tbody>
                    {props.documents.map((d) => (
                      <tr key={d.id}>
                        <td>
                          <input type="checkbox" id={`rerun-${d.id}`} checked={chosen.has(d.id)} onChange={() => toggle(d.id)} />
                        </td>
                        <td>
                          <label htmlFor={`rerun-${d.id}`}>{d.title}</label>
                        </td>
                        <td className="num">{d.pending}</td>
                        <td className="num">{d.decided}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      />
      {error ? <p className="field-error" role="alert">{error.message ?? error.root?.message}</p> : null}
      <p className="hint">Re-running replaces pending suggestions; accepted and rejected ones are kept and not proposed again.</p>
      <FormError message={formError} />
      <button type="submit" disabled={form.formState.isSubmitting}>Re-run for selected documents</button>
      {props.taskId ? <SuggestionTaskProgress key={props.taskId} taskId={props.taskId} onFinished={refresh} /> : null}
    </form>
  );
}
