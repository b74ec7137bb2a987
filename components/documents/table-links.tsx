import Link from "next/link";
import type { DocumentSort, DocumentTableQuery } from "@/lib/validation/document-table";

/** The documents table's URL for a query; defaults are left out so links stay short. */
export function tableHref(base: string, query: DocumentTableQuery, change: Partial<DocumentTableQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.state) params.set("state", next.state.toLowerCase());
  if (next.sort !== "imported") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}

/** A column header that sorts by its column; a second click reverses the order. */
export function SortHeader(props: { base: string; query: DocumentTableQuery; column: DocumentSort; label: string; numeric?: boolean }) {
  const { base, query, column, label } = props;
  const active = query.sort === column;
  const dir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th className={props.numeric ? "num" : undefined} aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={tableHref(base, query, { sort: column, dir, page: 1 })} data-testid={`sort-${column}`}>
        {label}
        {active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    </th>
  );
}
