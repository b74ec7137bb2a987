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

describe("several speakers over the API", () => {
  const quoteBody = (speaker: unknown) => ({
    id: crypto.randomUUID(), type: "QUOTE", ...cp("“The West is failing.”"), attributes: { form: "direct", speaker, stance: [{ target: "Ukraine", value: -1, holder: "author" }] },
  });

  it("stores a list of speakers in order, the first as the speaker, and lists them back", async () => {
    const { POST } = await annotations();
    const first = await prisma().entity.create({ data: { projectId: team.project.id, name: "Minister A", type: "PERSON" } });
    const res = await POST(post(quoteBody([{ id: first.id }, { name: "Ministry of Foreign Affairs", type: "organisation" }])), ctx({ documentId }));
    expect(res.status).toBe(201);
    const dto = (await res.json()) as Dto & { speaker: { id: string; name: string }; attributes: { coSpeakers?: string[] } };
    expect(dto.speaker).toMatchObject({ id: first.id, name: "Minister A" });
    const second = await prisma().entity.findFirstOrThrow({ where: { projectId: team.project.id, name: "Ministry of Foreign Affairs" } });
    expect(second.type).toBe("ORGANISATION");
    expect(dto.attributes.coSpeakers).toEqual([second.id]);
    // Sending the stored form back (GET → PATCH) keeps both speakers.
    const { PATCH } = await one();
    const patched = await PATCH(
      new Request("http://localhost/api", {
        method: "PATCH",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ version: dto.version, attributes: { ...dto.attributes, speaker: { id: first.id }, form: "indirect" } }),
      }),
      ctx({ annotationId: dto.id }),
    );
    expect(patched.status).toBe(200);
    const row = await prisma().annotation.findUniqueOrThrow({ where: { id: dto.id }, select: { speakerId: true, attributes: true } });
    expect(row.speakerId).toBe(first.id);
    expect((row.attributes as { coSpeakers: string[] }).coSpeakers).toEqual([second.id]);
  });

  it("guesses the type of a speaker created inline without one: ministry → organisation, country → state", async () => {
    const { POST } = await annotations();
    const res = await POST(post(quoteBody([{ name: "Министерство обороны" }, { name: "China" }, { name: "Xinhua News Agency" }])), ctx({ documentId }));
    expect(res.status).toBe(201);
    const types = await prisma().entity.findMany({ where: { projectId: team.project.id, name: { in: ["Министерство обороны", "China", "Xinhua News Agency"] } }, select: { name: true, type: true } });
    expect(Object.fromEntries(types.map((t) => [t.name, t.type]))).toEqual({ "Министерство обороны": "ORGANISATION", China: "STATE", "Xinhua News Agency": "OUTLET" });
    // The API spells the type as it does everywhere else, exports included.
    const dto = (await res.json()) as { speaker: { type: string } };
    expect(dto.speaker.type).toBe("organisation");
  });

  it("refuses an empty speaker list with 400 naming the field", async () => {
    const { POST } = await annotations();
    const res = await POST(post(quoteBody([])), ctx({ documentId }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string[]> } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields).toEqual({ "attributes.speaker": ["An empty list names no speaker; send one speaker or a list of at least one"] });
  });

  it("refuses a speaker of another project with 400 at its list position, and stores nothing", async () => {
    const { POST } = await annotations();
    const other = await prisma().project.create({ data: { name: "Other", labelSchema: {}, settings: {} }, select: { id: true } });
    const foreign = await prisma().entity.create({ data: { projectId: other.id, name: "Foreign speaker", type: "PERSON" } });
    const body = quoteBody([{ name: "Someone here" }, { id: foreign.id }]);
    const res = await POST(post(body), ctx({ documentId }));
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { fields: Record<string, string[]>; message: string } };
    expect(json.error.fields).toEqual({ "attributes.speaker.1": ["No such entity in this project"] });
    expect(json.error.message).toBe(`Invalid input — attributes.speaker.1: no entity ${foreign.id} in this project`);
    expect(await prisma().annotation.count({ where: { id: body.id } })).toBe(0);
    // The inline speaker created before the refusal is rolled back with the save.
    expect(await prisma().entity.count({ where: { projectId: team.project.id, name: "Someone here" } })).toBe(0);
  });
});
