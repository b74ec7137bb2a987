import { hashPassword } from "@/lib/auth/password";
import type { ProjectRoleName } from "@/lib/auth/permissions";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { defaultLabelSchema } from "@/lib/schema/label-schema";
import { projectSettingsOf } from "@/lib/projects/settings";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = "correct horse battery";
let cachedHash: string | undefined;

export async function makeUser(overrides: { email?: string; name?: string; isAdmin?: boolean; active?: boolean } = {}): Promise<AuthenticatedUser> {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  const user = await prisma().user.create({
    data: {
      email: overrides.email ?? `user-${unique()}@example.test`,
      name: overrides.name ?? "Test User",
      isAdmin: overrides.isAdmin ?? false,
      active: overrides.active ?? true,
      passwordHash: cachedHash,
    },
    select: { id: true, email: true, name: true, isAdmin: true },
  });
  return user;
}

export async function makeProject(members: { user: AuthenticatedUser; roles: ProjectRoleName[] }[] = [], name = "Test project") {
  return prisma().project.create({
    data: {
      name,
      labelSchema: defaultLabelSchema(),
      settings: projectSettingsOf({}),
      memberships: { create: members.map((m) => ({ userId: m.user.id, roles: m.roles })) },
    },
    select: { id: true, name: true },
  });
}

/** A project with one user per role, the usual cast of an integration test. */
export async function makeTeam() {
  const [admin, manager, annotator, annotator2, reviewer, outsider] = await Promise.all([
    makeUser({ isAdmin: true, name: "Admin" }),
    makeUser({ name: "Manager" }),
    makeUser({ name: "Annotator" }),
    makeUser({ name: "Annotator 2" }),
    makeUser({ name: "Reviewer" }),
    makeUser({ name: "Outsider" }),
  ]);
  const project = await makeProject([
    { user: manager, roles: ["MANAGER"] },
    { user: annotator, roles: ["ANNOTATOR"] },
    { user: annotator2, roles: ["ANNOTATOR"] },
    { user: reviewer, roles: ["REVIEWER"] },
  ]);
  return { project, admin, manager, annotator, annotator2, reviewer, outsider };
}
