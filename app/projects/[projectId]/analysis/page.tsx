import type { Metadata } from "next";
import { csvHref, drillHref } from "@/components/analysis/analysis-links";
import { ChartFrame } from "@/components/analysis/chart-frame";
import { OutletSpeakerMatrix, TopSpeakersChart } from "@/components/analysis/speaker-charts";
import { StanceByTargetChart, StanceHeatMap, StanceTimelineChart } from "@/components/analysis/stance-charts";
import { runAnalytics } from "@/lib/analytics/run-analytics";
import { requireUser } from "@/lib/auth/current-user";
import { guardPage } from "@/lib/auth/page-guard";
import { isAppError } from "@/lib/errors";
import { getProject } from "@/lib/projects/projects";
import type { OutletRow, SpeakerRow, StanceRow, TimelineRow } from "@/lib/validation/analytics";

export const metadata: Metadata = { title: "Analysis" };

const FILTERS = ["target", "source", "language", "state", "from", "to", "layer"] as const;

export default async function AnalysisPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { projectId } = await params;
  const project = await guardPage(() => getProject(user, projectId));
  const raw = await searchParams;
  const filters: Record<string, string> = {};
  for (const key of FILTERS) {
    const v = raw[key];
    const first = Array.isArray(v) ? v[0] : v;
    if (first) filters[key] = first;
  }
  const run = (view: string, extra: Record<string, string> = {}) => runAnalytics(user, projectId, view, { ...filters, ...extra });
  let views: { byTarget: StanceRow[]; heat: StanceRow[]; timeline: TimelineRow[]; speakers: SpeakerRow[]; outlets: OutletRow[] } | null = null;
  let error: string | null = null;
  try {
    const [byTarget, heat, timeline, speakers, outlets] = await Promise.all([run("stance", { groupBy: "target" }), run("stance", { groupBy: "target,source" }), run("timeline"), run("speakers"), run("outlets")]);
    views = { byTarget: byTarget.rows as StanceRow[], heat: heat.rows as StanceRow[], timeline: timeline.rows as TimelineRow[], speakers: speakers.rows as SpeakerRow[], outlets: outlets.rows as OutletRow[] };
  } catch (e) {
    if (!isAppError(e) || e.code === "not_found") throw e;
    error = e.message;
  }
  return (
    <section data-testid="analysis">
      <form method="get" className="panel row small" style={{ marginBottom: "0.75rem", flexWrap: "wrap" }} data-testid="analysis-filters">
        <select name="target" aria-label="Target" defaultValue={filters.target ?? ""}>
          <option value="">Every target</option>
          {project.labelSchema.stanceTargets.map((t) => (
            <option key={t.name} value={t.name}>{t.name}</option>
          ))}
        </select>
        <input name="source" aria-label="Source" placeholder="Source (outlet)" defaultValue={filters.source ?? ""} size={14} />
        <input name="language" aria-label="Language" placeholder="Language" defaultValue={filters.language ?? ""} size={6} />
        <label>
          From <input type="date" name="from" aria-label="From" defaultValue={filters.from ?? ""} />
        </label>
        <label>
          To <input type="date" name="to" aria-label="To" defaultValue={filters.to ?? ""} />
        </label>
        <select name="layer" aria-label="Layer" defaultValue={filters.layer ?? ""}>
          <option value="">Gold layer</option>
          <option value="any">Every layer I can see</option>
        </select>
        <button type="submit">Apply</button>
      </form>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {views ? (
        <>
          <ChartFrame title="Stance by target (mean, 95% interval)" testId="chart-stance-target" csvHref={csvHref(projectId, "stance", filters, { groupBy: "target" })} drillHref={drillHref(projectId, filters)}>
            <StanceByTargetChart projectId={projectId} filters={filters} rows={views.byTarget} />
          </ChartFrame>
          <ChartFrame title="Stance by target and outlet" testId="chart-stance-outlet" csvHref={csvHref(projectId, "stance", filters, { groupBy: "target,source" })}>
            <StanceHeatMap projectId={projectId} filters={filters} rows={views.heat} />
          </ChartFrame>
          <ChartFrame title="Stance over time, per target" testId="chart-timeline" csvHref={csvHref(projectId, "timeline", filters)} drillHref={drillHref(projectId, filters)}>
            <StanceTimelineChart rows={views.timeline} />
          </ChartFrame>
          <ChartFrame title="Top speakers" testId="chart-speakers" csvHref={csvHref(projectId, "speakers", filters)} drillHref={drillHref(projectId, filters, { type: "QUOTE" })}>
            <TopSpeakersChart projectId={projectId} filters={filters} rows={views.speakers} />
          </ChartFrame>
          <ChartFrame title="Quotes by outlet and speaker" testId="chart-outlets" csvHref={csvHref(projectId, "outlets", filters)} drillHref={drillHref(projectId, filters, { type: "QUOTE" })}>
            <OutletSpeakerMatrix rows={views.outlets} />
          </ChartFrame>
        </>
      ) : null}
    </section>
  );
}
