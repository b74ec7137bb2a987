import "server-only";
import { labelSchemaOf } from "@/lib/schema/label-schema-of";
import crypto from "node:crypto";
import { auditJson, SENTENCE_TYPE, toAnnotationDto } from "@/lib/annotations/annotation-dto";
import { prisma } from "@/lib/db/prisma";
import { prismaSql } from "@/lib/db/sql";
import { insertImportedAnnotations, insertImportedAuditEvents } from "@/lib/annotations/insert-imported";
import { resolveSpeakers } from "@/lib/entities/resolve-speakers";
import { readLabelStudioTasks, type ImportedArticle } from "./reader";
import { ExportError } from "@/lib/export/types";
import { importedLinkError, insertImportedRelations } from "@/lib/relations/import-relations";
import type { LabelSchema } from "@/lib/schema/label-schema";
import { codePointLength } from "@/lib/text/code-points";
import type { ImportResult } from "@/lib/validation/documents";
import { importArticle } from "@/lib/documents/import-article";
import { IMPORT_TRANSACTION, importKeyOf, type ImportContext } from "@/lib/documents/import-context";
import { checkImportedLayer, type CheckedLayer } from "./check";

/** A parsed .json upload is a Label Studio export: tasks with `data.text` and `annotations`. */
export function isLabelStudioExport(value: unknown): boolean {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "object" || first === null) return false;
  const task = first as Record<string, unknown>;
  const data = task.data as Record<string, unknown> | undefined;
  return typeof data?.text === "string" && (Array.isArray(task.annotations) || Array.isArray(task.completions));
}

type Layer = { layer: "GOLD" | "ANNOTATOR"; authorId: string; checked: CheckedLayer };
type Project = { schema: LabelSchema; members: Map<string, string>; memberIds: Set<string> };
const failed = (name: string, line: number, message: string): ImportResult => ({ name, line, status: "failed", error: { code: "validation_failed", message } });

class SentenceMismatch extends Error {}

/**
 * The layers of one task, checked against the schema before anything is stored: the ground
 * truth (else the first annotation) is the gold layer; every other annotation becomes the
 * submitted layer of the project member whose email the annotation names (`completed_by.email`
 * or `created_username`) or, in our own exports, whose layer it was (`annotator:{userId}`, when
 * that user is a member here), else of the importing user — two annotations for one person
 * refuse the task, as a person has one layer per document.
 */
function layersOf(task: ImportedArticle, project: Project, userId: string): Layer[] | string {
  const chosen = task.annotations.find((a) => a.groundTruth) ?? task.annotations[0] ?? null;
  const textLength = codePointLength(task.text);
  const layers: Layer[] = [];
  const errors: string[] = [];
  for (const a of task.annotations) {
    const ownLayerUser = a.layer?.startsWith("annotator:") ? a.layer.slice("annotator:".length) : null;
    const member = (a.annotatorEmail && project.members.get(a.annotatorEmail)) || (ownLayerUser && project.memberIds.has(ownLayerUser) ? ownLayerUser : null);
    const authorId = a === chosen ? userId : (member ?? userId);
    const layer = a === chosen ? "GOLD" : "ANNOTATOR";
    if (layer === "ANNOTATOR" && layers.some((l) => l.layer === "ANNOTATOR" && l.authorId === authorId)) {
      return `Two annotations belong to the same annotator${a.annotatorEmail ? ` (${a.annotatorEmail})` : " (the importing user: they name no project member)"}; each person has one layer per document.`;
    }
    const checked = checkImportedLayer(project.schema, a, textLength);
    errors.push(...checked.errors.map((e) => `annotation ${a.id ?? task.annotations.indexOf(a) + 1}: ${e}`));
    layers.push({ layer, authorId, checked });
  }
  if (errors.length > 0) return errors.slice(0, 5).join("; ") + (errors.length > 5 ? `; and ${errors.length - 5} more` : "");
  return layers;
}

/**
 * Imports one Label Studio task: the text through the normal article import (segmented here),
 * then its layers with every attribute. A ground-truth layer signs the document off, as our own
 * exports mark gold that way; without one it goes to review. Sentence regions must cover
 * exactly one sentence of the segmented text.
 */
async function importTask(ctx: ImportContext & { userId: string }, name: string, line: number, task: ImportedArticle, project: Project): Promise<ImportResult> {
  const layers = layersOf(task, project, ctx.userId);
  if (typeof layers === "string") return failed(name, line, layers);
  // layers[i] is task.annotations[i], and (all checks passed) its checked spans are the annotation's spans in order.
  for (const a of task.annotations) {
    const problem = importedLinkError(project.schema, a.relations, new Set(a.spans.map((s) => s.id)));
    if (problem) return failed(name, line, `annotation ${a.id ?? task.annotations.indexOf(a) + 1}: ${problem}`);
  }
  const outcome = await importArticle({
    projectId: ctx.projectId,
    createdById: ctx.userId,
    importKey: importKeyOf(ctx, line),
    article: { text: task.text, ...(task.title ? { title: task.title } : {}), meta: { label_studio_task: task.taskId, ...(task.docId ? { source_doc_id: task.docId } : {}) } },
  });
  if (outcome.status === "duplicate") return { name, line, status: "duplicate", existingId: outcome.existingId, title: outcome.title };
  const documentId = outcome.id;
  // Stored by this task before a crash, with its layers (all are written before the result).
  if (outcome.resumed) return { name, line, status: "imported", id: documentId, title: outcome.title, sentenceCount: outcome.sentenceCount };
  try {
    await prisma().$transaction(async (tx) => {
      const sql = prismaSql(tx);
      const now = new Date();
      const sentences = await tx.sentence.findMany({ where: { documentId }, select: { index: true, start: true, end: true } });
      const sentenceAt = new Map(sentences.map((s) => [`${s.start}:${s.end}`, s.index]));
      const groundTruth = task.annotations.some((a) => a.groundTruth);
      const rows = [];
      const links: { layer: Layer; links: ImportedArticle["annotations"][number]["relations"]; newIdOf: Map<string, string> }[] = [];
      for (const [i, l] of layers.entries()) {
        const source = task.annotations[i]!;
        const newIdOf = new Map(source.spans.map((s) => [s.id, crypto.randomUUID()]));
        const spanIds = source.spans.map((s) => newIdOf.get(s.id)!);
        links.push({ layer: l, links: source.relations, newIdOf });
        let assignmentId: string | null = null;
        if (l.layer === "ANNOTATOR") {
          const a = await tx.assignment.create({ data: { documentId, userId: l.authorId, role: "ANNOTATOR", state: "SUBMITTED", submittedAt: now }, select: { id: true } });
          assignmentId = a.id;
        }
        const base = { documentId, layer: l.layer, authorId: l.authorId, assignmentId, origin: "import:label-studio", version: 1, createdAt: now, updatedAt: now };
        for (const [j, s] of l.checked.spans.entries()) {
          const { attributes, speakerId } = await resolveSpeakers(sql, ctx.projectId, s.speakers, s.attributes);
          rows.push({ ...base, id: spanIds[j]!, type: s.type, start: s.start, end: s.end, ...(s.gaps ? { gaps: s.gaps } : {}), sentenceIndex: null, attributes, speakerId });
        }
        for (const s of l.checked.sentences) {
          const index = sentenceAt.get(`${s.start}:${s.end}`);
          if (index === undefined) throw new SentenceMismatch(`The sentence region [${s.start}, ${s.end}) is not a sentence of the imported text.`);
          rows.push({ ...base, id: crypto.randomUUID(), type: SENTENCE_TYPE, start: null, end: null, sentenceIndex: index, attributes: s.attributes, speakerId: null });
        }
      }
      await insertImportedAnnotations(sql, rows);
      for (const l of links) {
        const link = { projectId: ctx.projectId, documentId, actorId: ctx.userId, layer: l.layer.layer, authorId: l.layer.authorId, origin: "import:label-studio" };
        await insertImportedRelations(tx, link, l.links, l.newIdOf);
      }
      const speakers = new Map((await tx.entity.findMany({ where: { id: { in: rows.flatMap((r) => (r.speakerId ? [r.speakerId] : [])) } }, select: { id: true, name: true, type: true } })).map((e) => [e.id, e]));
      const state = groundTruth ? "SIGNED_OFF" : "IN_REVIEW";
      await tx.document.update({ where: { id: documentId }, data: { state, ...(state === "SIGNED_OFF" ? { signedOffAt: now, signedOffById: ctx.userId } : {}) } });
      const events = [
        { projectId: ctx.projectId, documentId, actorId: ctx.userId, action: "document.import_label_studio", after: { task: task.taskId, annotations: rows.length, layers: layers.length, state } },
        ...rows.map((r) => ({
          projectId: ctx.projectId, documentId, annotationId: r.id, actorId: ctx.userId, action: "annotation.create",
          after: auditJson(toAnnotationDto({ ...r, speaker: r.speakerId ? (speakers.get(r.speakerId) ?? null) : null }, task.text)),
        })),
      ];
      await insertImportedAuditEvents(sql, events, now);
    }, IMPORT_TRANSACTION);
  } catch (error) {
    // Keep the document and its annotations together: without its layers it is removed again.
    await prisma().document.delete({ where: { id: documentId } });
    if (error instanceof SentenceMismatch) return failed(name, line, error.message);
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
  const found = await prisma().project.findUniqueOrThrow({
    where: { id: ctx.projectId },
    select: { labelSchema: true, memberships: { select: { userId: true, user: { select: { email: true } } } } },
  });
  const project: Project = {
    schema: labelSchemaOf(found.labelSchema),
    members: new Map(found.memberships.map((m) => [m.user.email.toLowerCase(), m.userId])),
    memberIds: new Set(found.memberships.map((m) => m.userId)),
  };
  const results: ImportResult[] = [];
  for (let i = 0; i < tasks.length; i++) {
    try {
      results.push(await importTask({ ...ctx, userId: ctx.userId }, name, i + 1, tasks[i]!, project));
    } catch (error) {
      console.error("Label Studio import failed", error);
      results.push({ name, line: i + 1, status: "failed", error: { code: "internal", message: "The task could not be stored; nothing was saved for it." } });
    }
  }
  return results;
}
