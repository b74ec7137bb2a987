import { ExportError } from "./types";

/**
 * Everything Python's str.splitlines() treats as a line boundary. Readers of our line-based
 * formats (TSV, brat .ann) are usually Python, so none of these may appear inside a record.
 */
export const LINE_BREAK = /\r\n|[\t\n\r\v\f\u001c-\u001e\u0085\u2028\u2029]/gu;

/**
 * A TSV cell: tabs and line breaks become one space each (CRLF counts as one break), nothing
 * else changes. TSV files are for tools, not spreadsheets, so no formula defusing here.
 */
export function tsvCell(value: string | number): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ExportError(`TSV cell: ${String(value)} is not a finite number`);
    return String(value);
  }
  if (typeof value !== "string") throw new ExportError("TSV cell must be a string or number");
  return value.replace(LINE_BREAK, " ");
}

export function tsvRow(cells: Array<string | number>): string {
  return cells.map(tsvCell).join("\t") + "\n";
}
