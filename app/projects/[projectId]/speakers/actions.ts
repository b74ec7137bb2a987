"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { createEntity, mergeEntity, updateEntity } from "@/lib/entities/entities";

export async function createEntityAction(projectId: string, input: unknown) {
  const result = await runAction((user) => createEntity(user, projectId, input));
  if (result.ok) revalidatePath(`/projects/${projectId}/speakers`);
  return result;
}

export async function updateEntityAction(projectId: string, entityId: string, input: unknown) {
  const result = await runAction((user) => updateEntity(user, projectId, entityId, input));
  if (result.ok) revalidatePath(`/projects/${projectId}/speakers`);
  return result;
}

export async function mergeEntityAction(projectId: string, entityId: string, input: unknown) {
  const result = await runAction((user) => mergeEntity(user, projectId, entityId, input));
  if (result.ok) revalidatePath(`/projects/${projectId}/speakers`);
  return result;
}
