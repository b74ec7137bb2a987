"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { annotateMatches, undoAnnotateMatches } from "@/lib/search/annotate-matches";
import { deleteSavedSearch, saveSearch } from "@/lib/search/saved-searches";

export async function saveSearchAction(projectId: string, input: unknown) {
  const result = await runAction((user) => saveSearch(user, projectId, input));
  if (result.ok) revalidatePath(`/projects/${projectId}/search`);
  return result;
}

export async function deleteSavedSearchAction(projectId: string, id: string) {
  const result = await runAction((user) => deleteSavedSearch(user, projectId, id));
  if (result.ok) revalidatePath(`/projects/${projectId}/search`);
  return result;
}

export async function annotateMatchesAction(projectId: string, input: unknown) {
  return runAction((user) => annotateMatches(user, projectId, input));
}

export async function undoAnnotateMatchesAction(projectId: string, input: unknown) {
  return runAction((user) => undoAnnotateMatches(user, projectId, input));
}
