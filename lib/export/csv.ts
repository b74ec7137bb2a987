import { ExportError } from "./types";

/**
 * CSV conventions for sentences.csv and spans.csv:
 * - RFC 4180: CRLF between records (the one place we do not use LF, because the RFC and
 *   Excel expect it); fields containing `"`, `,`, CR or LF are quoted with inner quotes doubled.
 *   Document text inside a quoted field keeps its own line breaks unchanged.
 * - UTF-8 with a BOM: without it Excel decodes UTF-8 as the local code page and mangles
 *   Cyrillic; Python's "utf-8-sig", pandas and R's readr strip it.
 * - Formula injection: every text cell starting with = + - @ tab CR NUL or the full-width
 *   ＝ ＋ － ＠ gets a leading `'`. Numeric cells (offsets, indices, stance values) are written
 *   from validated numbers, never from user text, and are exempt so "-2" stays a number.
 */
export const CSV_BOM = "\uFEFF";
export const CSV_EOL = "\r\n";

const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r", "\u0000", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);

export function defuseFormula(value: string): string {
  if (typeof value !== "string") throw new ExportError("CSV cell must be a string");
  return value !== "" && FORMULA_START.has(value[0] ?? "") ? "'" + value : value;
}

function quote(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

/** A text cell (defused), a numeric cell (exempt) or an empty cell (null). */
export type CsvCell = string | number | null;

export function csvCell(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new ExportError(`CSV cell: ${String(cell)} is not a finite number`);
    return String(cell);
  }
  return quote(defuseFormula(cell));
}

export function csvRow(cells: CsvCell[]): string {
  return cells.map(csvCell).join(",") + CSV_EOL;
}
