"use client";
import Link from "next/link";
import { useRef, type ReactNode } from "react";

/** A titled chart with its downloads (CSV from the API, SVG of the drawing) and a drill-down link. */
export function ChartFrame({ title, testId, csvHref, drillHref, children }: { title: string; testId: string; csvHref: string; drillHref?: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const downloadSvg = () => {
    const svg = box.current?.querySelector("svg.recharts-surface") ?? box.current?.querySelector("svg");
    if (!svg) return;
    const clone = svg.cloneNode(true) as SVGElement;
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    const url = URL.createObjectURL(new Blob([clone.outerHTML], { type: "image/svg+xml" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${testId}.svg`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section className="panel" data-testid={testId} style={{ marginBottom: "0.75rem" }}>
      <div className="row">
        <h3 style={{ margin: 0 }}>{title}</h3>
        <span className="spacer" />
        <a className="small" href={csvHref} download>
          Download CSV
        </a>
        <button type="button" className="small" onClick={downloadSvg}>
          Download SVG
        </button>
        {drillHref ? (
          <Link className="small" href={drillHref}>
            Show the items
          </Link>
        ) : null}
      </div>
      <div ref={box}>{children}</div>
    </section>
  );
}
