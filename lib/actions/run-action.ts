import "server-only";
import { getSessionUser } from "@/lib/auth/current-user";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { isAppError, type FieldErrors } from "@/lib/errors";
import type { ActionResult } from "./action-result";

/**
 * The chain every server action goes through: authenticate → run the domain function (which
 * validates with the shared zod schema and checks project roles) → map errors to a result.
 */
export async function runAction<T>(fn: (user: AuthenticatedUser) => Promise<T>): Promise<ActionResult<T>> {
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
