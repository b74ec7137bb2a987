import { describe, expect, it } from "vitest";
import * as textRoute from "@/app/api/v1/documents/[documentId]/text/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { prisma } from "@/lib/db/prisma";
import { importJsonArticles } from "@/lib/documents/import-files";
import { documentTextSchema } from "@/lib/validation/document-text";
import { makeTeam } from "./factories";

type Handler = (request: Request, context: { params: Promise<{ documentId: string }> }) => Promise<Response>;

function get(documentId: string, token: string, query = "", headers: Record<string, string> = {}) {
  const handler = textRoute.GET as Handler;
  return handler(new Request(`http://test.local/api/v1/documents/${documentId}/text${query}`, { headers: { Authorization: `Bearer ${token}`, ...headers } }), {
    params: Promise.resolve({ documentId }),
  });
}

describe("GET /api/v1/documents/{id}/text", () => {
  it("serves the text and code-point sentence boundaries, immutable under its hash, 304 on a matching ETag", async () => {
    const { project, manager, annotator, outsider } = await makeTeam();
    const text = "Emoji 😀 first.\n\nLavrov said the talks were useful.";
    const [result] = await importJsonArticles({ projectId: project.id, userId: manager.id }, { title: "Doc", text });
    const documentId = result!.id!;
    const { textSha256 } = await prisma().document.findUniqueOrThrow({ where: { id: documentId }, select: { textSha256: true } });
    const [a, o] = await Promise.all([createApiToken(annotator.id, "t"), createApiToken(outsider.id, "t")]);

    const versioned = await get(documentId, a.token, `?v=${textSha256}`);
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(versioned.headers.get("etag")).toBe(`"${textSha256}"`);
    const body = documentTextSchema.parse(await versioned.json());
    expect(body.text).toBe(text);
    const second = body.sentences[1]!;
    expect([...text].slice(second[1], second[2]).join("")).toBe("Lavrov said the talks were useful.");

    // Without the hash (or with another one) the answer must be revalidated, never kept for good.
    expect((await get(documentId, a.token)).headers.get("cache-control")).toBe("private, no-cache");
    expect((await get(documentId, a.token, `?v=${"0".repeat(64)}`)).headers.get("cache-control")).toBe("private, no-cache");
    const revalidated = await get(documentId, a.token, "", { "If-None-Match": `"${textSha256}"` });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");

    // Bad input and strangers.
    const bad = await get(documentId, a.token, "?v=not-a-hash");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "validation_failed", message: expect.stringMatching(/^v: must be the text's SHA-256/) });
    expect((await get(documentId, o.token)).status).toBe(404);
    expect((await get("no-such-document", a.token)).status).toBe(404);
  });
});
