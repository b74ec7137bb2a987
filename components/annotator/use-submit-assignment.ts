"use client";
import { useState } from "react";
import { ApiError, messageOf } from "@/lib/api-client/api-error";
import { annotatorApi } from "@/lib/api-client/annotator-endpoints";

type Options = {
  assignmentId: string | null;
  /** Changes still in the outbox or in conflict: submitting now would submit less than the annotator sees. */
  unsaved: boolean;
  onSubmitted: () => void;
  say: (text: string, ok?: boolean) => void;
};

/** Submits the annotator's own assignment once every change is saved. */
export function useSubmitAssignment({ assignmentId, unsaved, onSubmitted, say }: Options) {
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    if (!assignmentId) return;
    if (unsaved) return say("Wait until every change is saved (and conflicts are resolved) before submitting.");
    setSubmitting(true);
    try {
      await annotatorApi.submitAssignment(assignmentId);
      onSubmitted();
      say("Submitted. Thank you!", true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) say("This assignment could not be found — it may have been removed. Reload the page.");
      else say(messageOf(error, "Submitting failed; try again."));
    } finally {
      setSubmitting(false);
    }
  };

  return { submit, submitting };
}
