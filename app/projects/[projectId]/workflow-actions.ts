"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { createComment } from "@/lib/comments/create-comment";
import { setCommentResolved } from "@/lib/comments/resolve-comment";
import { bulkAssign } from "@/lib/workflow/bulk-assign";
import { createAssignment } from "@/lib/workflow/create-assignment";
import { deleteAssignment } from "@/lib/workflow/delete-assignment";
import { reopenDocument } from "@/lib/workflow/reopen-document";
import { returnAssignment } from "@/lib/workflow/return-assignment";
import { submitAssignment } from "@/lib/workflow/submit-assignment";

// Server actions for the workflow UI: the same lib functions as the API, so the same rules.
const documentPath = (projectId: string, documentId: string) => `/projects/${projectId}/documents/${documentId}`;

export async function bulkAssignAction(projectId: string, input: unknown) {
  const result = await runAction((user) => bulkAssign(user, projectId, input));
  if (result.ok) revalidatePath(`/projects/${projectId}`, "layout");
  return result;
}

export async function createAssignmentAction(projectId: string, documentId: string, input: unknown) {
  const result = await runAction(async (user) => {
    await createAssignment(user, documentId, input);
  });
  if (result.ok) revalidatePath(documentPath(projectId, documentId));
  return result;
}

export async function deleteAssignmentAction(projectId: string, documentId: string, assignmentId: string) {
  const result = await runAction((user) => deleteAssignment(user, assignmentId));
  if (result.ok) revalidatePath(documentPath(projectId, documentId));
  return result;
}

export async function submitAssignmentAction(projectId: string, documentId: string, assignmentId: string, version: number) {
  const result = await runAction(async (user) => (await submitAssignment(user, assignmentId, { version })).documentState);
  if (result.ok) revalidatePath(`/projects/${projectId}`, "layout");
  return result;
}

export async function returnAssignmentAction(projectId: string, documentId: string, assignmentId: string, input: unknown) {
  const result = await runAction(async (user) => (await returnAssignment(user, assignmentId, input)).documentState);
  if (result.ok) revalidatePath(documentPath(projectId, documentId));
  return result;
}

export async function reopenDocumentAction(projectId: string, documentId: string, input: unknown) {
  const result = await runAction(async (user) => (await reopenDocument(user, documentId, input)).state);
  if (result.ok) revalidatePath(documentPath(projectId, documentId));
  return result;
}

export async function createCommentAction(projectId: string, documentId: string, input: unknown) {
  const result = await runAction(async (user) => {
    await createComment(user, documentId, input);
  });
  if (result.ok) revalidatePath(documentPath(projectId, documentId));
  return result;
}

export async function setCommentResolvedAction(projectId: string, documentId: string, commentId: string, resolved: boolean) {
  const result = await runAction(async (user) => {
    await setCommentResolved(user, commentId, resolved);
  });
  if (result.ok) revalidatePath(documentPath(projectId, documentId));
  return result;
}
