"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { createEntity } from "@/lib/entities/entities";
import { updateSuggesterSettings } from "@/lib/projects/update-suggester-settings";
import { createSuggestionTask } from "@/lib/suggestion-runs/suggestion-task";

export async function updateSuggestersAction(projectId: string, input: unknown) {
  const result = await runAction((user) => updateSuggesterSettings(user, projectId, input));
  if (result.ok) revalidatePath(`/projects/${projectId}/suggestions`);
  return result;
}

export async function runSuggestionsAction(projectId: string, input: unknown) {
  return runAction((user) => createSuggestionTask(user, projectId, input));
}

export async function addSpeakerAction(projectId: string, input: unknown) {
  const result = await runAction((user) => createEntity(user, projectId, input));
  if (result.ok) revalidatePath(`/projects/${projectId}/suggestions`);
  return result;
}
