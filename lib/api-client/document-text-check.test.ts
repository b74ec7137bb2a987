import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentTextSchema } from "@/lib/validation/document-text";
import { annotatorApi } from "./annotator-endpoints";
import { parseDocumentText } from "./document-text-check";

const good = { sha256: "ab", text: "One. Two.", sentences: [[0, 0, 4], [1, 5, 9]] };

// Each case is judged by the zod schema too: the hand-written check must agree with it.
const cases: [string, unknown][] = [
  ["a well-formed answer", good],
  ["no sentences", { ...good, sentences: [] }],
  ["an extra key (dropped)", { ...good, extra: 1 }],
  ["text that is a number", { ...good, text: 42 }],
  ["no sha256", { text: "x", sentences: [] }],
  ["sentences that are not a list", { ...good, sentences: { 0: [0, 0, 1] } }],
  ["a tuple of two", { ...good, sentences: [[0, 0, 4], [1, 5]] }],
  ["a tuple of four", { ...good, sentences: [[0, 0, 4, 0]] }],
  ["a fraction", { ...good, sentences: [[0, 0, 4.5]] }],
  ["a number as a string", { ...good, sentences: [[0, "0", 4]] }],
  ["an unsafe integer", { ...good, sentences: [[0, 0, 2 ** 60]] }],
  ["a null tuple", { ...good, sentences: [null] }],
  ["an array body", [good]],
  ["null", null],
  ["a string", "Bad gateway"],
];

describe("parseDocumentText", () => {
  it.each(cases)("agrees with documentTextSchema on %s", (_what, body) => {
    const zod = documentTextSchema.safeParse(body);
    expect(parseDocumentText(body)).toEqual(zod.success ? zod.data : null);
  });

  it("keeps the tuples as they came (no copy per sentence)", () => {
    const body = { ...good, sentences: [[0, 0, 4]] };
    expect(parseDocumentText(body)!.sentences).toBe(body.sentences);
  });
});

describe("annotatorApi.documentText over real HTTP", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = req.url === "/good" ? good : { sha256: "x", sentences: [[0, 0, "4"]], text: "x" };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("returns a well-formed answer and refuses a malformed 2xx one with the page's sentence", async () => {
    await expect(annotatorApi.documentText(`${base}/good`)).resolves.toEqual(good);
    await expect(annotatorApi.documentText(`${base}/bad`)).rejects.toMatchObject({ status: 200, code: "bad_response", message: "The document's text could not be loaded." });
  });
});
