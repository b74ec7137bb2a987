import type { AgreementReportDto } from "@/lib/validation/agreement";
import { AlphaChart, KappaMatrix, SpanF1Chart } from "./agreement-charts";
import { formatScore } from "./format-score";

/** The agreement figures: alpha chart and table, kappa matrix, span F1 per type, per-annotator table. */
export function AgreementReportView({ report }: { report: AgreementReportDto }) {
  const names = new Map(report.annotators.map((a) => [a.id, a.name]));
  if (report.doubleAnnotatedDocuments === 0) {
    return (
      <div className="panel empty" data-testid="agreement-empty">
        <strong>No double-annotated documents {report.documentId ? "here" : "yet"}</strong>
        Agreement compares annotators on the same document. Assign {report.documentId ? "this document" : "documents"} to at least two annotators;
        the figures appear as soon as two of them have annotated the same document.
        {report.documents > 0 ? ` (${report.documents} document${report.documents === 1 ? " has" : "s have"} work from a single annotator.)` : ""}
      </div>
    );
  }
  const types = [...new Set(report.perAnnotator.flatMap((p) => Object.keys(p.annotations)))].sort();
  return (
    <>
      <p className="muted small">
        {report.documents} document{report.documents === 1 ? "" : "s"} with annotator work, {report.doubleAnnotatedDocuments} of them double-annotated ·{" "}
        {report.annotators.length} annotators. Alpha 0.8+ is usually taken as reliable, 0.667–0.8 as tentative (Krippendorff).
      </p>
      <div className="panel">
        <h3 style={{ marginTop: 0 }}>Krippendorff’s alpha per label and attribute</h3>
        <AlphaChart attributes={report.attributes} />
        <table className="data small" data-testid="alpha-table">
          <thead>
            <tr>
              <th>Attribute</th>
              <th className="num">Nominal</th>
              <th className="num">Ordinal</th>
              <th className="num">Interval</th>
              <th className="num">Units</th>
              <th className="num">Values</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(report.attributes).map(([key, a]) => (
              <tr key={key}>
                <td className="mono">{key}</td>
                <td className="num">{formatScore(a.alpha.nominal)}</td>
                <td className="num">{formatScore(a.alpha.ordinal)}</td>
                <td className="num">{formatScore(a.alpha.interval)}</td>
                <td className="num">{a.units}</td>
                <td className="num">{a.pairable}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid-2">
        <div className="panel">
          <h3 style={{ marginTop: 0 }}>Cohen’s kappa per annotator pair</h3>
          <KappaMatrix kappa={report.kappa} annotators={report.annotators} />
        </div>
        <div className="panel">
          <h3 style={{ marginTop: 0 }}>Span agreement per type (F1)</h3>
          <SpanF1Chart spanF1ByType={report.spanF1ByType} />
          {report.relationF1 ? (
            <p className="small" data-testid="relation-f1">
              Relations (type and both ends agree): F1 {formatScore(report.relationF1.f1)} over {report.relationF1.relations} relation{report.relationF1.relations === 1 ? "" : "s"}
            </p>
          ) : null}
        </div>
      </div>
      <div className="panel">
        <h3 style={{ marginTop: 0 }}>Per annotator</h3>
        <table className="data small" data-testid="per-annotator">
          <thead>
            <tr>
              <th>Annotator</th>
              <th className="num">Documents</th>
              {types.map((t) => (
                <th key={t} className="num">{t}</th>
              ))}
              <th className="num">Mean F1 exact</th>
              <th className="num">Mean F1 overlap</th>
            </tr>
          </thead>
          <tbody>
            {report.perAnnotator.map((p) => (
              <tr key={p.annotatorId}>
                <td>{names.get(p.annotatorId) ?? p.annotatorId}</td>
                <td className="num">{p.documents}</td>
                {types.map((t) => (
                  <td key={t} className="num">{p.annotations[t] ?? 0}</td>
                ))}
                <td className="num">{formatScore(p.meanPairwiseF1.exact)}</td>
                <td className="num">{formatScore(p.meanPairwiseF1.overlap)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {report.spans.length > 0 ? (
          <table className="data small" data-testid="pairs" style={{ marginTop: "1rem" }}>
            <thead>
              <tr>
                <th>Pair</th>
                <th className="num">Documents</th>
                <th className="num">F1 exact</th>
                <th className="num">F1 overlap</th>
              </tr>
            </thead>
            <tbody>
              {report.spans.map((s) => (
                <tr key={`${s.reference}-${s.other}`}>
                  <td>{names.get(s.reference) ?? s.reference} – {names.get(s.other) ?? s.other}</td>
                  <td className="num">{s.documents}</td>
                  <td className="num">{formatScore(s.exact.overall.f1)}</td>
                  <td className="num">{formatScore(s.overlap.overall.f1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </>
  );
}
