import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { appUrl, env } from "@/lib/env";
import { authOptions } from "./options";
import { sessionCookieName } from "./session-token";

/**
 * Re-signs the current session cookie at a new session version, so that a password change ends
 * every other session but keeps this one. next-auth names the cookie by the app URL's scheme.
 */
export async function reissueSessionCookie(sessionVersion: number): Promise<void> {
  const secure = appUrl().protocol === "https:";
  const name = sessionCookieName(secure);
  const store = await cookies();
  const current = store.get(name)?.value;
  const secret = env().AUTH_SECRET ?? "";
  const token = current ? await decode({ token: current, secret }) : null;
  if (!token) return;
  const maxAge = authOptions.session?.maxAge ?? 12 * 60 * 60;
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge });
  store.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge });
}
