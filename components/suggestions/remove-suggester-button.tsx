"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { removeExternalSuggesterAction } from "@/app/projects/[projectId]/suggestions/actions";

export function RemoveSuggesterButton({ projectId, suggesterId, name }: { projectId: string; suggesterId: string; name: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="danger small"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Remove the suggester ${name}? Suggestions it already made stay.`)) return;
          start(async () => {
            const result = await removeExternalSuggesterAction(projectId, suggesterId);
            if (result.ok) router.refresh();
            else setError(result.message);
          });
        }}
      >
        Remove
      </button>
      {error ? <span className="field-error">{error}</span> : null}
    </>
  );
}
