"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { createUser, resetUserPassword, setUserActive } from "@/lib/users/users";

export async function createUserAction(input: unknown) {
  const result = await runAction((user) => createUser(user, input));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function setUserActiveAction(userId: string, active: boolean) {
  const result = await runAction((user) => setUserActive(user, userId, active));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function resetPasswordAction(userId: string, input: unknown) {
  return runAction((user) => resetUserPassword(user, userId, input));
}
