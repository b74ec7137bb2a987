import type { ExternalSuggesterDto } from "@/lib/validation/external-suggesters";
import { LocalTime } from "@/components/ui/local-time";
import { ExternalSuggesterForm } from "./external-suggester-form";
import { RemoveSuggesterButton } from "./remove-suggester-button";

/** The Suggestions tab's list of external /predict services, with each one's last failure. */
export function ExternalSuggestersPanel({ projectId, items }: { projectId: string; items: ExternalSuggesterDto[] }) {
  return (
    <section className="panel" data-testid="external-suggesters">
      <h2 style={{ marginTop: 0 }}>External suggesters</h2>
      <p className="hint">
        Your own model or LLM service, speaking Label Studio&apos;s ML-backend <code>/predict</code> protocol. Each suggestion run sends it every document; its text
        regions labelled with a span type of this project become suggestions, with its score as their confidence. A failure is shown here and never stops annotation.
      </p>
      {items.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>Name</th>
              <th>URL</th>
              <th>Last success</th>
              <th>Last problem</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} data-suggester-name={s.name}>
                <td>
                  <code>external:{s.name}</code>
                </td>
                <td className="small">{s.url}</td>
                <td className="small">{s.lastOkAt ? <LocalTime value={s.lastOkAt} /> : "—"}</td>
                <td className="small" data-testid="suggester-last-error">
                  {s.lastError ? (
                    <>
                      <span className="badge warn">{s.lastErrorAt ? <LocalTime value={s.lastErrorAt} /> : "error"}</span> {s.lastError}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  <RemoveSuggesterButton projectId={projectId} suggesterId={s.id} name={s.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Add a suggester</h3>
      <ExternalSuggesterForm projectId={projectId} />
    </section>
  );
}
