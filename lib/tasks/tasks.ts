import "server-only";
import { requireProjectPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { ImportResult } from "@/lib/validation/documents";

/** A background task's progress, for the page that polls it; only project members may read it. */
export async function getTask(user: AuthenticatedUser, taskId: string) {
  const task = await prisma().task.findUnique({
    where: { id: taskId },
    select: { id: true, projectId: true, kind: true, status: true, total: true, done: true, result: true, error: true, createdAt: true, updatedAt: true },
  });
  if (!task) throw new AppError("not_found", "Task not found.");
  try {
    await requireProjectPermission(user, task.projectId, "project.view");
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", "Task not found.");
    throw error;
  }
  const files =
    task.kind === "IMPORT"
      ? await prisma().importFile.findMany({ where: { taskId }, orderBy: { position: "asc" }, select: { name: true, position: true, result: true } })
      : [];
  return { ...task, files: files.map((f) => ({ name: f.name, position: f.position, results: (f.result as ImportResult[] | null) ?? null })) };
}

export async function listRecentTasks(user: AuthenticatedUser, projectId: string, kind: "IMPORT" | "EXPORT" | "SUGGEST") {
  await requireProjectPermission(user, projectId, "project.view");
  return prisma().task.findMany({
    where: { projectId, kind },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, status: true, total: true, done: true, result: true, createdAt: true },
  });
}
