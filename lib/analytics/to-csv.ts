// RFC 4180 CSV of a view's rows (UTF-8 with BOM, so spreadsheets read Cyrillic), flattening nested
// records into one column per key. Cells that a spreadsheet would run as a formula get a leading '.

type Cell = string | number | boolean | null | undefined;

function escape(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  let text = String(cell);
  if (typeof cell === "string" && /^[=+\-@\t\r\0＝＋－＠]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Flattens {a: 1, b: {x: 2}} into {a: 1, "b.x": 2}; arrays become "lo;hi". */
export function flatten(value: Record<string, unknown>, prefix = ""): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  const entries = Object.entries(value);
  // Numeric keys (a stance distribution) in numeric order: JavaScript lists "0" before "-2".
  if (entries.length && entries.every(([k]) => /^-?\d+$/.test(k))) entries.sort(([a], [b]) => Number(a) - Number(b));
  for (const [key, v] of entries) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(v)) out[name] = v.join(";");
    else if (v !== null && typeof v === "object") Object.assign(out, flatten(v as Record<string, unknown>, name));
    else out[name] = v as Cell;
  }
  return out;
}

export function toCsv(rows: Record<string, unknown>[]): string {
  const flat = rows.map((r) => flatten(r));
  const columns: string[] = [];
  for (const row of flat) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const lines = [columns.map(escape).join(","), ...flat.map((row) => columns.map((c) => escape(row[c])).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
