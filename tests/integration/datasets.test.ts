import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatasetVersion } from "@/lib/datasets/create-dataset";
import { EXPORT_FORMATS } from "@/lib/validation/datasets";
import { datasetFileResponse, datasetFormatResponse, datasetZipResponse, requestDatasetFormat } from "@/lib/datasets/download";
import { getDatasetVersion, listDatasetVersions } from "@/lib/datasets/list-datasets";
import { closePgPools, pgPool } from "@/lib/db/pg-pool";
import { prisma } from "@/lib/db/prisma";
import { getTask } from "@/lib/tasks/tasks";
import "@/lib/datasets/build-task";
import { addAnnotation, cp, importDocument, seedSignedOffProject, signOff, TEXTS } from "./dataset-fixtures";
import { makeProject, makeTeam } from "./factories";
import { errorOf } from "./error-of";

process.env.STANCEBENCH_JOBS = "inline";

const dir = mkdtempSync(join(tmpdir(), "sb-datasets-"));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closePgPools();
});

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());
const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;
let seeded: Awaited<ReturnType<typeof seedSignedOffProject>>;

beforeAll(async () => {
  team = await makeTeam();
  seeded = await seedSignedOffProject(team);
});

describe("creating a dataset version", () => {
  it("builds every format from the signed-off gold layer, with a manifest, hashes and a task", async () => {
    const created = await createDatasetVersion(team.manager, team.project.id, { split: { train: 0.5, validation: 0.25, test: 0.25, seed: "s1" }, includeAnnotatorLayers: true, formats: [...EXPORT_FORMATS] });
    expect(created).toMatchObject({ number: 1, status: "DONE" });
    const task = await getTask(team.manager, created.taskId);
    expect(task).toMatchObject({ kind: "EXPORT", status: "DONE", total: 3, done: 3 });

    const version = await getDatasetVersion(team.manager, team.project.id, "1");
    expect(version.counts).toEqual({ documents: 3, sentences: expect.any(Number) as number, spansByType: { CLAIM: 2, EDITORIAL: 1, QUOTE: 3 } });
    expect(version.diff).toEqual({ previousVersion: null, documents: { added: 3, changed: 0, removed: 0 }, annotations: { added: 6, changed: 0, removed: 0 } });
    const names = version.files.map((f) => f.name);
    for (const name of ["native.jsonl", "spans.jsonl", "sentences.csv", "spans.csv", "stance.tsv", "checkworthy.tsv", "label-studio.json", "manifest.json", "hf/README.md", "brat/annotation.conf", "spreadsheet/sentences.csv", "spreadsheet/spans.csv"])
      expect(names).toContain(name);
    expect(names.filter((n) => n.startsWith("brat/") && n.endsWith(".ann"))).toHaveLength(3);
    expect(names).not.toContain(".fingerprints.tsv");

    const manifest = version.manifest as { created_by: string; counts: { spans_by_layer: Record<string, number>; checkworthy: Record<string, number> }; agreement: { task: string }[]; files: { name: string; sha256: string; bytes: number }[] };
    expect(manifest.created_by).toContain(team.manager.email);
    expect(manifest.counts.spans_by_layer).toEqual({ gold: 6, annotator: 2 });
    expect(manifest.counts.checkworthy).toEqual({ yes: 1 });
    expect(manifest.agreement.map((a) => a.task)).toContain("spans");
    // Every listed file downloads with exactly the size and hash the manifest records.
    for (const f of manifest.files) {
      const body = await bytesOf(await datasetFileResponse(team.manager, team.project.id, "1", f.name));
      expect([f.name, body.length, sha(body)]).toEqual([f.name, f.bytes, f.sha256]);
    }
    const list = await listDatasetVersions(team.manager, team.project.id);
    expect(list.map((v) => [v.number, v.status])).toEqual([[1, "DONE"]]);
  });

  it("reads every format back with the independent Python reader (emoji, Cyrillic, CRLF)", async () => {
    const version = await getDatasetVersion(team.manager, team.project.id, "1");
    const out = join(dir, "v1");
    for (const f of version.files) {
      const body = await bytesOf(await datasetFileResponse(team.manager, team.project.id, "1", f.name));
      mkdirSync(dirname(join(out, f.name)), { recursive: true });
      writeFileSync(join(out, f.name), body);
    }
    const r = spawnSync("python3", [join(__dirname, "..", "export", "verify_export.py"), out], { encoding: "utf8" });
    const report = JSON.parse(r.stdout) as { checked: number; by_file: Record<string, number>; errors: unknown[] };
    expect(report.errors).toEqual([]);
    expect(r.status).toBe(0);
    const kinds = new Set(Object.keys(report.by_file).map((k) => k.split("/")[0]!.replace(/\..*$/, "")));
    for (const kind of ["native", "spans", "sentences", "stance", "checkworthy", "brat", "semeval2020", "attribution", "label-studio", "hf"]) expect(kinds).toContain(kind);
    expect(report.checked).toBeGreaterThan(40);
  });

  it("keeps CSV text exact and defuses formula injection in the spreadsheet copies", async () => {
    const file = async (name: string) => (await bytesOf(await datasetFileResponse(team.manager, team.project.id, "1", name))).toString("utf8");
    const csv = await file("spans.csv");
    expect(csv).toMatch(/,"=HYPERLINK\(""http:\/\/evil""\) was typed/u);
    expect(csv).toContain(`,=cmd|' /C calc'!A0,`);
    const safe = await file("spreadsheet/spans.csv");
    expect(safe).toContain(`'=HYPERLINK(""http://evil"")`);
    expect(safe).toContain(`'=cmd|' /C calc'!A0`);
    expect(safe).not.toMatch(/(^|,)"?=HYPERLINK/mu);
    expect(safe).toMatch(/,text(;\w+)*\r\n/u);
    expect(await file("sentences.csv")).toContain(`,"+1 more`);
    expect(await file("spreadsheet/sentences.csv")).toContain("'+1 more");
  });

  it("downloads with attachment, content type and nosniff; the zip is byte-identical on every download, even after more work", async () => {
    const file = await datasetFileResponse(team.manager, team.project.id, "1", "native.jsonl");
    expect(file.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="Test project v1 native\.jsonl"; filename\*=UTF-8''Test%20project%20v1%20native\.jsonl$/u);
    await file.body?.cancel();

    const first = await datasetZipResponse(team.manager, team.project.id, "1");
    expect(first.headers.get("content-type")).toBe("application/zip");
    expect(first.headers.get("content-disposition")).toContain('attachment; filename="Test project v1.zip"');
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    const a = await bytesOf(first);
    expect(a.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

    // More annotation work on a signed-off document must not change the stored version.
    await addAnnotation(seeded.plain, { authorId: team.reviewer.id, type: "CLAIM", ...cp(TEXTS.plain, "Beijing welcomed the partnership."), attributes: { checkworthy: "yes" } });
    await prisma().annotation.update({ where: { id: seeded.quote }, data: { attributes: { form: "indirect" } } });
    const b = await bytesOf(await datasetZipResponse(team.manager, team.project.id, "1"));
    expect(sha(b)).toBe(sha(a));

    // The zip holds every file (manifest included) and reads back with the Python checker too.
    const zipPath = join(dir, "v1.zip");
    writeFileSync(zipPath, a);
    const unzipped = join(dir, "v1-zip");
    expect(spawnSync("python3", ["-m", "zipfile", "-e", zipPath, unzipped]).status).toBe(0);
    const r = spawnSync("python3", [join(__dirname, "..", "export", "verify_export.py"), unzipped], { encoding: "utf8" });
    expect((JSON.parse(r.stdout) as { errors: unknown[] }).errors).toEqual([]);
    expect(r.status).toBe(0);
    const listed = spawnSync("python3", ["-c", "import sys,zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", zipPath], { encoding: "utf8" }).stdout.trim().split("\n");
    const version = await getDatasetVersion(team.manager, team.project.id, "1");
    expect([...listed].sort()).toEqual(version.files.map((f) => f.name).sort());
  });

  it("diffs the next version against the previous one", async () => {
    const created = await createDatasetVersion(team.manager, team.project.id, { filter: { spanTypes: ["QUOTE", "CLAIM", "EDITORIAL"] } });
    expect(created.number).toBe(2);
    const v2 = await getDatasetVersion(team.manager, team.project.id, created.versionId);
    expect(v2.diff).toEqual({ previousVersion: 1, documents: { added: 0, changed: 2, removed: 0 }, annotations: { added: 1, changed: 1, removed: 0 } });
    const v3 = await createDatasetVersion(team.manager, team.project.id, { filter: { tags: ["economy"] } });
    const detail = await getDatasetVersion(team.manager, team.project.id, String(v3.number));
    expect(detail.diff).toMatchObject({ previousVersion: 2, documents: { added: 0, changed: 0, removed: 2 } });
    expect(detail.counts?.documents).toBe(1);
  });

  it("stops reading when a download is aborted", async () => {
    const zip = await datasetZipResponse(team.manager, team.project.id, "1");
    const reader = zip.body!.getReader();
    const { value } = await reader.read();
    expect(value?.length).toBeGreaterThan(0);
    await reader.cancel();
    const file = await datasetFileResponse(team.manager, team.project.id, "1", "native.jsonl");
    await file.body!.cancel();
    // No pooled connection is left checked out by either stream.
    await expect.poll(() => pgPool().totalCount - pgPool().idleCount).toBe(0);
    expect(pgPool().waitingCount).toBe(0);
    expect(await prisma().datasetVersion.count({ where: { projectId: team.project.id } })).toBe(3);
  });
});

describe("choosing formats", () => {
  it("builds native JSONL and both CSVs by default, and any other format at its first download, stored from then on", async () => {
    const created = await createDatasetVersion(team.manager, team.project.id, {});
    const version = await getDatasetVersion(team.manager, team.project.id, created.versionId);
    expect([version.formats, version.laterFormats]).toEqual([["native-jsonl", "sentences-csv", "spans-csv"], []]);
    expect(version.files.map((f) => f.name).sort()).toEqual(["manifest.json", "native.jsonl", "sentences.csv", "spans.csv", "spreadsheet/sentences.csv", "spreadsheet/spans.csv"]);
    const manifest = version.manifest as { formats_on_request: string[]; files: { name: string }[] };
    expect(manifest.formats_on_request).toContain("brat");
    const zipBefore = sha(await bytesOf(await datasetZipResponse(team.manager, team.project.id, created.versionId)));

    // Jobs run inline here, so the first request builds the format and answers with its zip.
    const first = await datasetFormatResponse(team.manager, team.project.id, created.versionId, "brat");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-disposition")).toContain(`v${created.number} brat.zip`);
    const a = await bytesOf(first);
    // Work after the build must not change the format: it comes from the stored native JSONL.
    await prisma().annotation.update({ where: { id: seeded.quote }, data: { attributes: { form: "mixed" } } });
    const b = await bytesOf(await datasetFormatResponse(team.manager, team.project.id, created.versionId, "brat"));
    expect(sha(b)).toBe(sha(a));
    const after = await getDatasetVersion(team.manager, team.project.id, created.versionId);
    expect(after.laterFormats).toEqual(["brat"]);
    expect(after.files.filter((f) => f.format === "brat").length).toBeGreaterThan(3);
    // The version's own zip and manifest do not change.
    expect(sha(await bytesOf(await datasetZipResponse(team.manager, team.project.id, created.versionId)))).toBe(zipBefore);
    expect(after.manifest).toEqual(version.manifest);
    // Asking again neither rebuilds nor queues anything.
    expect(await requestDatasetFormat(team.manager, team.project.id, created.versionId, "brat")).toEqual({ taskId: null, format: "brat", status: "DONE" });

    // The later-built files read back with the independent checker.
    const out = join(dir, `v${created.number}-later`);
    for (const f of after.files) {
      const body = await bytesOf(await datasetFileResponse(team.manager, team.project.id, created.versionId, f.name));
      mkdirSync(dirname(join(out, f.name)), { recursive: true });
      writeFileSync(join(out, f.name), body);
    }
    const r = spawnSync("python3", [join(__dirname, "..", "export", "verify_export.py"), out], { encoding: "utf8" });
    expect((JSON.parse(r.stdout) as { errors: unknown[] }).errors).toEqual([]);
  });

  it("refuses unknown formats", async () => {
    const bad = await errorOf(createDatasetVersion(team.manager, team.project.id, { formats: ["excel"] }));
    expect(bad.code).toBe("validation_failed");
    expect(bad.details?.fields).toHaveProperty(["formats.0"]);
    expect((await errorOf(datasetFormatResponse(team.manager, team.project.id, "1", "excel"))).code).toBe("not_found");
    expect((await errorOf(requestDatasetFormat(team.annotator, team.project.id, "1", "brat"))).code).toBe("forbidden");
  });
});

describe("reading documents for an export", () => {
  it("walks the signed-off documents once each, in id order, cut by count and by text size", async () => {
    const { readDocumentBatches } = await import("@/lib/datasets/read-documents");
    const expected = (await prisma().document.findMany({ where: { projectId: team.project.id, state: "SIGNED_OFF" }, orderBy: { id: "asc" }, select: { id: true } })).map((d) => d.id);
    const walk = async (limits: { documents: number; codePoints: number; firstDocuments?: number }) => {
      const sizes: number[] = [];
      const ids: string[] = [];
      for await (const batch of readDocumentBatches(team.project.id, {}, limits)) {
        sizes.push(batch.documents.length);
        ids.push(...batch.documents.map((d) => d.id));
        for (const d of batch.documents) expect(batch.sentences.get(d.id)?.index.length).toBeGreaterThan(0);
      }
      return { sizes, ids };
    };
    expect(await walk({ documents: 2, codePoints: 1_000_000 })).toEqual({ sizes: [2, 1], ids: expected });
    // A text budget smaller than any document still makes progress, one document per batch.
    expect(await walk({ documents: 100, codePoints: 1 })).toEqual({ sizes: [1, 1, 1], ids: expected });
    expect(await walk({ documents: 3, codePoints: 1_000_000 })).toEqual({ sizes: [3], ids: expected });
    expect(await walk({ documents: 2, codePoints: 1_000_000, firstDocuments: 1 })).toEqual({ sizes: [1, 2], ids: expected });
  });
});

describe("dataset rules", () => {
  it("only managers create versions; members download only when the project allows it", async () => {
    expect((await errorOf(createDatasetVersion(team.annotator, team.project.id, {}))).code).toBe("forbidden");
    expect((await errorOf(createDatasetVersion(team.reviewer, team.project.id, {}))).code).toBe("forbidden");
    expect((await errorOf(createDatasetVersion(team.outsider, team.project.id, {}))).code).toBe("not_found");
    expect((await errorOf(listDatasetVersions(team.annotator, team.project.id))).code).toBe("forbidden");
    expect((await errorOf(datasetZipResponse(team.reviewer, team.project.id, "1"))).code).toBe("forbidden");
    expect((await errorOf(datasetFileResponse(team.outsider, team.project.id, "1", "native.jsonl"))).code).toBe("not_found");

    const settings = (await prisma().project.findUniqueOrThrow({ where: { id: team.project.id }, select: { settings: true } })).settings as Record<string, unknown>;
    await prisma().project.update({ where: { id: team.project.id }, data: { settings: { ...settings, membersMayDownload: true } } });
    try {
      expect((await listDatasetVersions(team.annotator, team.project.id)).length).toBe(4);
      const res = await datasetFileResponse(team.reviewer, team.project.id, "1", "manifest.json");
      expect(res.status).toBe(200);
      await res.body?.cancel();
      expect((await errorOf(createDatasetVersion(team.annotator, team.project.id, {}))).code).toBe("forbidden");
      expect((await errorOf(datasetFileResponse(team.outsider, team.project.id, "1", "native.jsonl"))).code).toBe("not_found");
    } finally {
      await prisma().project.update({ where: { id: team.project.id }, data: { settings: { ...settings, membersMayDownload: false } } });
    }
  });

  it("refuses bad input with per-field errors", async () => {
    const sum = await errorOf(createDatasetVersion(team.manager, team.project.id, { split: { train: 0.5, validation: 0.1, test: 0.1, seed: "x" } }));
    expect(sum.code).toBe("validation_failed");
    expect((sum.details?.fields as Record<string, string[]>)["split.test"]).toEqual(["Train, validation and test must add up to 1"]);
    const unknownKey = await errorOf(createDatasetVersion(team.manager, team.project.id, { filter: { colour: "red" } }));
    expect(unknownKey.code).toBe("validation_failed");
    const dates = await errorOf(createDatasetVersion(team.manager, team.project.id, { filter: { publishedFrom: "2024-08-01", publishedTo: "2024-01-01" } }));
    expect(dates.details?.fields).toHaveProperty(["filter.publishedTo"]);
    const notDate = await errorOf(createDatasetVersion(team.manager, team.project.id, { filter: { publishedFrom: "yesterday" } }));
    expect(notDate.code).toBe("validation_failed");
    const nothing = await errorOf(createDatasetVersion(team.manager, team.project.id, { filter: { publishedFrom: "2030-01-01" } }));
    expect(nothing.code).toBe("invalid_state");
    expect(nothing.message).toContain("sign off documents first");
  });

  it("404s unknown versions and files, and 409s a version that is not built yet", async () => {
    expect((await errorOf(getDatasetVersion(team.manager, team.project.id, "99"))).code).toBe("not_found");
    expect((await errorOf(datasetFileResponse(team.manager, team.project.id, "1", "../etc/passwd"))).code).toBe("not_found");
    expect((await errorOf(datasetFileResponse(team.manager, team.project.id, "1", ".fingerprints.tsv"))).code).toBe("not_found");
    const other = await makeTeam();
    expect((await errorOf(getDatasetVersion(other.manager, other.project.id, "1"))).code).toBe("not_found");
    expect((await errorOf(getDatasetVersion(other.manager, other.project.id, (await getDatasetVersion(team.manager, team.project.id, "1")).id))).code).toBe("not_found");
    const queued = await prisma().datasetVersion.create({ data: { projectId: team.project.id, number: 50, createdById: team.manager.id } });
    expect((await errorOf(datasetZipResponse(team.manager, team.project.id, queued.id))).code).toBe("invalid_state");
    await prisma().datasetVersion.delete({ where: { id: queued.id } });
  });

  it("sanitises download names derived from the project name", async () => {
    const evil = await makeProject([{ user: team.manager, roles: ["MANAGER"] }], '../../etc/"passwd"\r\nSet-Cookie: x=1');
    const doc = await importDocument(evil.id, team.manager.id, { text: "Only sentence here." });
    await signOff(doc, team.manager.id);
    await createDatasetVersion(team.manager, evil.id, {});
    for (const res of [await datasetZipResponse(team.manager, evil.id, "1"), await datasetFileResponse(team.manager, evil.id, "1", "native.jsonl")]) {
      const header = res.headers.get("content-disposition")!;
      expect(header).not.toMatch(/[\r\n]/u);
      expect(header).not.toContain("../");
      expect(header).not.toContain("/");
      expect(header.startsWith('attachment; filename="_.._etc__passwd___Set-Cookie_ x=1 v1')).toBe(true);
      await res.body?.cancel();
    }
  });
});

describe("round trip", () => {
  type NativeLine = { id: string; split: string; provenance: unknown; spans: { id: string; layer: string; speaker: { id: string } | null; speakers: { id: string }[] }[] };
  // What must survive: everything but ids (new project), split (derived from the id) and provenance.
  const comparable = (jsonl: string) =>
    jsonl
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as NativeLine)
      .map(({ id: _id, split: _split, provenance: _p, spans, ...rest }) => ({
        ...rest,
        spans: spans.map(({ id: _sid, speaker, speakers, ...span }) => ({ ...span, speaker: speaker ? { ...speaker, id: "" } : null, speakers: speakers.map((x) => ({ ...x, id: "" })) })),
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  it("importing the native JSONL into a new project recreates the same documents and gold annotations", async () => {
    const { importUploadedFile } = await import("@/lib/documents/import-files");
    const source = await bytesOf(await datasetFileResponse(team.manager, team.project.id, "1", "native.jsonl"));
    const target = await makeProject([{ user: team.manager, roles: ["MANAGER"] }], "Copy");
    const results = await importUploadedFile({ projectId: target.id, userId: team.manager.id }, { name: "v1.jsonl", bytes: source });
    expect(results.map((r) => r.status)).toEqual(["imported", "imported", "imported"]);
    const again = await importUploadedFile({ projectId: target.id, userId: team.manager.id }, { name: "v1.jsonl", bytes: source });
    expect(again.map((r) => r.status)).toEqual(["duplicate", "duplicate", "duplicate"]);
    expect(await prisma().auditEvent.count({ where: { projectId: target.id, action: "annotation.create" } })).toBeGreaterThan(0);

    await createDatasetVersion(team.manager, target.id, {});
    const copy = await bytesOf(await datasetFileResponse(team.manager, target.id, "1", "native.jsonl"));
    const gold = (text: string) => text.split("\n").filter(Boolean).map((l) => { const r = JSON.parse(l) as NativeLine; return JSON.stringify({ ...r, spans: r.spans.filter((x) => x.layer === "gold") }); }).join("\n");
    expect(comparable(copy.toString("utf8"))).toEqual(comparable(gold(source.toString("utf8"))));
    // The joint statement and the stance holders are part of what survived.
    const quote = comparable(copy.toString("utf8")).flatMap((d) => d.spans).find((x) => (x as { speakers: unknown[] }).speakers.length === 2) as unknown as {
      speakers: { name: string }[]; stance: { holder: string }[];
    };
    expect(quote.speakers.map((x) => x.name)).toEqual(["Sergey Lavrov", "=cmd|' /C calc'!A0"]);
    expect(quote.stance.map((x) => x.holder)).toEqual(["source", "author"]);
  });

  it("reports a tampered native line instead of importing wrong offsets", async () => {
    const { importUploadedFile } = await import("@/lib/documents/import-files");
    const source = (await bytesOf(await datasetFileResponse(team.manager, team.project.id, "1", "native.jsonl"))).toString("utf8");
    const [first, ...rest] = source.trim().split("\n");
    const record = JSON.parse(first!) as { spans: { start: number; end: number }[] };
    record.spans[0]!.start += 1;
    const target = await makeProject([{ user: team.manager, roles: ["MANAGER"] }], "Tampered");
    const results = await importUploadedFile({ projectId: target.id, userId: team.manager.id }, { name: "t.jsonl", bytes: Buffer.from([JSON.stringify(record), ...rest].join("\n")) });
    expect(results[0]).toMatchObject({ status: "failed", line: 1, error: { code: "validation_failed" } });
    expect(results.slice(1).map((r) => r.status)).toEqual(["imported", "imported"]);
  });
});

describe("dataset API routes", () => {
  const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
  const call = (token: string, init: RequestInit = {}) => new Request("http://localhost/api", { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });

  it("creates, lists, describes and streams versions over HTTP with the right statuses", async () => {
    const { createApiToken } = await import("@/lib/auth/api-tokens");
    const collection = await import("@/app/api/v1/projects/[projectId]/datasets/route");
    const one = await import("@/app/api/v1/projects/[projectId]/datasets/[version]/route");
    const file = await import("@/app/api/v1/projects/[projectId]/datasets/[version]/files/[name]/route");
    const zip = await import("@/app/api/v1/projects/[projectId]/datasets/[version]/zip/route");
    const manager = (await createApiToken(team.manager.id, "t")).token;
    const annotator = (await createApiToken(team.annotator.id, "t")).token;
    const projectId = team.project.id;

    const created = await collection.POST(call(manager, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ filter: { tags: ["politics"] }, formats: ["brat"] }) }), ctx({ projectId }));
    expect(created.status).toBe(201);
    const body = (await created.json()) as { number: number; versionId: string; taskId: string };
    expect(body.number).toBeGreaterThanOrEqual(1);

    const bad = await collection.POST(call(manager, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ split: { train: 2, validation: 0, test: 0, seed: "x" } }) }), ctx({ projectId }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty(["split.train"]);
    expect((await collection.POST(call(annotator, { method: "POST" }), ctx({ projectId }))).status).toBe(403);
    expect((await collection.GET(call(annotator), ctx({ projectId }))).status).toBe(403);

    const detail = await one.GET(call(manager), ctx({ projectId, version: String(body.number) }));
    expect(detail.status).toBe(200);
    const files = ((await detail.json()) as { files: { name: string; sha256: string }[] }).files;
    const ann = files.find((f) => f.name.startsWith("brat/") && f.name.endsWith(".ann"))!;
    const res = await file.GET(call(manager), ctx({ projectId, version: body.versionId, name: encodeURIComponent(ann.name) }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(sha(await bytesOf(res))).toBe(ann.sha256);
    expect((await file.GET(call(manager), ctx({ projectId, version: String(body.number), name: "nope.txt" }))).status).toBe(404);
    const z = await zip.GET(call(manager), ctx({ projectId, version: String(body.number) }));
    expect(z.status).toBe(200);
    expect(z.headers.get("x-content-type-options")).toBe("nosniff");
    await z.body?.cancel();
  });
});
