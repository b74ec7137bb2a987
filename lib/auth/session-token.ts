import "server-only";
import crypto from "node:crypto";
import { jwtDecrypt } from "jose";
import type { SessionClaims } from "./session-user";

// next-auth (v4) session cookies are JWEs (alg "dir", enc A256GCM) under a key derived from the
// secret with HKDF. Reading one here, instead of through getServerSession, skips what that call
// does besides: a CSRF token, the callbacks, and encrypting a renewed cookie that a server render
// cannot set anyway. The token is still decrypted, authenticated and its expiry checked on every
// request, exactly as next-auth's own `decode` does; only the derived key is kept per process.

/** next-auth's cookie name; `__Secure-` when the app is served over https (as next-auth decides). */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

type CookieStore = { getAll(): { name: string; value: string }[] };

/** The session token: the cookie, or the chunks (`name.0`, `name.1`, …) next-auth splits a large one into. */
export function sessionTokenOf(store: CookieStore, secure: boolean): string | null {
  const name = sessionCookieName(secure);
  const all = store.getAll();
  const whole = all.find((c) => c.name === name);
  if (whole) return whole.value || null;
  const chunks = all
    .flatMap((c) => {
      const index = c.name.startsWith(`${name}.`) ? c.name.slice(name.length + 1) : "";
      return /^\d+$/u.test(index) ? [{ index: Number(index), value: c.value }] : [];
    })
    .sort((a, b) => a.index - b.index);
  return chunks.length ? chunks.map((c) => c.value).join("") : null;
}

let derived: { secret: string; key: Uint8Array } | null = null;

/** next-auth's encryption key (HKDF-SHA256, empty salt, its info string): the same for every request. */
function encryptionKey(secret: string): Uint8Array {
  if (derived?.secret !== secret) {
    const key = crypto.hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32);
    derived = { secret, key: new Uint8Array(key) };
  }
  return derived.key;
}

/**
 * The claims of a session token if it decrypts under `secret` and has not expired (next-auth's
 * 15 s clock tolerance); null for anything else: tampered, foreign, expired or malformed.
 */
export async function sessionClaimsOf(token: string | null, secret: string | undefined): Promise<SessionClaims | null> {
  if (!token || !secret) return null;
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(secret), {
      clockTolerance: 15,
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
    });
    return { id: typeof payload.uid === "string" ? payload.uid : undefined, sv: typeof payload.sv === "number" ? payload.sv : 0 };
  } catch {
    return null;
  }
}
