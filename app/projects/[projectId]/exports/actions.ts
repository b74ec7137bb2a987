"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { countDatasetDocuments, createDatasetVersion } from "@/lib/datasets/create-dataset";

export async function createDatasetAction(projectId: string, input: unknown) {
  const result = await runAction((user) => createDatasetVersion(user, projectId, input));
  if (result.ok) revalidatePath(`/projects/${projectId}/exports`);
  return result;
}

export async function countDatasetDocumentsAction(projectId: string, filter: unknown) {
  return runAction((user) => countDatasetDocuments(user, projectId, { filter }));
}
