"use client";
import { useState, useTransition } from "react";
import { removeMemberAction } from "@/app/projects/[projectId]/actions";

export function RemoveMemberButton({ projectId, memberId, name }: { projectId: string; memberId: string; name: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Remove ${name} from this project?`)) return;
          start(async () => {
            const result = await removeMemberAction(projectId, memberId);
            if (!result.ok) setError(result.message);
          });
        }}
      >
        Remove
      </button>
      {error ? <span className="field-error">{error}</span> : null}
    </>
  );
}
