// bench:saves set-up: a project with N annotators, each with an API token and an assigned
// document of their own (a sample article, so offsets are real), written through the data layer.
import fs from "node:fs";
import path from "node:path";

export type BenchAnnotator = { userId: string; token: string; documentId: string; assignmentId: string; charCount: number };
export type BenchTeam = { projectId: string; annotators: BenchAnnotator[] };

export async function createTeam(count: number): Promise<BenchTeam> {
  const { prisma } = await import("../../lib/db/prisma");
  const { createApiToken } = await import("../../lib/auth/api-tokens");
  const { importArticle } = await import("../../lib/documents/import-article");
  const { defaultLabelSchema } = await import("../../lib/schema/label-schema");
  const corpusDir = path.join(__dirname, "..", "..", "prisma", "seed-data");
  const articles = fs.readdirSync(corpusDir).sort().map((f) => fs.readFileSync(path.join(corpusDir, f), "utf8"));
  const stamp = Date.now().toString(36);
  const manager = await prisma().user.create({ data: { email: `bench-saves-manager-${stamp}@example.test`, name: "Bench manager", passwordHash: "x" } });
  const project = await prisma().project.create({
    data: { name: `Saves bench ${stamp}`, labelSchema: defaultLabelSchema(), settings: {}, memberships: { create: { userId: manager.id, roles: ["MANAGER"] } } },
  });
  const annotators: BenchAnnotator[] = [];
  for (let i = 0; i < count; i++) {
    const user = await prisma().user.create({ data: { email: `bench-saves-${stamp}-${i}@example.test`, name: `Bench annotator ${i + 1}`, passwordHash: "x" } });
    await prisma().membership.create({ data: { projectId: project.id, userId: user.id, roles: ["ANNOTATOR"] } });
    // Each annotator gets a distinct document (a sample article, tagged so no two are duplicates).
    const text = `${articles[i % articles.length]!.trim()}\n\nBench copy ${i + 1}.`;
    const imported = await importArticle({ projectId: project.id, createdById: manager.id, article: { title: `Bench article ${i + 1}`, text } });
    if (imported.status !== "imported") throw new Error(`import failed: ${JSON.stringify(imported)}`);
    const assignment = await prisma().assignment.create({ data: { documentId: imported.id, userId: user.id, role: "ANNOTATOR" } });
    const { token } = await createApiToken(user.id, "bench");
    annotators.push({ userId: user.id, token, documentId: imported.id, assignmentId: assignment.id, charCount: [...text].length });
  }
  return { projectId: project.id, annotators };
}
