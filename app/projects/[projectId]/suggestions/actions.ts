"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { createEntity } from "@/lib/entities/entities";
import { createExternalSuggester, deleteExternalSuggester } from "@/lib/external-suggesters/manage";
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

export async function addExternalSuggesterAction(projectId: string, input: unknown) {
  const result = await runAction((user) => createExternalSuggester(user, projectId, input));
  if (result.ok) revalidatePath(`/projects/${projectId}/suggestions`);
  return result;
}

export async function removeExternalSuggesterAction(projectId: string, suggesterId: string) {
  const result = await runAction((user) => deleteExternalSuggester(user, projectId, suggesterId));
  if (result.ok) revalidatePath(`/projects/${projectId}/suggestions`);
  return result;
}
