import { describe, expect, it } from "vitest";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from "@/lib/auth/api-tokens";
import { MAX_FAILURES } from "@/lib/auth/throttle";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { changeOwnPassword, createUser, setUserActive } from "@/lib/users/users";
import { TEST_PASSWORD, makeUser } from "./factories";
import { errorOf } from "./error-of";

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const user = await makeUser({ email: "Mixed@Example.test" });
    // Emails are stored as given by the factory; the schema lower-cases input.
    await prisma().user.update({ where: { id: user.id }, data: { email: "mixed@example.test" } });
    const signedIn = await verifyCredentials({ email: "MIXED@example.test", password: TEST_PASSWORD });
    expect(signedIn.id).toBe(user.id);
  });

  it("gives the same message for an unknown email and a wrong password", async () => {
    const user = await makeUser();
    const wrong = await errorOf(verifyCredentials({ email: user.email, password: "nope-nope" }));
    const unknown = await errorOf(verifyCredentials({ email: "nobody@example.test", password: "nope-nope" }));
    expect(wrong.code).toBe("unauthenticated");
    expect(wrong.message).toBe("Invalid email or password.");
    expect(unknown.message).toBe(wrong.message);
  });

  it("refuses a deactivated user with the same message", async () => {
    const admin = await makeUser({ isAdmin: true });
    const user = await makeUser();
    await setUserActive(admin, user.id, false);
    const error = await errorOf(verifyCredentials({ email: user.email, password: TEST_PASSWORD }));
    expect(error.message).toBe("Invalid email or password.");
  });

  it("throttles after 10 failures in a minute, even with the right password, and says when to retry", async () => {
    const user = await makeUser();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect((await errorOf(verifyCredentials({ email: user.email, password: `wrong-${i}` }))).code).toBe("unauthenticated");
    }
    const throttled = await errorOf(verifyCredentials({ email: user.email, password: TEST_PASSWORD }));
    expect(throttled.code).toBe("rate_limited");
    expect(throttled.status).toBe(429);
    expect(throttled.retryAfterSeconds).toBeGreaterThan(0);
    expect(throttled.retryAfterSeconds).toBeLessThanOrEqual(60);
    // The counter is in PostgreSQL, so another app instance sees the same rows.
    expect(await prisma().loginFailure.count({ where: { email: user.email } })).toBe(MAX_FAILURES);
  });

  it("throttles unknown emails too, so throttling does not reveal which emails exist", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await errorOf(verifyCredentials({ email: "ghost@example.test", password: "x" }));
    expect((await errorOf(verifyCredentials({ email: "ghost@example.test", password: "x" }))).code).toBe("rate_limited");
  });
});

describe("API tokens", () => {
  it("are stored hashed, authenticate, list, and stop working when revoked", async () => {
    const user = await makeUser();
    const created = await createApiToken(user.id, "script");
    expect(created.token).toMatch(/^sbt_[A-Za-z0-9_-]{43}$/);
    const row = await prisma().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).not.toContain(created.token);
    expect((await authenticateApiToken(created.token))?.id).toBe(user.id);
    expect((await listApiTokens(user.id)).map((t) => t.name)).toEqual(["script"]);
    await revokeApiToken(user.id, created.id);
    expect(await authenticateApiToken(created.token)).toBeNull();
    expect(await listApiTokens(user.id)).toEqual([]);
  });

  it("cannot be revoked by another user", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const created = await createApiToken(owner.id, "mine");
    expect((await errorOf(revokeApiToken(other.id, created.id))).code).toBe("not_found");
    expect((await authenticateApiToken(created.token))?.id).toBe(owner.id);
  });

  it("rejects garbage and deactivated owners", async () => {
    const admin = await makeUser({ isAdmin: true });
    const user = await makeUser();
    const created = await createApiToken(user.id, "t");
    expect(await authenticateApiToken("sbt_garbage")).toBeNull();
    expect(await authenticateApiToken("not-even-prefixed")).toBeNull();
    await setUserActive(admin, user.id, false);
    expect(await authenticateApiToken(created.token)).toBeNull();
  });
});

describe("users", () => {
  it("only admins create users; duplicates and bad fields are 400/409 with field errors", async () => {
    const admin = await makeUser({ isAdmin: true });
    const plain = await makeUser();
    expect((await errorOf(createUser(plain, { email: "x@example.test", name: "X", password: "long enough" }))).code).toBe("forbidden");
    const created = await createUser(admin, { email: "New@Example.test", name: "New", password: "long enough" });
    expect(created.email).toBe("new@example.test");
    const duplicate = await errorOf(createUser(admin, { email: "new@example.test", name: "Again", password: "long enough" }));
    expect(duplicate.code).toBe("conflict");
    const invalid = await errorOf(createUser(admin, { email: "not-an-email", name: "", password: "short" }));
    expect(invalid.code).toBe("validation_failed");
    expect(Object.keys(invalid.details?.fields as object).sort()).toEqual(["email", "name", "password"]);
  });

  it("changing one's password needs the current one", async () => {
    const user = await makeUser();
    const error = await errorOf(changeOwnPassword(user, { currentPassword: "wrong", newPassword: "brand new pw", confirmPassword: "brand new pw" }));
    expect(error.details?.fields).toEqual({ currentPassword: ["Your current password is not correct"] });
    await changeOwnPassword(user, { currentPassword: TEST_PASSWORD, newPassword: "brand new pw", confirmPassword: "brand new pw" });
    expect((await verifyCredentials({ email: user.email, password: "brand new pw" })).id).toBe(user.id);
  });

  it("an admin cannot deactivate themselves", async () => {
    const admin = await makeUser({ isAdmin: true });
    expect((await errorOf(setUserActive(admin, admin.id, false))).code).toBe("conflict");
  });
});
