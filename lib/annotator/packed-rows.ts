/**
 * Rows of like objects (a layer's annotations) as columns, for the annotator page's first render:
 * every key is said once instead of once per row, and a column with few distinct values (type,
 * origin, attributes, speaker) carries each value once plus a small index per row. 300 spans
 * shrink to about a third, and the server serialises (and the browser parses) that much less.
 * Pure and free of server imports: the page packs, its client island unpacks.
 */

/** A column: its values in row order, or (`table`) its distinct values and per row an index into them, -1 where the key is absent. */
type Column = { values: unknown[] } | { table: unknown[]; rows: number[] };

/** `T` is only carried along, so that unpacking gives back the row type that was packed. */
export type PackedRows<T> = { count: number; columns: Record<string, Column>; _rows?: T };

/** Plain values (JSON-like: the rows went through a server render anyway) compared by content. */
const keyOf = (value: unknown) => (typeof value === "object" && value !== null ? `o${JSON.stringify(value)}` : `${typeof value}:${String(value)}`);

function packColumn(rows: object[], key: string): Column {
  const present = rows.every((row) => key in row);
  const table: unknown[] = [];
  const seen = new Map<string, number>();
  const indexes = rows.map((row) => {
    if (!(key in row)) return -1;
    const value = (row as Record<string, unknown>)[key];
    const k = keyOf(value);
    let at = seen.get(k);
    if (at === undefined) {
      at = table.push(value) - 1;
      seen.set(k, at);
    }
    return at;
  });
  // Mostly distinct values (ids, offsets): an index per row would only add to them.
  if (present && table.length > rows.length / 2) return { values: rows.map((row) => (row as Record<string, unknown>)[key]) };
  return { table, rows: indexes };
}

export function packRows<T extends object>(rows: T[]): PackedRows<T> {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  const columns: Record<string, Column> = {};
  for (const key of keys) columns[key] = packColumn(rows, key);
  return { count: rows.length, columns };
}

/** A value shared by several rows is copied per row, so that no two rows share an object. */
const own = (value: unknown) => (typeof value === "object" && value !== null ? structuredClone(value) : value);

export function unpackRows<T extends object>(packed: PackedRows<T>): T[] {
  const rows = Array.from({ length: packed.count }, () => ({}) as Record<string, unknown>);
  for (const [key, column] of Object.entries(packed.columns)) {
    if ("values" in column) {
      column.values.forEach((value, i) => (rows[i]![key] = value));
    } else {
      column.rows.forEach((at, i) => {
        if (at >= 0) rows[i]![key] = own(column.table[at]);
      });
    }
  }
  return rows as T[];
}
