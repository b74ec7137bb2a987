import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PATCH as patchRoute } from "@/app/api/v1/projects/[projectId]/label-schema/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { prisma } from "@/lib/db/prisma";
import { importJsonArticles } from "@/lib/documents/import-files";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { getProject } from "@/lib/projects/projects";
import { updateLabelSchema } from "@/lib/projects/update-label-schema";
import { defaultLabelSchema, type LabelSchema } from "@/lib/schema/label-schema";
import { makeTeam } from "./factories";
import { errorOf } from "./error-of";

process.env.STANCEBENCH_JOBS = "inline";

const edited = (edit: (s: LabelSchema) => void): LabelSchema => {
  const s = structuredClone(defaultLabelSchema());
  edit(s);
  return s;
};

const choice = (s: LabelSchema, type: string, attribute: string) => {
  const a = (type === "sentence" ? s.sentenceLabels : s.spanTypes.find((t) => t.name === type)!.attributes).find((x) => x.name === attribute)!;
  if (a.kind !== "choice") throw new Error("not a choice");
  return a;
};

/** A project with one document and annotations that use EDITORIAL/boilerplate, a stance target and a sentence label. */
async function setup() {
  const team = await makeTeam();
  const [doc] = await importJsonArticles({ projectId: team.project.id, userId: team.manager.id }, { text: "One sentence here. Another sentence there." });
  const documentId = doc!.id!;
  const base = { documentId, layer: "ANNOTATOR" as const, authorId: team.annotator.id };
  await prisma().annotation.createMany({
    data: [
      { ...base, id: randomUUID(), type: "EDITORIAL", start: 0, end: 18, attributes: { kind: "boilerplate" } },
      { ...base, id: randomUUID(), type: "EDITORIAL", start: 19, end: 42, attributes: { kind: "boilerplate" } },
      { ...base, id: randomUUID(), type: "CLAIM", start: 0, end: 18, attributes: { checkworthy: "yes", stance: [{ target: "Ukraine", value: -1 }] } },
      { ...base, id: randomUUID(), type: "SENTENCE", sentenceIndex: 1, attributes: { checkworthy: "no" } },
    ],
  });
  return { ...team, documentId };
}

describe("updating the label schema", () => {
  it("lets a manager add a type and a value, recolour, change hotkeys and retire values in use; audited and versioned", async () => {
    const { manager, project } = await setup();
    const next = edited((s) => {
      s.spanTypes.push({ name: "EVENT", label: "Event", color: "#7c3aed", hotkey: "v", attributes: [{ name: "stance", kind: "stance", required: false }] });
      s.spanTypes[0]!.color = "#000000";
      s.spanTypes[0]!.hotkey = "l";
      const kind = choice(s, "EDITORIAL", "kind");
      kind.values.find((v) => v.value === "boilerplate")!.retired = true;
      kind.values.push({ value: "caption", label: "Photo caption" });
      s.stanceTargets.find((t) => t.name === "Ukraine")!.retired = true;
    });
    const result = await updateLabelSchema(manager, project.id, { labelSchema: next, schemaVersion: 1 });
    expect(result).toEqual({ labelSchema: next, schemaVersion: 2 });
    const stored = await getProject(manager, project.id);
    expect(stored.labelSchema).toEqual(next);
    expect(stored.stanceTargets).toEqual(["Russia–China partnership", "United States / the West"]);
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { projectId: project.id, action: "project.label_schema" } });
    expect(audit.actorId).toBe(manager.id);
    expect(audit.before).toEqual(defaultLabelSchema());
    expect(audit.after).toEqual(next);
  });

  it("a retired value or type can no longer be chosen for a new annotation, while a new value can", async () => {
    const { manager, annotator, project, documentId } = await setup();
    await prisma().assignment.create({ data: { documentId, userId: annotator.id, role: "ANNOTATOR" } });
    await updateLabelSchema(manager, project.id, {
      labelSchema: edited((s) => {
        const kind = choice(s, "EDITORIAL", "kind");
        kind.values.find((v) => v.value === "boilerplate")!.retired = true;
        kind.values.push({ value: "caption", label: "Photo caption" });
        s.spanTypes.find((t) => t.name === "CLAIM")!.retired = true;
      }),
    });
    const retiredValue = await errorOf(createAnnotation(annotator, documentId, { type: "EDITORIAL", start: 0, end: 3, attributes: { kind: "boilerplate" } }));
    expect(retiredValue.status).toBe(400);
    expect(retiredValue.message).toMatch(/retired/);
    const retiredType = await errorOf(createAnnotation(annotator, documentId, { type: "CLAIM", start: 0, end: 3, attributes: { checkworthy: "yes" } }));
    expect(retiredType.status).toBe(400);
    const created = await createAnnotation(annotator, documentId, { type: "EDITORIAL", start: 0, end: 3, attributes: { kind: "caption" } });
    expect(created.annotation.attributes).toMatchObject({ kind: "caption" });
  });

  it("removes values no annotation uses", async () => {
    const { manager, project } = await setup();
    const next = edited((s) => {
      const form = choice(s, "QUOTE", "form");
      form.values = form.values.filter((v) => v.value !== "mixed");
      s.stanceTargets = s.stanceTargets.filter((t) => t.name !== "United States / the West");
    });
    expect((await updateLabelSchema(manager, project.id, { labelSchema: next })).labelSchema).toEqual(next);
  });

  it("refuses to remove what annotations use with 409 listing each item and its count, and changes nothing", async () => {
    const { manager, project } = await setup();
    const next = edited((s) => {
      s.spanTypes = s.spanTypes.filter((t) => t.name !== "CLAIM");
      const kind = choice(s, "EDITORIAL", "kind");
      kind.values = kind.values.filter((v) => v.value !== "boilerplate" && v.value !== "disclaimer");
      const cw = choice(s, "sentence", "checkworthy");
      cw.values = cw.values.filter((v) => v.value !== "no");
      s.stanceTargets = s.stanceTargets.filter((t) => t.name !== "Ukraine");
    });
    const error = await errorOf(updateLabelSchema(manager, project.id, { labelSchema: next }));
    expect(error.status).toBe(409);
    expect(error.message).toBe(
      'Still in use, so it cannot be removed — retire it instead: span type CLAIM (1 annotation); value "boilerplate" of EDITORIAL.kind (2 annotations); value "no" of sentence labels.checkworthy (1 annotation); stance target "Ukraine" (1 annotation).',
    );
    expect((error.details?.inUse as { item: string; count: number }[]).map((u) => [u.item, u.count])).toEqual([
      ["span type CLAIM", 1],
      ['value "boilerplate" of EDITORIAL.kind', 2],
      ['value "no" of sentence labels.checkworthy', 1],
      ['stance target "Ukraine"', 1],
    ]);
    const stored = await prisma().project.findUniqueOrThrow({ where: { id: project.id } });
    expect(stored.labelSchema).toEqual(defaultLabelSchema());
    expect(stored.schemaVersion).toBe(1);
  });

  it("refuses removing an attribute in use, or changing its kind", async () => {
    const { manager, project } = await setup();
    const dropped = edited((s) => {
      s.spanTypes[0]!.attributes = s.spanTypes[0]!.attributes.filter((a) => a.name !== "checkworthy");
    });
    const error = await errorOf(updateLabelSchema(manager, project.id, { labelSchema: dropped }));
    expect([error.status, (error.details?.inUse as { item: string }[])[0]?.item]).toEqual([409, "attribute CLAIM.checkworthy"]);
    const rekinded = edited((s) => {
      s.spanTypes[0]!.attributes[0] = { name: "checkworthy", kind: "span", required: false };
    });
    expect((await errorOf(updateLabelSchema(manager, project.id, { labelSchema: rekinded }))).status).toBe(409);
  });

  it("refuses a stale schema version with 409 and the current schema", async () => {
    const { manager, project } = await setup();
    await updateLabelSchema(manager, project.id, { labelSchema: edited((s) => (s.spanTypes[0]!.color = "#111111")), schemaVersion: 1 });
    const stale = await errorOf(updateLabelSchema(manager, project.id, { labelSchema: defaultLabelSchema(), schemaVersion: 1 }));
    expect([stale.status, stale.code]).toEqual([409, "stale_version"]);
    expect(stale.details?.current).toMatchObject({ schemaVersion: 2 });
  });

  it("refuses invalid schemas with 400 and per-field messages", async () => {
    const { manager, project } = await setup();
    const cases: [LabelSchema, string, string][] = [
      [edited((s) => (s.spanTypes[1]!.hotkey = "c")), "labelSchema.spanTypes.1.hotkey", 'Key "c" is already used by CLAIM'],
      [edited((s) => (s.spanTypes[0]!.hotkey = "j")), "labelSchema.spanTypes.0.hotkey", "Reserved by the annotator page (j k ? a x y n 0 1 2 3 4 5 6 7 8 9)"],
      [edited((s) => (s.spanTypes[0]!.color = "blue")), "labelSchema.spanTypes.0.color", "A colour like #2563eb"],
      [edited((s) => (s.spanTypes[2]!.name = "QUOTE")), "labelSchema.spanTypes.2.name", 'Type "QUOTE" is listed twice'],
    ];
    for (const [labelSchema, field, message] of cases) {
      const error = await errorOf(updateLabelSchema(manager, project.id, { labelSchema }));
      expect(error.status).toBe(400);
      expect((error.details?.fields as Record<string, string[]>)[field]).toEqual([message]);
    }
    expect((await errorOf(updateLabelSchema(manager, project.id, {}))).status).toBe(400);
    expect((await errorOf(updateLabelSchema(manager, project.id, { labelSchema: defaultLabelSchema(), schemaVersion: 0 }))).status).toBe(400);
    expect((await prisma().project.findUniqueOrThrow({ where: { id: project.id } })).schemaVersion).toBe(1);
  });

  it("is for managers: 403 for annotators and reviewers (before looking at the body), 404 for outsiders", async () => {
    const { annotator, reviewer, outsider, project } = await setup();
    for (const user of [annotator, reviewer]) expect((await errorOf(updateLabelSchema(user, project.id, { labelSchema: defaultLabelSchema() }))).status).toBe(403);
    expect((await errorOf(updateLabelSchema(annotator, project.id, "garbage"))).status).toBe(403);
    expect((await errorOf(updateLabelSchema(outsider, project.id, { labelSchema: defaultLabelSchema() }))).status).toBe(404);
    expect((await errorOf(updateLabelSchema(annotator, "no-such-project", {}))).status).toBe(404);
  });

  it("answers over HTTP: 200 with the new version, 409 for a removal in use, 415 for a non-JSON body", async () => {
    const { manager, project } = await setup();
    const { token } = await createApiToken(manager.id, "test");
    const call = (body: unknown, contentType = "application/json") =>
      patchRoute(new Request("http://test/", { method: "PATCH", headers: { authorization: `Bearer ${token}`, "content-type": contentType }, body: JSON.stringify(body) }), {
        params: Promise.resolve({ projectId: project.id }),
      });
    const ok = await call({ labelSchema: edited((s) => (s.spanTypes[0]!.label = "Checkable claim")) });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { schemaVersion: number }).schemaVersion).toBe(2);
    const inUse = await call({ labelSchema: edited((s) => s.spanTypes.splice(2, 1)) });
    expect(inUse.status).toBe(409);
    const body = (await inUse.json()) as { error: { code: string; inUse: { item: string; count: number }[] } };
    expect(body.error.code).toBe("conflict");
    expect(body.error.inUse.map((u) => [u.item, u.count])).toEqual([["span type EDITORIAL", 2]]);
    expect((await call({ labelSchema: defaultLabelSchema() }, "text/plain")).status).toBe(415);
  });
});
