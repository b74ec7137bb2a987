"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { createProject } from "@/lib/projects/projects";

export async function createProjectAction(input: unknown) {
  const result = await runAction((user) => createProject(user, input));
  if (result.ok) revalidatePath("/projects");
  return result;
}
