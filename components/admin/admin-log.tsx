type AdminLogEvent = { id: string; action: string; actor: string | null; target: string; after: unknown; createdAt: string };

const LABELS: Record<string, string> = {
  "user.create": "created",
  "user.deactivate": "deactivated",
  "user.activate": "reactivated",
  "user.password_reset": "reset the password of",
  "user.password_change": "changed their own password:",
};

/** The latest user-administration events (who did what to whom, when). */
export function AdminLog({ events }: { events: AdminLogEvent[] }) {
  if (events.length === 0) return <p className="muted small">No administration events yet.</p>;
  return (
    <table className="data" data-testid="admin-log">
      <thead>
        <tr>
          <th>When</th>
          <th>Event</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} data-action={e.action}>
            <td className="small">{new Date(e.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC</td>
            <td>
              {e.actor ?? "someone"} {LABELS[e.action] ?? e.action} {e.target}
              {typeof e.after === "object" && e.after && "revokedTokens" in e.after ? (
                <span className="muted small"> · {String((e.after as { revokedTokens: unknown }).revokedTokens)} API tokens revoked</span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
