import { encode, decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authenticateApiToken, createApiToken } from "@/lib/auth/api-tokens";
import { authOptions } from "@/lib/auth/options";
import { userForSession } from "@/lib/auth/session-user";
import { prisma } from "@/lib/db/prisma";
import { addMember, removeMember } from "@/lib/projects/projects";
import { listUserEvents } from "@/lib/users/user-audit";
import { changeOwnPassword, createUser, resetUserPassword, setUserActive } from "@/lib/users/users";
import { errorOf } from "./error-of";
import { TEST_PASSWORD, makeTeam, makeUser } from "./factories";

// A session is the JWT's user id plus the session version it was signed at; the per-request
// lookup (userForSession) refuses it once the version moved on.
const signedIn = async (userId: string) => {
  const { sessionVersion } = await prisma().user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return { id: userId, sv: sessionVersion };
};
const eventsOf = (targetUserId: string) => prisma().userAuditEvent.findMany({ where: { targetUserId }, orderBy: { id: "asc" } });

describe("sessions end when the password or the account changes", () => {
  it("a password change ends the other sessions, keeps API tokens, and is audited", async () => {
    const user = await makeUser();
    const { token } = await createApiToken(user.id, "script");
    const before = await signedIn(user.id);
    expect(await userForSession(before)).toMatchObject({ id: user.id });

    const { sessionVersion } = await changeOwnPassword(user, { currentPassword: TEST_PASSWORD, newPassword: "brand new pw", confirmPassword: "brand new pw" });
    expect(await userForSession(before)).toBeNull();
    // The session that changed it is re-signed at the new version (app/account/actions.ts).
    expect(await userForSession({ id: user.id, sv: sessionVersion })).toMatchObject({ id: user.id });
    expect((await authenticateApiToken(token))?.id).toBe(user.id);
    expect((await eventsOf(user.id)).map((e) => [e.action, e.actorId])).toEqual([["user.password_change", user.id]]);
  });

  it("an admin's reset ends every session and revokes every API token, and is audited", async () => {
    const admin = await makeUser({ isAdmin: true });
    const user = await makeUser();
    const tokens = await Promise.all([createApiToken(user.id, "a"), createApiToken(user.id, "b")]);
    const session = await signedIn(user.id);
    await resetUserPassword(admin, user.id, { password: "reset by admin" });
    expect(await userForSession(session)).toBeNull();
    for (const { token } of tokens) expect(await authenticateApiToken(token)).toBeNull();
    const [event] = await eventsOf(user.id);
    expect(event).toMatchObject({ action: "user.password_reset", actorId: admin.id, after: { revokedTokens: 2 } });
    expect(JSON.stringify([event?.before, event?.after])).not.toContain("reset by admin");
  });

  it("deactivation ends sessions and revokes tokens for good: reactivating revives neither", async () => {
    const admin = await makeUser({ isAdmin: true });
    const user = await makeUser();
    const { token } = await createApiToken(user.id, "t");
    const session = await signedIn(user.id);
    await setUserActive(admin, user.id, false);
    expect(await userForSession(session)).toBeNull();
    await setUserActive(admin, user.id, true);
    expect(await userForSession(session)).toBeNull();
    expect(await authenticateApiToken(token)).toBeNull();
    expect((await eventsOf(user.id)).map((e) => [e.action, e.before, e.after])).toEqual([
      ["user.deactivate", { active: true }, { active: false, revokedTokens: 1 }],
      ["user.activate", { active: false }, { active: true }],
    ]);
  });

  it("a session from before this feature (no version in the JWT) works until the first change", async () => {
    const user = await makeUser();
    expect(await userForSession({ id: user.id })).toMatchObject({ id: user.id });
    expect(await userForSession({ id: "nobody" })).toBeNull();
    expect(await userForSession({})).toBeNull();
  });

  it("sign-in signs the current version into the JWT", async () => {
    const jwt = authOptions.callbacks!.jwt!;
    const token = await jwt({ token: {}, user: { id: "u1", sessionVersion: 3 } as never, account: null, trigger: "signIn" });
    expect(token).toMatchObject({ uid: "u1", sv: 3 });
  });
});

describe("forged session cookies", () => {
  it("a JWT signed with another secret, or an unsigned alg:none token, does not decode", async () => {
    const secret = authOptions.secret!;
    const real = await encode({ token: { uid: "u1", sv: 0 }, secret });
    expect(await decode({ token: real, secret })).toMatchObject({ uid: "u1" });
    const forged = await encode({ token: { uid: "u1", sv: 0 }, secret: "another-secret-0123456789" });
    await expect(decode({ token: forged, secret })).rejects.toThrow();
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const none = `${b64({ alg: "none", typ: "JWT" })}.${b64({ uid: "u1", sv: 0, exp: 9999999999 })}.`;
    await expect(decode({ token: none, secret })).rejects.toThrow();
  });
});

describe("admin actions are audited", () => {
  it("creating a user is recorded without the password; only admins read the log", async () => {
    const admin = await makeUser({ isAdmin: true });
    const created = await createUser(admin, { email: "audited@example.test", name: "Audited", password: "secret password" });
    const [event] = await eventsOf(created.id);
    expect(event).toMatchObject({ action: "user.create", actorId: admin.id, after: { email: "audited@example.test", isAdmin: false } });
    expect(JSON.stringify(event?.after)).not.toContain("secret password");
    const log = await listUserEvents(admin);
    expect(log[0]).toMatchObject({ action: "user.create", actor: admin.email, target: "audited@example.test" });
    expect((await errorOf(listUserEvents(created))).code).toBe("forbidden");
  });

  it("adding a member, changing their roles and removing them go to the project's audit trail", async () => {
    const { project, manager, outsider } = await makeTeam();
    await addMember(manager, project.id, { email: outsider.email, roles: ["ANNOTATOR"] });
    await addMember(manager, project.id, { email: outsider.email, roles: ["ANNOTATOR", "REVIEWER"] });
    await removeMember(manager, project.id, outsider.id);
    const events = await prisma().auditEvent.findMany({ where: { projectId: project.id, action: { startsWith: "member." } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      ["member.add", manager.id, null, { userId: outsider.id, email: outsider.email, roles: ["ANNOTATOR"] }],
      ["member.roles", manager.id, { userId: outsider.id, roles: ["ANNOTATOR"] }, { userId: outsider.id, email: outsider.email, roles: ["ANNOTATOR", "REVIEWER"] }],
      ["member.remove", manager.id, { userId: outsider.id, roles: ["ANNOTATOR", "REVIEWER"] }, null],
    ]);
  });
});
