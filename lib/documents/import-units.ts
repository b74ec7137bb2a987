import "server-only";
import { newId } from "@/lib/db/new-id";
import { pgTransaction, sql } from "@/lib/db/sql";
import { decodeUpload, UPLOAD_ENCODINGS, type UploadEncoding } from "@/lib/ingest/decode";
import { detectFormat } from "@/lib/ingest/detect-format";
import { parseWholeJson } from "./import-files";
import { looksLikeNativeJsonl } from "@/lib/formats/native/import";

/** Lines per import job: small enough that one job takes seconds, so projects take turns. */
export const LINES_PER_UNIT = 100;

type UnitDraft = { fileId: string; firstLine: number; content: Buffer; encoding: string; native: boolean };

/**
 * A JSONL file becomes one unit per 100 lines (re-encoded as UTF-8, line numbers kept through
 * `firstLine`); any other file, or one that does not decode, is one unit of its original bytes,
 * whose import reports the problem as today.
 */
function splitFile(file: { id: string; name: string; encoding: string; content: Uint8Array }): UnitDraft[] {
  const whole: UnitDraft = { fileId: file.id, firstLine: 0, content: Buffer.from(file.content), encoding: file.encoding, native: false };
  const encoding = file.encoding.toLowerCase();
  if (detectFormat(file.name, file.content) !== "jsonl" || !UPLOAD_ENCODINGS.includes(encoding as UploadEncoding)) return [whole];
  const decoded = decodeUpload(file.content, encoding as UploadEncoding);
  if (!decoded.ok) return [whole];
  const text = decoded.text.replace(/^\uFEFF/u, "");
  const native = looksLikeNativeJsonl(text);
  // One JSON document (an array, a Label Studio export) saved as .jsonl cannot be split by lines.
  if (!native && parseWholeJson(text) !== undefined) return [whole];
  // The same line breaks as the JSONL reader, so line numbers agree.
  const lines = text.split(/\r\n|\n|\r/u);
  const units: UnitDraft[] = [];
  for (let first = 0; first < lines.length; first += LINES_PER_UNIT) {
    const part = lines.slice(first, first + LINES_PER_UNIT);
    // Blank stretches (the file's final newline) hold no article: no unit, so no "empty file" error.
    if (part.every((line) => line.trim() === "")) continue;
    units.push({ fileId: file.id, firstLine: first, content: Buffer.from(part.join("\n"), "utf8"), encoding: "utf-8", native });
  }
  return units.length > 0 ? units : [whole];
}

/**
 * The task's units, created on the first call (one transaction: the files' bytes move into the
 * units); later calls return the stored ones. Null when the task's files are gone.
 */
export async function planImportUnits(taskId: string): Promise<{ id: string; done: boolean }[] | null> {
  const listUnits = () => sql().query<{ id: string; done: boolean }>(`SELECT id, result IS NOT NULL AS done FROM task_units WHERE task_id = $1 ORDER BY position`, [taskId]);
  const existing = await listUnits();
  if (existing.length > 0) return existing;
  // Plain SQL: the files' bytes through the query builder cost far more than PostgreSQL's own time.
  const files = await sql().query<{ id: string; name: string; encoding: string; content: Buffer }>(
    `SELECT id, name, encoding, content FROM import_files WHERE task_id = $1 ORDER BY position`,
    [taskId],
  );
  if (files.length === 0) return null;
  const drafts = files.flatMap(splitFile);
  await pgTransaction(async (client) => {
    // Two planning jobs for one task (a retry racing a slow first try) create the units once.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`plan:${taskId}`]);
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM task_units WHERE task_id = $1`, [taskId]);
    if ((rows[0]?.n ?? 0) > 0) return;
    for (let i = 0; i < drafts.length; i += 200) {
      const part = drafts.slice(i, i + 200);
      await client.query(
        `INSERT INTO task_units (id, task_id, position, file_id, first_line, content, encoding, native)
         SELECT u.id, $1, u.position, u.file_id, u.first_line, u.content, u.encoding, u.native
           FROM unnest($2::text[], $3::int[], $4::text[], $5::int[], $6::bytea[], $7::text[], $8::boolean[]) AS u(id, position, file_id, first_line, content, encoding, native)`,
        [taskId, part.map(() => newId()), part.map((_, j) => i + j), part.map((d) => d.fileId), part.map((d) => d.firstLine), part.map((d) => d.content), part.map((d) => d.encoding), part.map((d) => d.native)],
      );
    }
    await client.query(`UPDATE import_files SET content = ''::bytea WHERE task_id = $1`, [taskId]);
  });
  return listUnits();
}
