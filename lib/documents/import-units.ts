import "server-only";
import { prisma } from "@/lib/db/prisma";
import { decodeUpload, UPLOAD_ENCODINGS, type UploadEncoding } from "@/lib/ingest/decode";
import { detectFormat } from "@/lib/ingest/detect-format";
import { parseWholeJson } from "./import-files";
import { looksLikeNativeJsonl } from "./import-native";

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
  const listUnits = async () =>
    (await prisma().taskUnit.findMany({ where: { taskId }, orderBy: { position: "asc" }, select: { id: true, result: true } })).map((u) => ({ id: u.id, done: u.result !== null }));
  const existing = await listUnits();
  if (existing.length > 0) return existing;
  const files = await prisma().importFile.findMany({ where: { taskId }, orderBy: { position: "asc" }, select: { id: true, name: true, encoding: true, content: true } });
  if (files.length === 0) return null;
  const drafts = files.flatMap(splitFile);
  await prisma().$transaction(async (tx) => {
    // Two planning jobs for one task (a retry racing a slow first try) create the units once.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan:${taskId}`}))`;
    if ((await tx.taskUnit.count({ where: { taskId } })) > 0) return;
    for (let i = 0; i < drafts.length; i += 200) {
      await tx.taskUnit.createMany({ data: drafts.slice(i, i + 200).map((d, j) => ({ taskId, position: i + j, ...d, content: new Uint8Array(d.content) })) });
    }
    await tx.importFile.updateMany({ where: { taskId }, data: { content: Buffer.alloc(0) } });
  });
  return listUnits();
}
