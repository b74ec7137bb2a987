import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { requireProjectPermission } from "@/lib/auth/project-access";
import { getExportOverview } from "@/lib/datasets/export-overview";
import { prisma } from "@/lib/db/prisma";
import { importArticle } from "@/lib/documents/import-article";
import { Prisma } from "@/lib/generated/prisma/client";
import { getProject } from "@/lib/projects/projects";
import { errorOf } from "./error-of";
import { makeTeam } from "./factories";

// A damaged JSON row (hand-edited, half-migrated) must be a clear error wherever it is read,
// including the annotation save path, which parses the schema once per schema version.
type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;
let documentId: string;

beforeAll(async () => {
  team = await makeTeam();
  const imported = await importArticle({ projectId: team.project.id, createdById: team.manager.id, article: { title: "Talks", text: "The talks went well. The ministry said so." } });
  if (imported.status !== "imported") throw new Error("import failed");
  documentId = imported.id;
  await prisma().assignment.create({ data: { documentId, userId: team.annotator.id, role: "ANNOTATOR" } });
});

const claim = () => ({ id: crypto.randomUUID(), type: "CLAIM", start: 0, end: 20, attributes: { checkworthy: "yes" } });
const DAMAGED_SCHEMA = "This project's stored label schema is damaged (spanTypes.0.color: A colour like #2563eb). An administrator must repair it.";

describe("a damaged label schema row", () => {
  it("saves normally first (the schema is parsed and cached for this version)", async () => {
    const { created } = await createAnnotation(team.annotator, documentId, claim());
    expect(created).toBe(true);
  });

  it("fails with a clear error on the save path, the project page and the exports page once the row is damaged", async () => {
    const project = await prisma().project.findUniqueOrThrow({ where: { id: team.project.id }, select: { labelSchema: true } });
    const schema = project.labelSchema as { spanTypes: { color: string }[] };
    schema.spanTypes[0]!.color = "red";
    // A new schema version, as every schema edit makes: the save path must read (and check) it again.
    await prisma().project.update({ where: { id: team.project.id }, data: { labelSchema: schema as Prisma.InputJsonValue, schemaVersion: { increment: 1 } } });

    const save = await errorOf(createAnnotation(team.annotator, documentId, claim()));
    expect([save.code, save.status, save.message]).toEqual(["invalid_state", 409, DAMAGED_SCHEMA]);
    expect((await errorOf(getProject(team.manager, team.project.id))).message).toBe(DAMAGED_SCHEMA);
    expect((await errorOf(getExportOverview(team.manager, team.project.id))).message).toBe(DAMAGED_SCHEMA);
    expect(await prisma().annotation.count({ where: { documentId } })).toBe(1);
  });
});

describe("a damaged settings row", () => {
  it("is a clear error at the permission check instead of silently granting or denying downloads", async () => {
    const other = await makeTeam();
    await prisma().project.update({ where: { id: other.project.id }, data: { settings: { membersMayDownload: "yes" } } });
    const e = await errorOf(requireProjectPermission(other.annotator, other.project.id, "datasets.view"));
    expect(e.code).toBe("invalid_state");
    expect(e.message).toBe("This project's stored settings are damaged (membersMayDownload: Invalid input: expected boolean, received string). An administrator must repair them.");
  });
});
