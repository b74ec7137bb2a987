import { ExportError } from "./types";

/**
 * CSV conventions for sentences.csv and spans.csv:
 * - RFC 4180: CRLF between records (the one place we do not use LF, because the RFC and
 *   Excel expect it); fields containing `"`, `,`, CR or LF are quoted with inner quotes doubled.
 *   Document text inside a quoted field keeps its own line breaks unchanged.
 * - UTF-8 with a BOM: without it Excel decodes UTF-8 as the local code page and mangles
 *   Cyrillic; Python's "utf-8-sig", pandas and R's readr strip it.
 * - Two copies of each file. The main one (`sentences.csv`) is for tools and keeps every cell
 *   exact, so `text == doc[start:end]` holds. The spreadsheet copy (`spreadsheet/sentences.csv`)
 *   is safe to open in Excel or LibreOffice: every text cell starting with = + - @ tab CR NUL
 *   or the full-width ＝ ＋ － ＠ gets a leading `'` (formula injection), and a last column
 *   `defused` names the columns changed in that row (`;`-separated), so the change can be
 *   undone exactly. Numeric cells are written from validated numbers, never from user text,
 *   and are exempt so "-2" stays a number.
 */
export const CSV_BOM = "\uFEFF";
export const CSV_EOL = "\r\n";
/** Folder of the spreadsheet-safe copies. */
export const SPREADSHEET_DIR = "spreadsheet/";
export const DEFUSED_COLUMN = "defused";

const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r", "\u0000", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);

export function needsDefusing(value: string): boolean {
  return value !== "" && FORMULA_START.has(value[0] ?? "");
}

export function defuseFormula(value: string): string {
  if (typeof value !== "string") throw new ExportError("CSV cell must be a string");
  return needsDefusing(value) ? "'" + value : value;
}

// A char-code scan instead of a regex per cell: CSV rendering is the hot path of an export.
function quote(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 34 || c === 44 || c === 13 || c === 10) return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

/** A text cell, a numeric cell or an empty cell (null). */
export type CsvCell = string | number | null;

function exactCell(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new ExportError(`CSV cell: ${String(cell)} is not a finite number`);
    return String(cell);
  }
  if (typeof cell !== "string") throw new ExportError("CSV cell must be a string");
  return cell;
}

/** An exact cell (main files): quoted where needed, otherwise unchanged. */
export function csvCell(cell: CsvCell): string {
  return quote(exactCell(cell));
}

export function csvRow(cells: CsvCell[]): string {
  let out = "";
  for (let i = 0; i < cells.length; i++) out += (i === 0 ? "" : ",") + csvCell(cells[i]!);
  return out + CSV_EOL;
}

/** A spreadsheet-safe row: text cells defused, plus the `defused` column naming them. */
export function spreadsheetRow(header: readonly string[], cells: CsvCell[]): string {
  const out = { main: "", sheet: "" };
  appendRows(out, header, cells);
  return out.sheet;
}

/**
 * Appends the main and the spreadsheet-safe line of one row in a single pass: each cell is
 * checked and quoted once, and the spreadsheet line reuses it unless the cell had to be defused.
 * Nothing is allocated per row but the strings themselves (this runs once per sentence and span).
 */
function appendRows(out: { main: string; sheet: string }, header: readonly string[], cells: CsvCell[]): void {
  if (header.length !== cells.length) throw new ExportError(`CSV row has ${cells.length} cells for ${header.length} columns`);
  let main = out.main;
  let sheet = out.sheet;
  let defused = "";
  let changed = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (i > 0) {
      main += ",";
      sheet += ",";
    }
    if (cell === null) continue;
    if (typeof cell === "number") {
      const text = exactCell(cell);
      main += text;
      sheet += text;
      continue;
    }
    const exact = exactCell(cell);
    const quoted = quote(exact);
    main += quoted;
    if (needsDefusing(exact)) {
      sheet += quote("'" + exact);
      defused += (changed++ === 0 ? "" : ";") + header[i]!;
    } else sheet += quoted;
  }
  out.main = main + CSV_EOL;
  out.sheet = sheet + "," + quote(defused) + CSV_EOL;
}

/** Header line and first chunk of both copies of a CSV file. */
export function csvFiles(name: string, header: readonly string[]): { path: string; data: string }[] {
  return [
    { path: name, data: CSV_BOM + csvRow([...header]) },
    { path: SPREADSHEET_DIR + name, data: CSV_BOM + csvRow([...header, DEFUSED_COLUMN]) },
  ];
}

/** Body chunks of both copies for a batch of rows. */
export function csvChunks(name: string, header: readonly string[], rows: CsvCell[][]): { path: string; data: string }[] {
  const out = { main: "", sheet: "" };
  for (const row of rows) appendRows(out, header, row);
  return [
    { path: name, data: out.main },
    { path: SPREADSHEET_DIR + name, data: out.sheet },
  ];
}
