import { expect, test } from "@playwright/test";
import { as, demoProjectId } from "./helpers";

test.use({ storageState: { cookies: [], origins: [] } });

test("JSON import: 201, then 409 with the existing id; the document reads back in code points", async ({ request }) => {
  const projectId = await demoProjectId(request);
  const text = `Emoji 😀 test ${Date.now()}. Второе предложение.\r\nThird line here.`;
  const created = await request.post(`/api/v1/projects/${projectId}/documents`, { headers: as("manager"), data: { title: "Emoji", text, extra_field: 7 } });
  expect(created.status()).toBe(201);
  const { results } = (await created.json()) as { results: { id: string; sentenceCount: number }[] };
  const id = results[0]!.id;
  expect(results[0]!.sentenceCount).toBe(3);

  const again = await request.post(`/api/v1/projects/${projectId}/documents`, { headers: as("manager"), data: { text } });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { error: { code: string; existingId: string } }).error).toMatchObject({ code: "duplicate", existingId: id });

  const doc = (await (await request.get(`/api/v1/documents/${id}`, { headers: as("annotator1") })).json()) as {
    text: string;
    offsetUnit: string;
    meta: Record<string, unknown>;
    sentences: { start: number; end: number; text: string; kind: string }[];
  };
  expect(doc.text).toBe(text);
  expect(doc.offsetUnit).toBe("codepoint");
  expect(doc.meta).toEqual({ extra_field: 7 });
  const cps = Array.from(text);
  for (const s of doc.sentences) expect(cps.slice(s.start, s.end).join("")).toBe(s.text);
});

test("multipart import: 415 for a PNG, 400 for invalid UTF-8 naming the byte, 413 over the size limit, 415 for a wrong content type", async ({ request }) => {
  const projectId = await demoProjectId(request);
  const url = `/api/v1/projects/${projectId}/documents`;
  const png = await request.post(url, {
    headers: as("manager"),
    multipart: { file: { name: "x.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]) } },
  });
  expect(png.status()).toBe(415);
  const invalid = await request.post(url, {
    headers: as("manager"),
    multipart: { file: { name: "x.txt", mimeType: "text/plain", buffer: Buffer.concat([Buffer.from("abc"), Buffer.from([0xc3, 0x28])]) } },
  });
  expect(invalid.status()).toBe(400);
  expect(((await invalid.json()) as { error: { message: string } }).error.message).toContain("byte 3");
  const big = await request.post(url, {
    headers: as("manager"),
    multipart: { file: { name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(5 * 1024 * 1024 + 10, "a") } },
  });
  expect(big.status()).toBe(413);
  const xml = await request.post(url, { headers: { ...as("manager"), "content-type": "application/xml" }, data: "<a/>" });
  expect(xml.status()).toBe(415);
});

test("jsonl with a bad line: 200, per-line results, the good lines imported", async ({ request }) => {
  const projectId = await demoProjectId(request);
  const stamp = Date.now();
  const body = [JSON.stringify({ title: "L1", text: `Line one ${stamp}.` }), "{oops", JSON.stringify({ title: "L3", text: `Line three ${stamp}.` })].join("\n");
  const res = await request.post(`/api/v1/projects/${projectId}/documents`, {
    headers: as("manager"),
    multipart: { file: { name: "batch.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(body) } },
  });
  expect(res.status()).toBe(200);
  const json = (await res.json()) as { imported: number; failed: number; results: { line: number; status: string }[] };
  expect([json.imported, json.failed]).toEqual([2, 1]);
  expect(json.results.map((r) => [r.line, r.status])).toEqual([
    [1, "imported"],
    [2, "failed"],
    [3, "imported"],
  ]);
});
