"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { reissueSessionCookie } from "@/lib/auth/reissue-session";
import { parseOrThrow } from "@/lib/validation/parse";
import { createTokenSchema, type changePasswordSchema } from "@/lib/validation/auth";
import type { z } from "zod";
import { changeOwnPassword } from "@/lib/users/users";

// Every other session ends; this one is re-signed at the new session version and stays.
export async function changePasswordAction(input: z.input<typeof changePasswordSchema>) {
  const result = await runAction(async (user) => {
    const { sessionVersion } = await changeOwnPassword(user, input);
    await reissueSessionCookie(sessionVersion);
  });
  return result;
}

export async function createTokenAction(input: unknown) {
  const result = await runAction((user) => createApiToken(user.id, parseOrThrow(createTokenSchema, input).name));
  if (result.ok) revalidatePath("/account");
  return result;
}

export async function revokeTokenAction(tokenId: string) {
  const result = await runAction((user) => revokeApiToken(user.id, tokenId));
  if (result.ok) revalidatePath("/account");
  return result;
}
