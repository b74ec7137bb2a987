"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { parseOrThrow } from "@/lib/validation/parse";
import { createTokenSchema, type changePasswordSchema } from "@/lib/validation/auth";
import type { z } from "zod";
import { changeOwnPassword } from "@/lib/users/users";

export async function changePasswordAction(input: z.input<typeof changePasswordSchema>) {
  return runAction((user) => changeOwnPassword(user, input));
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
