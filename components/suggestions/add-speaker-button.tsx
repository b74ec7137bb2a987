"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { addSpeakerAction } from "@/app/projects/[projectId]/suggestions/actions";

const TYPES = [
  { value: "person", label: "Person" },
  { value: "organisation", label: "Organisation" },
  { value: "outlet", label: "Outlet" },
  { value: "document", label: "Document" },
  { value: "state", label: "State" },
] as const;

/** Adds a proposed speaker name to the project's registry; its quotes link to it at once. */
export function AddSpeakerButton({ projectId, name }: { projectId: string; name: string }) {
  const router = useRouter();
  const id = useId();
  const [type, setType] = useState<(typeof TYPES)[number]["value"]>("person");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const add = () =>
    startTransition(async () => {
      setError(null);
      const result = await addSpeakerAction(projectId, { name, type });
      if (result.ok) router.refresh();
      else setError(result.message);
    });
  return (
    <div className="row">
      <label htmlFor={id} className="small muted">
        as
      </label>
      <select id={id} value={type} onChange={(e) => setType(e.target.value as typeof type)} style={{ width: "auto" }}>
        {TYPES.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" disabled={pending} onClick={add}>
        Add to registry
      </button>
      {error ? <span className="field-error" role="alert">{error}</span> : null}
    </div>
  );
}
