import type { SyncStatus } from "./sync-engine";

/** "Saved" / "Saving…" / "Offline — N changes pending": the one thing that says no work is lost. */
export function SyncStatusPill({ status }: { status: SyncStatus }) {
  const [text, className] =
    status.state === "saving"
      ? ["Saving…", "badge warn"]
      : status.state === "offline"
        ? [`Offline — ${status.pending} ${status.pending === 1 ? "change" : "changes"} pending`, "badge danger"]
        : status.state === "error"
          ? [status.message ?? "Could not load your annotations.", "badge danger"]
          : status.pending > 0
            ? ["Saving…", "badge warn"]
            : ["Saved", "badge ok"];
  return (
    <span className={className} data-testid="sync-status" data-state={status.state} data-pending={status.pending} role="status" aria-live="polite">
      {text}
    </span>
  );
}
