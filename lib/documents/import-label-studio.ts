import "server-only";
import crypto from "node:crypto";
import { auditJson, toAnnotationDto } from "@/lib/annotations/annotation-dto";
import { prisma } from "@/lib/db/prisma";
import { readLabelStudioTasks, type ImportedArticle } from "@/lib/export/label-studio";
import { ExportError } from "@/lib/export/types";
import type { LabelSchema } from "@/lib/schema/label-schema";
import type { ImportResult } from "@/lib/validation/documents";
import { importArticle } from "./import-article";
import { importKeyOf, type ImportContext } from "./import-files";

/** A parsed .json upload is a Label Studio export: tasks with `data.text` and `annotations`. */
export function isLabelStudioExport(value: unknown): boolean {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "object" || first === null) return false;
  const task = first as Record<string, unknown>;
  const data = task.data as Record<string, unknown> | undefined;
  return typeof data?.text === "string" && (Array.isArray(task.annotations) || Array.isArray(task.completions));
}

/**
 * Imports one Label Studio task: the text through the normal article import (segmented here),
 * then the ground-truth annotation (else the first one) as the gold layer. A ground-truth layer
 * signs the document off, as our own exports mark gold that way; any other goes to review.
 * Labels must name a span type of the project's schema (case-insensitive).
 */
async function importTask(ctx: ImportContext & { userId: string }, name: string, line: number, task: ImportedArticle, types: Map<string, string>): Promise<ImportResult> {
  const chosen = task.annotations.find((a) => a.groundTruth) ?? task.annotations[0] ?? null;
  const unknown = [...new Set((chosen?.spans ?? []).map((s) => s.type).filter((t) => !types.has(t.toLowerCase())))];
  if (unknown.length > 0) {
    return { name, line, status: "failed", error: { code: "validation_failed", message: `Labels not in the project's schema: ${unknown.join(", ")}. Add them as span types first.` } };
  }
  const outcome = await importArticle({
    projectId: ctx.projectId,
    createdById: ctx.userId,
    importKey: importKeyOf(ctx, line),
    article: { text: task.text, ...(task.title ? { title: task.title } : {}), meta: { label_studio_task: task.taskId, ...(task.docId ? { source_doc_id: task.docId } : {}) } },
  });
  if (outcome.status === "duplicate") return { name, line, status: "duplicate", existingId: outcome.existingId, title: outcome.title };
  const documentId = outcome.id;
  // Stored by this task before a crash, with its gold layer (both are written before the result).
  if (outcome.resumed) return { name, line, status: "imported", id: documentId, title: outcome.title, sentenceCount: outcome.sentenceCount };
  try {
    await prisma().$transaction(async (tx) => {
      const now = new Date();
      const rows = (chosen?.spans ?? []).map((s) => ({
        id: crypto.randomUUID(), documentId, layer: "GOLD" as const, authorId: ctx.userId, type: types.get(s.type.toLowerCase())!, start: s.start, end: s.end,
        sentenceIndex: null, attributes: {}, origin: "import:label-studio", version: 1, createdAt: now, updatedAt: now,
      }));
      if (rows.length > 0) await tx.annotation.createMany({ data: rows });
      const state = chosen?.groundTruth ? "SIGNED_OFF" : "IN_REVIEW";
      await tx.document.update({ where: { id: documentId }, data: { state, ...(state === "SIGNED_OFF" ? { signedOffAt: now, signedOffById: ctx.userId } : {}) } });
      await tx.auditEvent.createMany({
        data: [
          { projectId: ctx.projectId, documentId, actorId: ctx.userId, action: "document.import_label_studio", after: { task: task.taskId, annotations: rows.length, state } },
          ...rows.map((r) => ({ projectId: ctx.projectId, documentId, annotationId: r.id, actorId: ctx.userId, action: "annotation.create", after: auditJson(toAnnotationDto({ ...r, speaker: null }, task.text)) })),
        ],
      });
    });
  } catch (error) {
    // Keep the document and its annotations together: without its gold layer it is removed again.
    await prisma().document.delete({ where: { id: documentId } });
    throw error;
  }
  return { name, line, status: "imported", id: documentId, title: outcome.title, sentenceCount: outcome.sentenceCount };
}

/** A Label Studio JSON export → one result per task (line = task number). */
export async function importLabelStudio(ctx: ImportContext, name: string, json: unknown): Promise<ImportResult[]> {
  if (!ctx.userId) return [{ name, status: "failed", error: { code: "validation_failed", message: "Importing annotations needs a signed-in user." } }];
  let tasks: ImportedArticle[];
  try {
    tasks = readLabelStudioTasks(json);
  } catch (error) {
    if (error instanceof ExportError) return [{ name, status: "failed", error: { code: "validation_failed", message: error.message } }];
    throw error;
  }
  const project = await prisma().project.findUniqueOrThrow({ where: { id: ctx.projectId }, select: { labelSchema: true } });
  const types = new Map((project.labelSchema as LabelSchema).spanTypes.filter((t) => !t.retired).map((t) => [t.name.toLowerCase(), t.name]));
  const results: ImportResult[] = [];
  for (let i = 0; i < tasks.length; i++) {
    try {
      results.push(await importTask({ ...ctx, userId: ctx.userId }, name, i + 1, tasks[i]!, types));
    } catch (error) {
      console.error("Label Studio import failed", error);
      results.push({ name, line: i + 1, status: "failed", error: { code: "internal", message: "The task could not be stored; nothing was saved for it." } });
    }
  }
  return results;
}
