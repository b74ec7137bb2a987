import Link from "next/link";
import { searchHref, withFilter, type QueryState } from "./search-url";

/**
 * "1,000+ matching sentences · Count all": a search stops counting at the cap unless asked for
 * the exact figure (which costs time in proportion to the hits), and its facets count those hits.
 */
export function SearchTotal({ projectId, query, total, lowerBound, noun }: { projectId: string; query: QueryState; total: number; lowerBound: boolean; noun: string }) {
  const figure = total.toLocaleString("en");
  if (!lowerBound) return <>{`${figure} ${noun}${total === 1 ? "" : "s"}`}</>;
  return (
    <>
      {`${figure}+ ${noun}s`} <span className="muted">(facets count the first {figure})</span> ·{" "}
      <Link href={searchHref(projectId, withFilter(query, "exactTotal", "true"))} data-testid="count-all">
        Count all
      </Link>
    </>
  );
}
