import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { updateAnnotation } from "@/lib/annotations/change-annotation";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { createPrismaClient, poolOf } from "@/lib/db/create-client";
import { prisma } from "@/lib/db/prisma";
import { importArticle } from "@/lib/documents/import-article";
import { isDatabaseUp } from "@/lib/health/check-database";
import { errorOf } from "./error-of";
import { makeTeam, makeUser } from "./factories";

// A pool of 5 connections for this file: a save that reached for the shared pool from inside its
// transaction would leave 5 transactions each waiting for a 6th connection until they time out.
const holder = globalThis as unknown as { stancebenchPrisma?: unknown };
holder.stancebenchPrisma = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 5 });

const TEXT = "Встреча 🤝 in Moscow. The minister said the talks went well. Officials expect more meetings.";
const cp = (needle: string) => {
  const start = [...TEXT.slice(0, TEXT.indexOf(needle))].length;
  return { start, end: start + [...needle].length };
};

let team: Awaited<ReturnType<typeof makeTeam>>;
let documentId: string;
const annotators: AuthenticatedUser[] = [];

beforeAll(async () => {
  team = await makeTeam();
  const imported = await importArticle({ projectId: team.project.id, createdById: team.manager.id, article: { title: "Talks", text: TEXT } });
  if (imported.status !== "imported") throw new Error("import failed");
  documentId = imported.id;
  annotators.push(team.annotator, team.annotator2);
  for (let i = 0; i < 4; i++) annotators.push(await makeUser({ name: `Annotator ${i + 3}` }));
  await prisma().membership.createMany({ data: annotators.slice(2).map((u) => ({ projectId: team.project.id, userId: u.id, roles: ["ANNOTATOR" as const] })) });
  await prisma().assignment.createMany({ data: annotators.map((u) => ({ documentId, userId: u.id, role: "ANNOTATOR" as const })) });
});

describe("saves at team scale", () => {
  it("30 concurrent saves on a pool of 5 connections all finish, each stored and audited exactly once", async () => {
    const claim = cp("The minister said the talks went well.");
    const jobs = Array.from({ length: 30 }, (_, i) => ({ user: annotators[i % annotators.length]!, id: crypto.randomUUID() }));
    const created = await Promise.all(jobs.map((j) => createAnnotation(j.user, documentId, { id: j.id, type: "CLAIM", ...claim, attributes: { checkworthy: "yes" } })));
    expect(created.every((c) => c.created && c.annotation.text === "The minister said the talks went well.")).toBe(true);

    // And 30 concurrent patches of those annotations (each at its current version).
    const patched = await Promise.all(jobs.map((j) => updateAnnotation(j.user, j.id, { version: 1, attributes: { checkworthy: "no" } })));
    expect(patched.map((p) => p.version)).toEqual(jobs.map(() => 2));

    // The save path's plain SQL and Prisma share the one pool of 5.
    expect(poolOf(prisma()).totalCount).toBeLessThanOrEqual(5);
    const ids = jobs.map((j) => j.id);
    const rows = await prisma().annotation.findMany({ where: { id: { in: ids } }, select: { id: true, version: true, attributes: true } });
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.version === 2 && (r.attributes as { checkworthy: string }).checkworthy === "no")).toBe(true);
    const audits = await prisma().auditEvent.groupBy({ by: ["action"], where: { annotationId: { in: ids } }, _count: true });
    expect(Object.fromEntries(audits.map((a) => [a.action, a._count]))).toEqual({ "annotation.create": 30, "annotation.update": 30 });
  });

  it("two annotators naming the same new speaker at the same moment both succeed and point at one entity", async () => {
    const quote = cp("the talks went well");
    for (let round = 0; round < 5; round++) {
      const name = `New Speaker ${round} ${crypto.randomUUID().slice(0, 8)}`;
      const [first, second] = await Promise.all(
        [team.annotator, team.annotator2].map((user) => createAnnotation(user, documentId, { type: "QUOTE", ...quote, attributes: { form: "indirect", speaker: { name } } })),
      );
      expect(first!.annotation.speaker?.id).toBeDefined();
      expect(second!.annotation.speaker?.id).toBe(first!.annotation.speaker?.id);
      expect(await prisma().entity.count({ where: { projectId: team.project.id, name } })).toBe(1);
    }
  });

  it("bad input on the save path still gets a precise 4xx and changes nothing", async () => {
    const { annotation } = await createAnnotation(team.annotator, documentId, { type: "QUOTE", ...cp("Officials expect more meetings."), attributes: { form: "direct", speaker: { name: "Officials" } } });
    const length = [...TEXT].length;
    const beyond = await errorOf(updateAnnotation(team.annotator, annotation.id, { version: 1, attributes: { form: "direct", speaker: { name: "Officials" }, cue: { start: length - 2, end: length + 5 } } }));
    expect(beyond.status).toBe(400);
    expect(Object.keys(beyond.details?.fields as object)).toEqual(["attributes.cue"]);
    const offsets = await errorOf(updateAnnotation(team.annotator, annotation.id, { version: 1, end: length + 1 }));
    expect(offsets.status).toBe(400);
    expect(offsets.message).toMatch(new RegExp(`beyond the text \\(${length} code points\\)`));
    expect((await errorOf(updateAnnotation(team.annotator, crypto.randomUUID(), { version: 1 }))).status).toBe(404);
    expect((await errorOf(updateAnnotation(team.outsider, annotation.id, { version: 1 }))).status).toBe(404);
    expect((await errorOf(updateAnnotation(team.annotator2, annotation.id, { version: 1 }))).status).toBe(403);
    const stale = await errorOf(updateAnnotation(team.annotator, annotation.id, { version: 7, attributes: { form: "indirect", speaker: { name: "Officials" } } }));
    expect(stale.status).toBe(409);
    expect((stale.details?.current as { text: string }).text).toBe("Officials expect more meetings.");
    const stored = await prisma().annotation.findUniqueOrThrow({ where: { id: annotation.id } });
    expect(stored.version).toBe(1);
    expect(stored.attributes).toEqual({ form: "direct" });
  });

  it("the health check answers while every pooled connection is taken, since it has its own", async () => {
    const pool = poolOf(prisma());
    const held = await Promise.all(Array.from({ length: 5 }, () => pool.connect()));
    try {
      expect(pool.totalCount).toBe(5);
      expect(await isDatabaseUp(1000)).toBe(true);
    } finally {
      held.forEach((client) => client.release());
    }
  });
});
