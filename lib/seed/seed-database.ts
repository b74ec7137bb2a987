import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db/prisma";
import { importArticle } from "@/lib/documents/import-article";
import { defaultLabelSchema } from "@/lib/schema/label-schema";
import { storeSuggestionsForDocument } from "@/lib/suggestion-runs/store-suggestions";
import { projectSettingsOf } from "@/lib/projects/settings";
import { DEMO_ASSIGNMENTS, DEMO_PASSWORD, DEMO_PROJECT, DEMO_USERS } from "./demo-accounts";

export type SeedResult = { seeded: boolean; adminPassword?: string; generatedAdminPassword?: boolean };

/**
 * First-start seed. Runs only on an empty users table, so restarts never touch existing data.
 * Demo mode: demo users and the demo project with the sample articles. Server mode: the admin only.
 */
export async function seedDatabase(options: { demo: boolean; adminPassword?: string; seedDataDir: string }): Promise<SeedResult> {
  if ((await prisma().user.count()) > 0) return { seeded: false };
  const generated = !options.adminPassword && !options.demo;
  const adminPassword = options.adminPassword ?? (options.demo ? DEMO_PASSWORD : crypto.randomBytes(12).toString("base64url"));

  if (!options.demo) {
    await prisma().user.create({
      data: { email: "admin@example.com", name: "Administrator", isAdmin: true, passwordHash: await hashPassword(adminPassword) },
    });
    return { seeded: true, adminPassword, generatedAdminPassword: generated };
  }

  const demoHash = await hashPassword(DEMO_PASSWORD);
  const adminHash = adminPassword === DEMO_PASSWORD ? demoHash : await hashPassword(adminPassword);
  const users: { id: string; email: string }[] = [];
  for (const u of DEMO_USERS) {
    users.push(
      await prisma().user.create({
        data: { email: u.email, name: u.name, isAdmin: u.isAdmin, passwordHash: u.isAdmin ? adminHash : demoHash },
        select: { id: true, email: true },
      }),
    );
  }
  const project = await prisma().project.create({
    data: {
      name: DEMO_PROJECT.name,
      description: DEMO_PROJECT.description,
      labelSchema: defaultLabelSchema(DEMO_PROJECT.stanceTargets),
      settings: projectSettingsOf({ sourceDescription: "Five machine-translated articles from the Russian press (web scrapes)." }),
      memberships: {
        create: DEMO_USERS.flatMap((u, i) => (u.roles.length ? [{ userId: users[i]!.id, roles: u.roles }] : [])),
      },
    },
    select: { id: true },
  });
  const manager = users.find((u) => u.email === "manager@example.com")!;
  const byEmail = (email: string) => users.find((u) => u.email === email)!.id;
  for (const file of fs.readdirSync(options.seedDataDir).filter((f) => f.endsWith(".txt")).sort()) {
    const text = fs.readFileSync(path.join(options.seedDataDir, file), "utf8");
    const result = await importArticle({ projectId: project.id, createdById: manager.id, article: { text, source: "sample corpus", meta: { file } } });
    if (result.status !== "imported") continue;
    // Both annotators get every sample article (so agreement has something to measure) and the
    // reviewer reviews them all: the demo opens on real work queues.
    await prisma().assignment.createMany({
      data: [
        ...DEMO_ASSIGNMENTS.annotators.map((email) => ({ documentId: result.id, userId: byEmail(email), role: "ANNOTATOR" as const })),
        { documentId: result.id, userId: byEmail(DEMO_ASSIGNMENTS.reviewer), role: "REVIEWER" as const },
      ],
    });
    // Seeded directly (no job queue yet at seed time), so the demo opens with suggestions.
    await storeSuggestionsForDocument(result.id);
  }
  return { seeded: true, adminPassword, generatedAdminPassword: false };
}
