// The agreement report over the annotator layers of a version's documents, flattened to the
// few figures the manifest and the dataset card report.
import type { AgreementReport } from "@/lib/agreement/agreement-report";
import type { AgreementFigure } from "@/lib/export/types";

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function mean(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
}

export function agreementFigures(report: AgreementReport): AgreementFigure[] {
  const figures: AgreementFigure[] = [];
  if (report.annotators.length < 2) return figures;
  for (const mode of ["exact", "overlap"] as const) {
    const f1 = mean(report.spans.map((p) => p[mode].overall.f1));
    if (f1 !== null) figures.push({ task: "spans", metric: `f1_${mode}_mean_pairwise`, value: round(f1), items: report.documents });
  }
  for (const [key, a] of Object.entries(report.attributes)) {
    const value = a.scale === "numeric" ? a.alpha.interval : a.alpha.nominal;
    if (value !== null && Number.isFinite(value))
      figures.push({ task: `attribute:${key}`, metric: a.scale === "numeric" ? "krippendorff_alpha_interval" : "krippendorff_alpha_nominal", value: round(value), items: a.units });
  }
  if (report.kappa) {
    const { matrix, n } = report.kappa;
    const pairs: (number | null)[] = [];
    let items = 0;
    for (let i = 0; i < matrix.length; i++)
      for (let j = i + 1; j < matrix.length; j++) {
        pairs.push(matrix[i]?.[j] ?? null);
        items += n[i]?.[j] ?? 0;
      }
    const kappa = mean(pairs);
    if (kappa !== null) figures.push({ task: `sentence:${report.kappa.key}`, metric: "cohen_kappa_mean_pairwise", value: round(kappa), items });
  }
  return figures;
}
