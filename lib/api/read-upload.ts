import "server-only";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import type { UploadedFile } from "@/lib/documents/import-files";
import { readJson } from "./handler";

export type Upload = { kind: "json"; body: unknown } | { kind: "files"; files: UploadedFile[] };

// A multipart request may carry many files; cap the whole body so one request cannot exhaust memory.
const MAX_FILES_IN_REQUEST = 50;

/** JSON body or multipart/form-data (`file`, repeatable; optional `encoding`); anything else → 415. */
export async function readUpload(request: Request): Promise<Upload> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const maxRequest = env().MAX_DOCUMENT_BYTES * 20;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxRequest) throw new AppError("payload_too_large", `The request is larger than ${maxRequest} bytes; send fewer files per request.`);
  if (type.startsWith("application/json")) return { kind: "json", body: await readJson(request, maxRequest) };
  if (!type.startsWith("multipart/form-data")) {
    throw new AppError("unsupported_media_type", "Send application/json (articles) or multipart/form-data (field \"file\").");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("validation_failed", "The multipart body could not be read.");
  }
  const encoding = form.get("encoding");
  const entries = form.getAll("file").filter((v): v is File => typeof v !== "string");
  if (entries.length === 0) throw new AppError("validation_failed", "Attach at least one file in the \"file\" field.", { details: { fields: { file: ["Attach at least one file"] } } });
  if (entries.length > MAX_FILES_IN_REQUEST) throw new AppError("validation_failed", `At most ${MAX_FILES_IN_REQUEST} files per request.`);
  const files: UploadedFile[] = [];
  for (const entry of entries) {
    files.push({ name: entry.name || "upload", bytes: new Uint8Array(await entry.arrayBuffer()), encoding: typeof encoding === "string" ? encoding : null });
  }
  return { kind: "files", files };
}
