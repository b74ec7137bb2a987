import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { AddSpeakerButton } from "@/components/suggestions/add-speaker-button";
import { ExternalSuggestersPanel } from "@/components/suggestions/external-suggesters-panel";
import { PrecisionChart } from "@/components/suggestions/precision-chart";
import { RerunSuggestionsForm } from "@/components/suggestions/rerun-suggestions-form";
import { SUGGESTER_LABELS } from "@/components/suggestions/suggester-labels";
import { SuggesterTogglesForm } from "@/components/suggestions/suggester-toggles-form";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { listDocuments } from "@/lib/documents/list-documents";
import { listExternalSuggesters } from "@/lib/external-suggesters/manage";
import { getProject } from "@/lib/projects/projects";
import { listSpeakerProposals } from "@/lib/suggestion-runs/speaker-proposals";
import { getRuleCounts, getSuggestionStats, suggestionCountsByDocument } from "@/lib/suggestion-runs/suggestion-stats";
import { listRecentTasks } from "@/lib/tasks/tasks";
import { MAX_DOCUMENTS_PER_RUN } from "@/lib/validation/suggestions";

export const metadata: Metadata = { title: "Suggestions" };

const percent = (p: number | null) => (p === null ? "—" : `${(p * 100).toFixed(1)}%`);

export default async function SuggestionsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ task?: string }> }) {
  const user = await requireUser();
  const { projectId } = await params;
  const { task } = await searchParams;
  const project = await guardPage(() => getProject(user, projectId));
  if (!project.permissions.includes("suggestions.manage")) forbidden();
  const [stats, counts, documents, recent, speakers, rules, external] = await Promise.all([
    getSuggestionStats(user, projectId),
    suggestionCountsByDocument(user, projectId),
    listDocuments(user, projectId, { limit: MAX_DOCUMENTS_PER_RUN }),
    listRecentTasks(user, projectId, "SUGGEST"),
    listSpeakerProposals(user, projectId),
    getRuleCounts(user, projectId),
    listExternalSuggesters(user, projectId),
  ]);
  const decided = stats.reduce((n, s) => n + s.accepted + s.rejected, 0);
  return (
    <>
      <section className="panel" data-testid="suggestion-precision">
        <h2 style={{ marginTop: 0 }}>Precision by suggester</h2>
        <p className="hint">What annotators kept: accepted ÷ (accepted + rejected). Pending suggestions do not count.</p>
        {decided === 0 ? (
          <div className="empty">
            <strong>No decisions yet</strong>
            Precision appears here once annotators accept or reject suggestions on the annotator page.
          </div>
        ) : (
          <PrecisionChart data={stats.map((s) => ({ name: SUGGESTER_LABELS[s.suggester].name, precision: s.precision, decided: s.accepted + s.rejected }))} />
        )}
        <table className="data">
          <thead>
            <tr>
              <th>Suggester</th>
              <th>Status</th>
              <th className="num">Accepted</th>
              <th className="num">Rejected</th>
              <th className="num">Pending</th>
              <th className="num">Precision</th>
            </tr>
          </thead>
          <tbody>
            {stats.map((s) => (
              <tr key={s.suggester} data-suggester={s.suggester}>
                <td>{SUGGESTER_LABELS[s.suggester].name}</td>
                <td>{project.settings.suggesters[s.suggester] ? <span className="badge ok">on</span> : <span className="badge grey">off</span>}</td>
                <td className="num">{s.accepted}</td>
                <td className="num">{s.rejected}</td>
                <td className="num">{s.pending}</td>
                <td className="num">{percent(s.precision)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rules.length > 0 ? (
          <details style={{ marginTop: "0.75rem" }}>
            <summary>By rule ({rules.length} rules)</summary>
            <table className="data" data-testid="suggestion-rules">
              <thead>
                <tr>
                  <th>Rule</th>
                  <th className="num">Accepted</th>
                  <th className="num">Rejected</th>
                  <th className="num">Pending</th>
                  <th className="num">Precision</th>
                  <th className="num" title="Calibrated on the development corpus → after this project's decisions">Confidence</th>
                </tr>
              </thead>
              <tbody>
                {rules.map((r) => (
                  <tr key={r.rule}>
                    <td>
                      <code>{r.rule}</code>
                    </td>
                    <td className="num">{r.accepted}</td>
                    <td className="num">{r.rejected}</td>
                    <td className="num">{r.pending}</td>
                    <td className="num">{percent(r.accepted + r.rejected > 0 ? r.accepted / (r.accepted + r.rejected) : null)}</td>
                    <td className="num" data-testid="rule-confidence">
                      {r.calibrated.toFixed(2)} → {r.learned.toFixed(2)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ) : null}
      </section>
      <div className="grid-2">
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>Suggesters</h2>
          <SuggesterTogglesForm projectId={projectId} defaults={project.settings.suggesters} />
        </section>
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>Re-run for selected documents</h2>
          {documents.items.length === 0 ? (
            <div className="empty">
              <strong>No documents yet</strong>
              Suggestions run by themselves after every <Link href={`/projects/${projectId}/import`}>import</Link>.
            </div>
          ) : (
            <RerunSuggestionsForm
              projectId={projectId}
              taskId={task ?? null}
              documents={documents.items.map((d) => ({ id: d.id, title: d.title, pending: counts.get(d.id)?.pending ?? 0, decided: counts.get(d.id)?.decided ?? 0 }))}
            />
          )}
          {documents.nextCursor ? <p className="hint">Showing the first {MAX_DOCUMENTS_PER_RUN} documents; use the API for more.</p> : null}
        </section>
      </div>
      <ExternalSuggestersPanel projectId={projectId} items={external.items} />
      <section className="panel" data-testid="speaker-proposals">
        <h2 style={{ marginTop: 0 }}>Speakers not in the registry</h2>
        {speakers.newNames.length === 0 ? (
          <p className="muted">Every speaker of a pending quote suggestion matches the registry.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>Name found in the text</th>
                <th className="num">Pending quotes</th>
                <th>Add</th>
              </tr>
            </thead>
            <tbody>
              {speakers.newNames.map((n) => (
                <tr key={n.name}>
                  <td>{n.name}</td>
                  <td className="num">{n.quotes}</td>
                  <td>
                    <AddSpeakerButton projectId={projectId} name={n.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {speakers.merges.length > 0 ? (
          <>
            <h3>Possibly the same speaker</h3>
            <ul>
              {speakers.merges.map((m) => (
                <li key={`${m.a.name}|${m.b.name}`}>
                  {m.a.name} {m.a.id ? <span className="badge grey">registry</span> : <span className="badge warn">new</span>} ~ {m.b.name}{" "}
                  {m.b.id ? <span className="badge grey">registry</span> : <span className="badge warn">new</span>} <span className="muted small">similarity {m.score.toFixed(2)}</span>
                </li>
              ))}
            </ul>
            <p className="hint">
              Merge two registry entries, or add a spelling as an alias, on the <Link href={`/projects/${projectId}/speakers`}>Speakers</Link> tab.
            </p>
          </>
        ) : null}
      </section>
      <h2>Recent runs</h2>
      {recent.length === 0 ? (
        <p className="muted">No runs yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>Started</th>
              <th>Status</th>
              <th className="num">Documents</th>
              <th className="num">Suggestions</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((t) => (
              <tr key={t.id}>
                <td>
                  <Link href={`/projects/${projectId}/suggestions?task=${t.id}`}>{t.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC</Link>
                </td>
                <td>
                  <span className={`badge ${t.status === "DONE" ? "ok" : t.status === "FAILED" ? "danger" : "warn"}`}>{t.status.toLowerCase()}</span>
                </td>
                <td className="num">
                  {t.done} / {t.total}
                </td>
                <td className="num">
                  {(t.result as { suggestions?: number }).suggestions ?? 0}
                  {(t.result as { externalFailures?: number }).externalFailures ? (
                    <span className="badge warn" title="See External suggesters for the reasons">
                      {" "}
                      {(t.result as { externalFailures?: number }).externalFailures} external calls failed
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
