import "server-only";
import { headers } from "next/headers";
import { getSessionUser } from "@/lib/auth/current-user";
import { trustedOrigins } from "@/lib/env";
import { checkSameOrigin } from "@/lib/security/same-origin";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { isAppError, type FieldErrors } from "@/lib/errors";
import type { ActionResult } from "./action-result";

/**
 * The chain every server action goes through: authenticate → run the domain function (which
 * validates with the shared zod schema and checks project roles) → map errors to a result.
 * An action is a cookie-authenticated POST: it must carry the app's own Origin (Next.js itself only
 * compares Origin with Host, and lets a request without Origin through).
 */
export async function runAction<T>(fn: (user: AuthenticatedUser) => Promise<T>): Promise<ActionResult<T>> {
  const origin = checkSameOrigin(await headers(), trustedOrigins(), { requireOrigin: true });
  if (!origin.ok) return { ok: false, code: "csrf", message: "This request did not come from Stancebench's own pages. Reload the page and try again." };
  const user = await getSessionUser();
  if (!user) return { ok: false, code: "unauthenticated", message: "Your session has ended. Sign in again." };
  try {
    return { ok: true, data: await fn(user) };
  } catch (error) {
    if (isAppError(error)) {
      const fields = error.details?.fields as FieldErrors | undefined;
      return { ok: false, code: error.code, message: error.message, ...(fields ? { fields } : {}) };
    }
    console.error("Unhandled server action error", error);
    return { ok: false, code: "internal", message: "Something went wrong on the server. Nothing was changed." };
  }
}
