import { ExportError } from "./types";

/**
 * Everything Python's str.splitlines() treats as a line boundary. Readers of our line-based
 * formats (brat .ann notes) are usually Python, so none of these may appear inside a record.
 */
export const LINE_BREAK = /\r\n|[\t\n\r\v\f\u001c-\u001e\u0085\u2028\u2029]/gu;

function checked(value: string | number, what: string): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ExportError(`${what}: ${String(value)} is not a finite number`);
    return String(value);
  }
  if (typeof value !== "string") throw new ExportError(`${what} must be a string or number`);
  return value;
}

/**
 * A flat TSV cell (brat notes and headers): tabs and line breaks become one space each (CRLF
 * counts as one break), nothing else changes.
 */
export function tsvCell(value: string | number): string {
  return checked(value, "TSV cell").replace(LINE_BREAK, " ");
}

export function tsvRow(cells: Array<string | number>): string {
  return cells.map(tsvCell).join("\t") + "\n";
}

/**
 * A data TSV cell that keeps text exact: a cell containing `"`, a tab, CR or LF is quoted
 * with inner quotes doubled — what Python's `csv.reader(f, delimiter="\t")`, pandas'
 * `read_csv(sep="\t")` and R's `read_tsv` expect at their default settings. Without it a cell
 * starting with `"` is read as a quoted field and loses the quote. Line breaks stay inside
 * the quoted cell, so files must be opened with `newline=""` in Python (as the csv module asks).
 */
export function quotedTsvCell(value: string | number): string {
  const s = checked(value, "TSV cell");
  return /["\t\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function quotedTsvRow(cells: Array<string | number>): string {
  return cells.map(quotedTsvCell).join("\t") + "\n";
}
