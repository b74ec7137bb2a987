import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import { prisma } from "@/lib/db/prisma";
import { importArticle } from "@/lib/documents/import-article";
import { makeTeam } from "./factories";

// Whose stance: the API stores a holder on every stance entry, defaulting by type, and refuses
// an unknown one with a 400 naming the field.
const TEXT = "The minister said: “The West is failing.” The outlet agrees. (Translator's note: we do not.)";
const cp = (needle: string) => {
  const start = [...TEXT.slice(0, TEXT.indexOf(needle))].length;
  return { start, end: start + [...needle].length };
};

let team: Awaited<ReturnType<typeof makeTeam>>;
let documentId: string;
let token: string;
const annotations = () => import("@/app/api/v1/documents/[documentId]/annotations/route");
const one = () => import("@/app/api/v1/annotations/[annotationId]/route");
const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
const post = (body: unknown) =>
  new Request("http://localhost/api", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });

beforeAll(async () => {
  team = await makeTeam();
  const imported = await importArticle({ projectId: team.project.id, createdById: team.manager.id, article: { title: "Holders", text: TEXT } });
  if (imported.status !== "imported") throw new Error("import failed");
  documentId = imported.id;
  await prisma().assignment.create({ data: { documentId, userId: team.annotator.id, role: "ANNOTATOR" } });
  token = (await createApiToken(team.annotator.id, "t")).token;
});

type Dto = { id: string; version: number; attributes: { stance?: unknown[] } };

describe("stance holders over the API", () => {
  it("stores the type's default holder when none is given and keeps an explicit one", async () => {
    const { POST } = await annotations();
    const quote = await POST(
      post({ id: crypto.randomUUID(), type: "QUOTE", ...cp("“The West is failing.”"), attributes: { form: "direct", speaker: { name: "The minister" }, stance: [{ target: "United States / the West", value: -2 }] } }),
      ctx({ documentId }),
    );
    expect(quote.status).toBe(201);
    expect(((await quote.json()) as Dto).attributes.stance).toEqual([{ target: "United States / the West", value: -2, holder: "source" }]);

    const aside = await POST(
      post({ id: crypto.randomUUID(), type: "EDITORIAL", ...cp("(Translator's note: we do not.)"), attributes: { kind: "translation-note", stance: [{ target: "United States / the West", value: 1 }] } }),
      ctx({ documentId }),
    );
    expect(((await aside.json()) as Dto).attributes.stance).toEqual([{ target: "United States / the West", value: 1, holder: "republisher" }]);

    const claim = await POST(
      post({ id: crypto.randomUUID(), type: "CLAIM", ...cp("The outlet agrees."), attributes: { checkworthy: "no", stance: [{ target: "United States / the West", value: -1, holder: "republisher" }] } }),
      ctx({ documentId }),
    );
    const created = (await claim.json()) as Dto;
    expect(created.attributes.stance).toEqual([{ target: "United States / the West", value: -1, holder: "republisher" }]);

    // PATCH changes the holder alone, and the change is stored.
    const { PATCH } = await one();
    const patched = await PATCH(
      new Request("http://localhost/api", {
        method: "PATCH",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ version: created.version, attributes: { checkworthy: "no", stance: [{ target: "United States / the West", value: -1, holder: "author" }] } }),
      }),
      ctx({ annotationId: created.id }),
    );
    expect(patched.status).toBe(200);
    const stored = await prisma().annotation.findUniqueOrThrow({ where: { id: created.id }, select: { attributes: true } });
    expect((stored.attributes as { stance: unknown }).stance).toEqual([{ target: "United States / the West", value: -1, holder: "author" }]);
  });

  it("answers an unknown holder with 400 and a message naming the field and the allowed values", async () => {
    const { POST } = await annotations();
    const id = crypto.randomUUID();
    const res = await POST(
      post({ id, type: "CLAIM", ...cp("The outlet agrees."), attributes: { checkworthy: "no", stance: [{ target: "Ukraine", value: 1, holder: "editor" }] } }),
      ctx({ documentId }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; fields: Record<string, string[]> } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields).toEqual({ "attributes.stance.0.holder": ['Unknown stance holder "editor"; expected one of source, author, republisher'] });
    expect(body.error.message).toBe('Invalid input — attributes.stance.0.holder: Unknown stance holder "editor"; expected one of source, author, republisher');
    expect(await prisma().annotation.count({ where: { id } })).toBe(0);
  });

  it("gives sentence labels the author's stance by default and refuses an unknown holder there too", async () => {
    const { POST } = await annotations();
    const ok = await POST(post({ id: crypto.randomUUID(), sentenceIndex: 0, labels: { stance: [{ target: "Ukraine", value: 0 }] } }), ctx({ documentId }));
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as Dto).attributes.stance).toEqual([{ target: "Ukraine", value: 0, holder: "author" }]);
    const bad = await POST(post({ id: crypto.randomUUID(), sentenceIndex: 1, labels: { stance: [{ target: "Ukraine", value: 0, holder: 3 }] } }), ctx({ documentId }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toEqual({
      "labels.stance.0.holder": ["Unknown stance holder 3; expected one of source, author, republisher"],
    });
  });
});
