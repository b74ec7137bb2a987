import "server-only";
import { PassThrough } from "node:stream";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { contentDisposition } from "@/lib/export/filename";
import { writeDeterministicZip, type ZipEntry } from "@/lib/export/zip";
import { EXPORT_FORMATS, exportFormatSchema } from "@/lib/validation/datasets";
import { downloadBaseName } from "./content-types";
import { FINGERPRINT_FILE, INTERNAL_FORMAT } from "./diff";
import { findVersion } from "./list-datasets";
import { requestLaterFormat, type LaterFormatRequest } from "./later-format";
import { allDeflated, assembledZip } from "./assembled-zip";
import { readFileChunks, zipEntries, zipFiles, type FileRef } from "./read-chunks";
import { storedZipOf } from "./stored-zip";

async function readyVersion(user: AuthenticatedUser, projectId: string, ref: string) {
  await requireProjectPermission(user, projectId, "datasets.view");
  const version = await findVersion(projectId, ref);
  if (version.status !== "DONE") throw new AppError("invalid_state", `Dataset version ${version.number} is ${version.status.toLowerCase()}; its files are not ready.`);
  const project = await prisma().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } });
  return { version, projectName: project.name };
}

function downloadHeaders(contentType: string, disposition: string, extra: Record<string, string> = {}): Headers {
  return new Headers({
    "Content-Type": contentType,
    "Content-Disposition": disposition,
    "X-Content-Type-Options": "nosniff",
    // A version never changes, but it is private to the project's members.
    "Cache-Control": "private, max-age=31536000, immutable",
    ...extra,
  });
}

/** A web stream over an async iterator; cancelling (the client went away) stops the iterator. */
function streamOf(iterator: AsyncIterator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** The same stream with its first item already read (so its errors are thrown now). */
async function startedStream(iterator: AsyncGenerator<Buffer>): Promise<AsyncIterator<Uint8Array>> {
  const first = await iterator.next();
  let started = false;
  return {
    next: async () => {
      if (started) return iterator.next();
      started = true;
      return first;
    },
    return: async () => iterator.return(undefined),
  };
}

/** One stored file of a version, streamed chunk by chunk from the database. */
export async function datasetFileResponse(user: AuthenticatedUser, projectId: string, ref: string, name: string): Promise<Response> {
  const { version, projectName } = await readyVersion(user, projectId, ref);
  const found = name === FINGERPRINT_FILE ? null : await prisma().datasetFile.findUnique({
    where: { datasetVersionId_name: { datasetVersionId: version.id, name } },
    select: { id: true, name: true, contentType: true, bytes: true, sha256: true, format: true, encoding: true, crc32: true },
  });
  const file = found?.format === INTERNAL_FORMAT ? null : found;
  if (!file) throw new AppError("not_found", "No such file in this dataset version.");
  const { base, extension } = downloadBaseName(projectName, version.number, name);
  // The first piece is read before answering: a damaged small file (inflated and checked whole)
  // is a 500 JSON error; damage found later aborts the body, so the download fails visibly.
  const chunks = await startedStream(readFileChunks(file.id, undefined, file));
  return new Response(streamOf(chunks), {
    headers: downloadHeaders(file.contentType, contentDisposition(base, extension), { "Content-Length": String(file.bytes), ETag: `"${file.sha256}"` }),
  });
}

/**
 * The whole version as one deterministic zip (same bytes on every download): the files of the
 * formats it was built with and the manifest; formats built later are downloaded on their own.
 * Assembled from the files' stored deflated streams (Content-Length known, nothing deflated);
 * versions from before those hold a zip stored when they were built, or are zipped while sent.
 */
export async function datasetZipResponse(user: AuthenticatedUser, projectId: string, ref: string): Promise<Response> {
  const { version, projectName } = await readyVersion(user, projectId, ref);
  const disposition = contentDisposition(`${projectName} v${version.number}`, "zip");
  const stored = await storedZipOf(version.id);
  if (stored) {
    return new Response(streamOf(readFileChunks(stored.id)), {
      headers: downloadHeaders("application/zip", disposition, { "Content-Length": String(stored.bytes), ETag: `"${stored.sha256}"` }),
    });
  }
  const files = await zipFiles(version.id, { laterFormats: version.laterFormats });
  return zipResponse(files, disposition);
}

/** Files as one zip: assembled from their stored streams when all are deflated, else zipped while sent. */
function zipResponse(files: FileRef[], disposition: string): Response {
  if (!allDeflated(files)) return zippedResponse(files, disposition);
  const zip = assembledZip(files);
  return new Response(streamOf(zip.body), {
    headers: downloadHeaders("application/zip", disposition, { "Content-Length": String(zip.size), ETag: zip.etag }),
  });
}

/**
 * One format of a version as a zip of its files. A format the version was not built with is
 * built at the first request (a background job from the stored native JSONL): that request gets
 * 202 with the task to poll, and every later one the stored files, so the bytes never change.
 */
export async function datasetFormatResponse(user: AuthenticatedUser, projectId: string, ref: string, format: string): Promise<Response> {
  const { version, projectName, format: chosen, request } = await formatOf(user, projectId, ref, format);
  if (request && request.status !== "DONE") return Response.json(request, { status: 202, headers: { "Retry-After": "1" } });
  const files = await zipFiles(version.id, { formats: [chosen] });
  return zipResponse(files, contentDisposition(`${projectName} v${version.number} ${chosen}`, "zip"));
}

/** Asks for a format without downloading it: DONE when it is stored, else the build's task. */
export async function requestDatasetFormat(user: AuthenticatedUser, projectId: string, ref: string, format: string): Promise<LaterFormatRequest> {
  const { format: chosen, request } = await formatOf(user, projectId, ref, format);
  return request ?? { taskId: null, format: chosen, status: "DONE" };
}

async function formatOf(user: AuthenticatedUser, projectId: string, ref: string, format: string) {
  const { version, projectName } = await readyVersion(user, projectId, ref);
  const parsed = exportFormatSchema.safeParse(format);
  if (!parsed.success) throw new AppError("not_found", `No format ${JSON.stringify(format)}; use one of ${EXPORT_FORMATS.join(", ")}.`);
  const stored = version.formats.includes(parsed.data) || version.laterFormats.includes(parsed.data);
  const request = stored ? null : await requestLaterFormat(user, projectId, version.id, parsed.data);
  return { version, projectName, format: parsed.data, request };
}

/**
 * Files as a deterministic zip, written while it is sent. If the client aborts, reading stops at
 * the next chunk: the remaining entries throw instead of querying, and the archive writer is
 * drained so nothing waits on a reader that is gone.
 */
function zippedResponse(files: FileRef[], disposition: string): Response {
  let aborted = false;
  async function* guarded(): AsyncGenerator<ZipEntry> {
    for await (const entry of zipEntries(files)) {
      if (aborted) throw new AppError("unavailable", "Download aborted.");
      yield {
        name: entry.name,
        chunks: (async function* () {
          for await (const c of entry.chunks) {
            if (aborted) throw new AppError("unavailable", "Download aborted.");
            yield c;
          }
        })(),
      };
    }
  }
  const pass = new PassThrough();
  const written = writeDeterministicZip(guarded(), pass).catch((error: unknown) => {
    if (!aborted) pass.destroy(error instanceof Error ? error : new Error("zip failed"));
  });
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        pass.on("data", (d: Buffer) => {
          controller.enqueue(new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) pass.pause();
        });
        pass.on("end", () => controller.close());
        pass.on("error", (e) => controller.error(e));
      },
      pull() {
        pass.resume();
      },
      async cancel() {
        aborted = true;
        pass.removeAllListeners("data");
        pass.removeAllListeners("end");
        pass.removeAllListeners("error");
        pass.on("error", () => undefined);
        pass.resume();
        await written;
      },
    },
    { highWaterMark: 8 },
  );
  return new Response(body, {
    headers: downloadHeaders("application/zip", disposition),
  });
}
