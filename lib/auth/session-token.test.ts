import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionClaimsOf, sessionCookieName, sessionTokenOf } from "./session-token";

// The session reader must accept exactly what next-auth's own decode accepts.
const secret = "a-test-secret-of-at-least-32-characters";
const claims = { uid: "user-1", sv: 3, name: "Ann", email: "ann@example.test" };
const nextAuthSays = async (token: string, key = secret) => {
  try {
    const payload = await decode({ token, secret: key });
    return payload ? { id: payload.uid, sv: payload.sv } : null;
  } catch {
    return null;
  }
};

describe("sessionClaimsOf", () => {
  it("reads a session cookie next-auth wrote, as next-auth reads it", async () => {
    const token = await encode({ token: claims, secret, maxAge: 3600 });
    expect(await sessionClaimsOf(token, secret)).toEqual({ id: "user-1", sv: 3 });
    expect(await nextAuthSays(token)).toEqual({ id: "user-1", sv: 3 });
    // The key is kept between calls: a second read (and a read under another secret) still hold.
    expect(await sessionClaimsOf(token, secret)).toEqual({ id: "user-1", sv: 3 });
    const other = "another-secret-of-at-least-32-characters";
    expect(await sessionClaimsOf(await encode({ token: claims, secret: other, maxAge: 60 }), other)).toEqual({ id: "user-1", sv: 3 });
    expect(await sessionClaimsOf(token, secret)).toEqual({ id: "user-1", sv: 3 });
  });

  it("refuses an expired session (past next-auth's 15 s tolerance), as next-auth does", async () => {
    const expired = await encode({ token: claims, secret, maxAge: -60 });
    expect(await sessionClaimsOf(expired, secret)).toBeNull();
    expect(await nextAuthSays(expired)).toBeNull();
    const withinTolerance = await encode({ token: claims, secret, maxAge: -5 });
    expect(await sessionClaimsOf(withinTolerance, secret)).toEqual(await nextAuthSays(withinTolerance));
  });

  it("refuses a token under another secret, a tampered one, garbage and nothing", async () => {
    const token = await encode({ token: claims, secret, maxAge: 3600 });
    expect(await sessionClaimsOf(token, "another-secret-of-at-least-32-characters")).toBeNull();
    const parts = token.split(".");
    const flipped = parts[3]!.startsWith("A") ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    const tampered = [...parts.slice(0, 3), flipped, parts[4]].join(".");
    expect(await sessionClaimsOf(tampered, secret)).toBeNull();
    expect(await nextAuthSays(tampered)).toBeNull();
    expect(await sessionClaimsOf("not.a.jwe.at.all", secret)).toBeNull();
    expect(await sessionClaimsOf(null, secret)).toBeNull();
    expect(await sessionClaimsOf(token, undefined)).toBeNull();
  });

  it("gives no user id for a token without one (a version alone names nobody)", async () => {
    const token = await encode({ token: { sv: 1 }, secret, maxAge: 3600 });
    expect(await sessionClaimsOf(token, secret)).toEqual({ id: undefined, sv: 1 });
  });
});

describe("sessionTokenOf", () => {
  const store = (cookies: Record<string, string>) => ({ getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })) });

  it("takes next-auth's cookie for the scheme, whole or in chunks", () => {
    expect(sessionCookieName(true)).toBe("__Secure-next-auth.session-token");
    expect(sessionTokenOf(store({ "next-auth.session-token": "abc", other: "x" }), false)).toBe("abc");
    expect(sessionTokenOf(store({ "next-auth.session-token": "abc" }), true)).toBeNull();
    expect(sessionTokenOf(store({ "__Secure-next-auth.session-token": "abc" }), true)).toBe("abc");
    expect(sessionTokenOf(store({ "next-auth.session-token.1": "def", "next-auth.session-token.0": "abc", "next-auth.session-token.x": "no" }), false)).toBe("abcdef");
    expect(sessionTokenOf(store({ "next-auth.session-token-evil": "x" }), false)).toBeNull();
    expect(sessionTokenOf(store({}), false)).toBeNull();
  });
});
