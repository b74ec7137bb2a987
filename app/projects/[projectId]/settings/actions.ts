"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { updateLabelSchema } from "@/lib/projects/update-label-schema";

export async function updateLabelSchemaAction(projectId: string, input: unknown) {
  const result = await runAction((user) => updateLabelSchema(user, projectId, input));
  if (result.ok) revalidatePath(`/projects/${projectId}`, "layout");
  return result;
}
