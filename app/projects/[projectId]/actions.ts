"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { addMember, removeMember, updateProject } from "@/lib/projects/projects";

export async function updateProjectAction(projectId: string, input: unknown) {
  const result = await runAction((user) => updateProject(user, projectId, input));
  if (result.ok) revalidatePath(`/projects/${projectId}`, "layout");
  return result;
}

export async function addMemberAction(projectId: string, input: unknown) {
  const result = await runAction((user) => addMember(user, projectId, input));
  if (result.ok) revalidatePath(`/projects/${projectId}/members`);
  return result;
}

export async function removeMemberAction(projectId: string, memberId: string) {
  const result = await runAction((user) => removeMember(user, projectId, memberId));
  if (result.ok) revalidatePath(`/projects/${projectId}/members`);
  return result;
}
