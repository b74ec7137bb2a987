const TONE: Record<string, string> = {
  ASSIGNED: "grey",
  IN_PROGRESS: "",
  SUBMITTED: "ok",
  ANNOTATING: "",
  READY_FOR_REVIEW: "warn",
  IN_REVIEW: "warn",
  SIGNED_OFF: "ok",
};

export const stateLabel = (state: string) => state.toLowerCase().replaceAll("_", " ");

/** An assignment or document state as a coloured badge. */
export function StateBadge({ state }: { state: string }) {
  return <span className={`badge ${TONE[state] ?? "grey"}`} data-state={state}>{stateLabel(state)}</span>;
}
