import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { getDocument } from "@/lib/documents/get-document";
import { importJsonArticles, importUploadedFile } from "@/lib/documents/import-files";
import { createImportTask } from "@/lib/documents/import-task";
import { listDocuments } from "@/lib/documents/list-documents";
import { deleteDocument, setSentenceKind, updateDocument } from "@/lib/documents/manage-document";
import { getTask } from "@/lib/tasks/tasks";
import { makeTeam } from "./factories";
import { errorOf } from "./error-of";

process.env.STANCEBENCH_JOBS = "inline";
process.env.MAX_DOCUMENT_BYTES = "40000";

const corpusDir = path.join(__dirname, "..", "..", "prisma", "seed-data");
const corpusFiles = fs.readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).sort();
const bytes = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

describe("importing files", () => {
  it("imports the five corpus articles with sentences whose text is the code-point slice of the original", async () => {
    const { project, manager } = await makeTeam();
    for (const file of corpusFiles) {
      const [result] = await importUploadedFile({ projectId: project.id, userId: manager.id }, { name: file, bytes: fs.readFileSync(path.join(corpusDir, file)) });
      expect(result?.status, file).toBe("imported");
      const doc = await getDocument(manager, result!.id!);
      const original = fs.readFileSync(path.join(corpusDir, file), "utf8");
      expect(doc.text).toBe(original);
      const codePoints = Array.from(original);
      for (const s of doc.sentences) expect(codePoints.slice(s.start, s.end).join("")).toBe(s.text);
      expect(doc.sentenceCount).toBe(doc.sentences.length);
      expect(doc.language).toBe("en");
    }
    // Each stored sentence carries its own text and language (the search index derives from them).
    const mismatched = await prisma().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM sentences s JOIN documents d ON d.id = s.document_id
      WHERE d.project_id = ${project.id} AND (s.text <> substr(d.text, s.start + 1, s."end" - s.start) OR s.language <> d.language)`;
    expect(mismatched[0]!.n).toBe(0);
    const first = (await listDocuments(manager, project.id)).items[0]!;
    const doc = await getDocument(manager, first.id);
    expect(doc.title).toBe("Moscow and Beijing are global partners");
    const kinds = Object.fromEntries(doc.sentences.slice(0, 5).map((s) => [s.text, s.kind]));
    expect(kinds["foto"]).toBe("boilerplate");
    expect(kinds["Sergey Guneev/RIA Novosti"]).toBe("boilerplate");
    expect(kinds["Note: this is a machine translation from the original Russian text"]).toBe("content");
  });

  it("reports a duplicate instead of importing the same normalised text twice", async () => {
    const { project, manager } = await makeTeam();
    const ctx = { projectId: project.id, userId: manager.id };
    const [first] = await importUploadedFile(ctx, { name: "a.txt", bytes: bytes("Same text here.\nSecond line.") });
    const [again] = await importUploadedFile(ctx, { name: "b.txt", bytes: bytes("  same TEXT here.\r\n\r\nSecond   line. ") });
    expect(again).toMatchObject({ status: "duplicate", existingId: first!.id });
    expect(await prisma().document.count({ where: { projectId: project.id } })).toBe(1);
  });

  it("refuses bad files with a precise reason and stores nothing", async () => {
    const { project, manager } = await makeTeam();
    const ctx = { projectId: project.id, userId: manager.id };
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    const [asPng] = await importUploadedFile(ctx, { name: "photo.txt", bytes: png });
    expect(asPng).toMatchObject({ status: "failed", error: { code: "unsupported_media_type" } });
    expect(asPng!.error!.message).toMatch(/PNG/);

    const invalid = new Uint8Array([...Buffer.from("Hello world, fine so far."), 0xff, 0xfe, ...Buffer.from(" more")]);
    const [utf8] = await importUploadedFile(ctx, { name: "bad.txt", bytes: invalid });
    expect(utf8).toMatchObject({ status: "failed", error: { code: "validation_failed" } });
    expect(utf8!.error!.message).toContain("byte 25");

    const [empty] = await importUploadedFile(ctx, { name: "empty.txt", bytes: bytes(" \n\t \r\n") });
    expect(empty).toMatchObject({ status: "failed", error: { code: "validation_failed" } });

    const [big] = await importUploadedFile(ctx, { name: "big.txt", bytes: bytes("word ".repeat(10_000)) });
    expect(big).toMatchObject({ status: "failed", error: { code: "payload_too_large" } });

    const [pdfName] = await importUploadedFile(ctx, { name: "report.docx", bytes: bytes("text") });
    expect(pdfName).toMatchObject({ status: "failed", error: { code: "unsupported_media_type" } });

    const [encoding] = await importUploadedFile(ctx, { name: "a.txt", bytes: bytes("text"), encoding: "latin-9" });
    expect(encoding).toMatchObject({ status: "failed", error: { code: "validation_failed" } });
    expect(await prisma().document.count({ where: { projectId: project.id } })).toBe(0);
    expect(await prisma().sentence.count({ where: { document: { projectId: project.id } } })).toBe(0);
  });

  it("imports legacy Cyrillic encodings when asked", async () => {
    const { project, manager } = await makeTeam();
    const ctx = { projectId: project.id, userId: manager.id };
    const text = "Москва и Пекин — глобальные партнёры.\nЛидеры провели переговоры.";
    const [cp1251] = await importUploadedFile(ctx, { name: "ru.txt", bytes: iconv.encode(text, "win1251"), encoding: "windows-1251" });
    expect(cp1251?.status).toBe("imported");
    expect((await getDocument(manager, cp1251!.id!)).text).toBe(text);
    // KOI8-R has no em dash, so its sample avoids one.
    const koiText = "Лидеры провели переговоры. Второй абзац.";
    const [koi] = await importUploadedFile(ctx, { name: "ru2.txt", bytes: iconv.encode(koiText, "koi8-r"), encoding: "koi8-r" });
    expect((await getDocument(manager, koi!.id!)).text).toBe(koiText);
    const [wrong] = await importUploadedFile(ctx, { name: "ru3.txt", bytes: iconv.encode("Другой текст.", "win1251") });
    expect(wrong).toMatchObject({ status: "failed", error: { code: "validation_failed" } });
  });

  it("JSONL: bad lines report their line numbers, the others import, unknown fields land in meta", async () => {
    const { project, manager } = await makeTeam();
    const jsonl = [
      JSON.stringify({ title: "One", text: "First article. It has two sentences.", source: "RIA", published_at: "2023-01-02", topic: "energy" }),
      "{not json",
      "",
      JSON.stringify({ title: "No text" }),
      JSON.stringify({ text: "Third article 😀 with emoji. Done.", language: "en", meta: { a: 1 } }),
    ].join("\n");
    const results = await importUploadedFile({ projectId: project.id, userId: manager.id }, { name: "batch.jsonl", bytes: bytes(jsonl) });
    expect(results.map((r) => [r.line, r.status])).toEqual([
      [1, "imported"],
      [2, "failed"],
      [4, "failed"],
      [5, "imported"],
    ]);
    expect(results[2]!.error!.message).toMatch(/text/);
    const one = await prisma().document.findUniqueOrThrow({ where: { id: results[0]!.id! } });
    expect(one.meta).toEqual({ topic: "energy" });
    expect(one.source).toBe("RIA");
    expect(one.publishedAt?.toISOString()).toBe("2023-01-02T00:00:00.000Z");
    const emoji = await getDocument(manager, results[3]!.id!);
    expect(emoji.sentences.map((s) => [s.start, s.end, s.text])).toEqual([
      [0, 27, "Third article 😀 with emoji."],
      [28, 33, "Done."],
    ]);
  });

  it("JSON bodies: one object or an array; validation errors per item", async () => {
    const { project, manager } = await makeTeam();
    const ctx = { projectId: project.id, userId: manager.id };
    const results = await importJsonArticles(ctx, [{ title: "A", text: "Alpha text. Yes." }, { text: "" }, "nope"]);
    expect(results.map((r) => r.status)).toEqual(["imported", "failed", "failed"]);
    expect(results[0]!.sentenceCount).toBe(2);
  });

  it("stores each sentence's text through COPY with tabs, backslashes, CRLF and emoji intact, indexed in its language", async () => {
    const { project, manager } = await makeTeam();
    const text = "Tab\there and a back\\slash \\N stay. 😀 Emoji 😀 ministers spoke.\r\nA line \\t after CRLF.";
    const [result] = await importJsonArticles({ projectId: project.id, userId: manager.id }, [{ text, language: "en" }, { text: "Второй текст: министры говорили.", language: "ru" }]);
    const rows = await prisma().$queryRaw<{ text: string; slice: string; language: string; stemmed: boolean }[]>`
      SELECT s.text, substr(d.text, s.start + 1, s."end" - s.start) AS slice, s.language,
             s.tsv @@ to_tsquery(stancebench_ts_config(s.language), CASE s.language WHEN 'ru' THEN 'министр' ELSE 'minister' END) AS stemmed
      FROM sentences s JOIN documents d ON d.id = s.document_id WHERE d.project_id = ${project.id} ORDER BY d.language, s.index`;
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row.text).toBe(row.slice);
    expect(rows.map((r) => r.language)).toEqual(["en", "en", "en", "ru"].slice(4 - rows.length));
    expect(rows.filter((r) => r.stemmed).length).toBe(2);
    expect((await getDocument(manager, result!.id!)).sentences.map((s) => s.text).join(" ")).toContain("back\\slash");
  });
});

describe("background import tasks", () => {
  it("record per-file results and progress; only managers may start one", async () => {
    const { project, manager, annotator, outsider } = await makeTeam();
    const files = [
      { name: "a.txt", bytes: bytes("Article A. Body.") },
      { name: "b.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
    ];
    expect((await errorOf(createImportTask(annotator, project.id, files))).code).toBe("forbidden");
    expect((await errorOf(createImportTask(outsider, project.id, files))).code).toBe("not_found");
    expect((await errorOf(createImportTask(manager, project.id, []))).code).toBe("validation_failed");
    const { taskId } = await createImportTask(manager, project.id, files);
    const task = await getTask(manager, taskId);
    expect(task.status).toBe("DONE");
    expect([task.done, task.total]).toEqual([2, 2]);
    expect(task.result).toEqual({ imported: 1, duplicates: 0, failed: 1 });
    expect(task.files.map((f) => f.results?.[0]?.status)).toEqual(["imported", "failed"]);
    expect((await errorOf(getTask(outsider, taskId))).code).toBe("not_found");
  });
});

describe("document management", () => {
  it("manager flips a segment's kind and corrects the language; others may not; bad input is 400", async () => {
    const { project, manager, annotator } = await makeTeam();
    const [r] = await importJsonArticles({ projectId: project.id, userId: manager.id }, { text: "Share\nReal sentence here. Another one." });
    const id = r!.id!;
    expect((await setSentenceKind(manager, id, 1, { kind: "boilerplate" })).kind).toBe("boilerplate");
    expect((await getDocument(manager, id)).sentences[1]).toMatchObject({ kind: "boilerplate", kindOverridden: true });
    expect((await errorOf(setSentenceKind(annotator, id, 1, { kind: "content" }))).code).toBe("forbidden");
    expect((await errorOf(setSentenceKind(manager, id, 99, { kind: "content" }))).code).toBe("not_found");
    expect((await errorOf(setSentenceKind(manager, id, 0, { kind: "weird" }))).code).toBe("validation_failed");
    expect((await updateDocument(manager, id, { language: "ru" })).language).toBe("ru");
    expect((await errorOf(updateDocument(manager, id, { language: "Russian!" }))).code).toBe("validation_failed");
    const audit = await prisma().auditEvent.findMany({ where: { documentId: id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["sentence.kind", "document.update"]);
  });

  it("deleting: manager only, and never a signed-off document", async () => {
    const { project, manager, reviewer } = await makeTeam();
    const ctx = { projectId: project.id, userId: manager.id };
    const [a] = await importJsonArticles(ctx, { text: "Delete me. Please." });
    const [b] = await importJsonArticles(ctx, { text: "Signed off. Keep me." });
    await prisma().document.update({ where: { id: b!.id! }, data: { state: "SIGNED_OFF" } });
    expect((await errorOf(deleteDocument(reviewer, a!.id!))).code).toBe("forbidden");
    const conflict = await errorOf(deleteDocument(manager, b!.id!));
    expect([conflict.code, conflict.status]).toEqual(["invalid_state", 409]);
    await deleteDocument(manager, a!.id!);
    expect(await prisma().document.findUnique({ where: { id: a!.id! } })).toBeNull();
    expect(await prisma().sentence.count({ where: { documentId: a!.id! } })).toBe(0);
    expect(await prisma().document.findUnique({ where: { id: b!.id! } })).not.toBeNull();
  });

  it("lists with a stable cursor and rejects a forged one", async () => {
    const { project, manager } = await makeTeam();
    for (let i = 0; i < 5; i++) await importJsonArticles({ projectId: project.id, userId: manager.id }, { title: `D${i}`, text: `Document number ${i}. Body.` });
    const page1 = await listDocuments(manager, project.id, { limit: 2 });
    const page2 = await listDocuments(manager, project.id, { limit: 2, cursor: page1.nextCursor });
    const page3 = await listDocuments(manager, project.id, { limit: 2, cursor: page2.nextCursor });
    expect([...page1.items, ...page2.items, ...page3.items].map((d) => d.title)).toEqual(["D0", "D1", "D2", "D3", "D4"]);
    expect(page3.nextCursor).toBeNull();
    expect((await errorOf(listDocuments(manager, project.id, { cursor: "garbage!" }))).code).toBe("validation_failed");
  });
});
