import crypto from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuildDatasetTask } from "@/lib/datasets/build-task";
import { createDatasetVersion } from "@/lib/datasets/create-dataset";
import { datasetFileResponse, datasetZipResponse } from "@/lib/datasets/download";
import { DatasetFileStore } from "@/lib/datasets/file-store";
import { getDatasetVersion } from "@/lib/datasets/list-datasets";
import { zipEntries, zipFiles } from "@/lib/datasets/read-chunks";
import { storeVersionZip, ZIP_FILE } from "@/lib/datasets/stored-zip";
import { closePgPools, pgPool } from "@/lib/db/pg-pool";
import { prisma } from "@/lib/db/prisma";
import { writeDeterministicZip } from "@/lib/export/zip";
import { EXPORT_FORMATS } from "@/lib/validation/datasets";
import { seedSignedOffProject } from "./dataset-fixtures";
import { errorOf } from "./error-of";
import { makeTeam } from "./factories";

process.env.STANCEBENCH_JOBS = "inline";

afterAll(async () => {
  await closePgPools();
});

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());
const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

/** The zip the download path writes on the fly from the version's stored files. */
async function onTheFlyZip(versionId: string, laterFormats: string[] = []): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      parts.push(chunk);
      callback();
    },
  });
  await writeDeterministicZip(zipEntries(await zipFiles(versionId, { laterFormats })), sink);
  return Buffer.concat(parts);
}

let team: Awaited<ReturnType<typeof makeTeam>>;
beforeAll(async () => {
  team = await makeTeam();
  await seedSignedOffProject(team);
});

describe("the zip stored with a dataset version", () => {
  it("is written by the build, equals the on-the-fly zip of the same files, and is never listed", async () => {
    const created = await createDatasetVersion(team.manager, team.project.id, { formats: [...EXPORT_FORMATS] });
    expect(created.status).toBe("DONE");
    const stored = await prisma().datasetFile.findUniqueOrThrow({ where: { datasetVersionId_name: { datasetVersionId: created.versionId, name: ZIP_FILE } } });
    expect(stored.format).toBe("internal");
    // The build says where its time went, on its task.
    const task = await prisma().task.findUniqueOrThrow({ where: { id: created.taskId }, select: { done: true, result: true } });
    expect(task.done).toBe(3);
    expect(Object.keys((task.result as { phases: Record<string, number> }).phases)).toEqual(expect.arrayContaining(["pickup", "readWait", "render", "manifest", "storeAndZip"]));

    const response = await datasetZipResponse(team.manager, team.project.id, String(created.number));
    const downloaded = await bytesOf(response);
    expect(downloaded.length).toBe(Number(stored.bytes));
    expect(response.headers.get("content-length")).toBe(String(stored.bytes));
    expect(response.headers.get("etag")).toBe(`"${stored.sha256}"`);
    expect(sha(downloaded)).toBe(stored.sha256);
    expect(sha(downloaded)).toBe(sha(await onTheFlyZip(created.versionId)));

    const detail = await getDatasetVersion(team.manager, team.project.id, String(created.number));
    expect(detail.files.map((f) => f.name)).not.toContain(ZIP_FILE);
    expect((await errorOf(datasetFileResponse(team.manager, team.project.id, String(created.number), ZIP_FILE))).code).toBe("not_found");
  });

  it("a version built before zips were stored still downloads the same bytes, zipped on the fly", async () => {
    const created = await createDatasetVersion(team.manager, team.project.id, {});
    const withStored = await bytesOf(await datasetZipResponse(team.manager, team.project.id, String(created.number)));
    // What a version from before looks like: the same files, no stored zip.
    await prisma().datasetFile.delete({ where: { datasetVersionId_name: { datasetVersionId: created.versionId, name: ZIP_FILE } } });
    const response = await datasetZipResponse(team.manager, team.project.id, String(created.number));
    expect(response.headers.get("content-length")).toBeNull();
    const onTheFly = await bytesOf(response);
    expect(sha(onTheFly)).toBe(sha(withStored));
    expect(sha(await bytesOf(await datasetZipResponse(team.manager, team.project.id, String(created.number))))).toBe(sha(onTheFly));
    // Written again from the files read back (what a build too big to hold its files in memory does).
    const again = await storeVersionZip(created.versionId);
    expect(again.sha256).toBe(sha(withStored));
    expect(sha(await bytesOf(await datasetZipResponse(team.manager, team.project.id, String(created.number))))).toBe(sha(withStored));
  });

  it("keeps written files in memory for the zip only up to its bound", async () => {
    const created = await createDatasetVersion(team.manager, team.project.id, {});
    const small = new DatasetFileStore(created.versionId, undefined, 1024);
    small.add("test", [{ path: "t/a.txt", data: "a".repeat(600) }, { path: "t/b.txt", data: "" }]);
    small.add("internal", [{ path: "t/.internal", data: "not kept" }]);
    await small.finish();
    expect([...small.keptFiles()!.entries()].map(([n, b]) => [n, Buffer.concat(b).length])).toEqual([["t/a.txt", 600], ["t/b.txt", 0]]);
    const big = new DatasetFileStore(created.versionId, undefined, 1024);
    big.add("test", [{ path: "t/c.txt", data: "c".repeat(600) }, { path: "t/d.txt", data: "d".repeat(600) }]);
    await big.finish();
    expect(big.keptFiles()).toBeNull();
  });

  it("stops reading the stored zip when the download is aborted", async () => {
    const created = await createDatasetVersion(team.manager, team.project.id, { formats: [...EXPORT_FORMATS] });
    const reader = (await datasetZipResponse(team.manager, team.project.id, String(created.number))).body!.getReader();
    expect((await reader.read()).value?.length).toBeGreaterThan(0);
    await reader.cancel();
    await expect.poll(() => pgPool().totalCount - pgPool().idleCount).toBe(0);
    expect(pgPool().waitingCount).toBe(0);
  });

  it("a build that fails while writing the zip leaves no files and the version FAILED", async () => {
    // The zip is the build's last write: make exactly that write fail inside PostgreSQL.
    await prisma().$executeRawUnsafe(`CREATE FUNCTION refuse_zip() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$`);
    await prisma().$executeRawUnsafe(`CREATE TRIGGER refuse_zip BEFORE INSERT ON dataset_files FOR EACH ROW WHEN (NEW.name = '${ZIP_FILE}') EXECUTE FUNCTION refuse_zip()`);
    try {
      await expect(createDatasetVersion(team.manager, team.project.id, {})).rejects.toThrow(/disk full/u);
    } finally {
      await prisma().$executeRawUnsafe("DROP TRIGGER refuse_zip ON dataset_files");
      await prisma().$executeRawUnsafe("DROP FUNCTION refuse_zip()");
    }
    const failed = await prisma().datasetVersion.findFirstOrThrow({ where: { projectId: team.project.id }, orderBy: { number: "desc" }, select: { id: true, status: true, taskId: true } });
    expect(failed.status).toBe("FAILED");
    expect(await prisma().datasetFile.count({ where: { datasetVersionId: failed.id } })).toBe(0);
    expect(await prisma().task.findUniqueOrThrow({ where: { id: failed.taskId! }, select: { status: true } })).toEqual({ status: "FAILED" });
  });

  it("a build re-run after a crash replaces the partial output, zip included", async () => {
    const created = await createDatasetVersion(team.manager, team.project.id, {});
    const before = await bytesOf(await datasetZipResponse(team.manager, team.project.id, String(created.number)));
    // A worker that died mid-build leaves the version RUNNING and its job is retried.
    await prisma().datasetVersion.update({ where: { id: created.versionId }, data: { status: "RUNNING" } });
    await prisma().datasetFile.update({ where: { datasetVersionId_name: { datasetVersionId: created.versionId, name: ZIP_FILE } }, data: { bytes: 3, sha256: "partial" } });
    await runBuildDatasetTask({ taskId: created.taskId });
    expect(await prisma().datasetFile.count({ where: { datasetVersionId: created.versionId, name: ZIP_FILE } })).toBe(1);
    const after = await bytesOf(await datasetZipResponse(team.manager, team.project.id, String(created.number)));
    expect(sha(after)).toBe(sha(await onTheFlyZip(created.versionId)));
    // The manifest records the creation time, not the build time: the retried build is identical.
    expect(sha(after)).toBe(sha(before));
  });
});
