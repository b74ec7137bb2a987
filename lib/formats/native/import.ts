import "server-only";
import crypto from "node:crypto";
import { auditJson, SENTENCE_TYPE, toAnnotationDto, type AnnotationRow } from "@/lib/annotations/annotation-dto";
import { prisma } from "@/lib/db/prisma";
import { prismaSql } from "@/lib/db/sql";
import { insertImportedAnnotations, insertImportedAuditEvents } from "@/lib/annotations/insert-imported";
import { AppError } from "@/lib/errors";
import { readNativeJsonl } from "./jsonl";
import { ExportError, type ExportDocument, type ExportSpan } from "@/lib/export/types";
import { speakersOf } from "@/lib/export/speakers";
import { Prisma, type EntityType } from "@/lib/generated/prisma/client";
import { normalizedTextHash } from "@/lib/ingest/normalize";
import { importedLinkError, insertImportedRelations } from "@/lib/relations/import-relations";
import type { LabelSchema } from "@/lib/schema/label-schema";
import { codePointLength } from "@/lib/text/code-points";
import { sentenceTexts } from "@/lib/documents/sentence-texts";
import type { ImportResult } from "@/lib/validation/documents";
import { IMPORT_TRANSACTION, importKeyOf, type ImportContext } from "@/lib/documents/import-context";

const ENTITY_TYPES = new Set<EntityType>(["PERSON", "ORGANISATION", "OUTLET", "DOCUMENT", "STATE"]);

/** True when a JSON object is a line of our own native JSONL export (not a plain article). */
export function isNativeRecord(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return v.offset_unit === "codepoint" && typeof v.text_sha256 === "string" && Array.isArray(v.spans) && Array.isArray(v.sentences);
}

/** The first non-blank line of a JSONL text is a native export record. */
export function looksLikeNativeJsonl(text: string): boolean {
  const first = text.replace(/^\uFEFF/u, "").split(/\r?\n/u).find((l) => l.trim() !== "");
  if (!first) return false;
  try {
    return isNativeRecord(JSON.parse(first));
  } catch {
    return false;
  }
}

function spanAttributes(span: ExportSpan): Prisma.InputJsonObject {
  const attributes: Record<string, unknown> = { ...span.attributes };
  if (span.stance.length > 0) attributes.stance = span.stance;
  if (span.cue) attributes.cue = span.cue;
  if (span.speakerMention) attributes.speakerMention = span.speakerMention;
  return attributes as Prisma.InputJsonObject;
}

type Speaker = { id: string; name: string; type: EntityType };

/** `coSpeakers` (this project's entity ids) for a joint statement; nothing for one speaker. */
function coSpeakersOf(span: ExportSpan, speakers: Map<string, Speaker>): { coSpeakers?: string[] } {
  const ids = (span.coSpeakers ?? []).map((c) => speakers.get(c.name)?.id).filter((id): id is string => id !== undefined);
  return ids.length > 0 ? { coSpeakers: ids } : {};
}

async function speakerIds(tx: Prisma.TransactionClient, projectId: string, spans: ExportSpan[]): Promise<Map<string, Speaker>> {
  const byName = new Map<string, Speaker>();
  for (const speaker of spans.flatMap(speakersOf)) {
    if (byName.has(speaker.name)) continue;
    const upper = speaker.type.toUpperCase();
    const type = (ENTITY_TYPES.has(upper as EntityType) ? upper : "PERSON") as EntityType;
    // Speakers are matched by name within the project: the export's entity ids belong to another project.
    const entity = await tx.entity.upsert({
      where: { projectId_name: { projectId, name: speaker.name } },
      create: { projectId, name: speaker.name, type },
      update: {},
      select: { id: true, name: true, type: true },
    });
    byName.set(speaker.name, entity);
  }
  return byName;
}

/**
 * Stores one native record as a signed-off document with its gold layer: the same text, the same
 * sentences (not re-segmented, so every offset holds), gold spans and sentence labels. Annotator
 * layers are left out (their users belong to the exporting instance); annotation ids are new
 * because ids are unique across projects. Everything, audit events included, in one transaction.
 */
async function importNativeDocument(ctx: ImportContext & { userId: string }, doc: ExportDocument, importKey: string | null) {
  const normalizedHash = normalizedTextHash(doc.text);
  const existing = await prisma().document.findUnique({ where: { projectId_normalizedHash: { projectId: ctx.projectId, normalizedHash } }, select: { id: true, title: true, importKey: true, sentenceCount: true } });
  // Stored by this very task before a crash: imported once, not a duplicate.
  if (existing && importKey && existing.importKey === importKey) {
    return { status: "imported" as const, id: existing.id, title: existing.title, sentenceCount: existing.sentenceCount };
  }
  if (existing) return { status: "duplicate" as const, existingId: existing.id, title: existing.title };
  const gold = doc.spans.filter((s) => s.layer === "gold");
  const goldLinks = (doc.relations ?? []).filter((r) => r.layer === "gold");
  if (goldLinks.length > 0) {
    const { labelSchema } = await prisma().project.findUniqueOrThrow({ where: { id: ctx.projectId }, select: { labelSchema: true } });
    const problem = importedLinkError(labelSchema as LabelSchema, goldLinks, new Set(gold.map((s) => s.id)));
    if (problem) throw new AppError("validation_failed", problem);
  }
  return prisma().$transaction(async (tx) => {
    const created = await tx.document.create({
      data: {
        projectId: ctx.projectId,
        title: doc.title,
        text: doc.text,
        textSha256: crypto.createHash("sha256").update(doc.text, "utf8").digest("hex"),
        normalizedHash,
        charCount: codePointLength(doc.text),
        sentenceCount: doc.sentences.length,
        language: doc.language,
        source: doc.source,
        originalSource: doc.originalSource,
        author: doc.author,
        url: doc.url,
        publishedAt: doc.publishedAt ? new Date(doc.publishedAt) : null,
        meta: doc.meta as Prisma.InputJsonObject,
        tags: doc.tags,
        state: "SIGNED_OFF",
        signedOffAt: doc.provenance.signedOffAt ? new Date(doc.provenance.signedOffAt) : new Date(),
        signedOffById: ctx.userId,
        createdById: ctx.userId,
        importKey,
      },
      select: { id: true },
    });
    const s = doc.sentences;
    await tx.$executeRaw`INSERT INTO sentences (document_id, index, start, "end", kind, text, language)
      SELECT ${created.id}, x.index, x.start, x."end", x.kind::"SentenceKind", x.text, ${doc.language}
      FROM unnest(${s.map((x) => x.index)}::int[], ${s.map((x) => x.start)}::int[], ${s.map((x) => x.end)}::int[],
                  ${s.map((x) => (x.kind === "boilerplate" ? "BOILERPLATE" : "CONTENT"))}::text[], ${sentenceTexts(doc.text, s)}::text[])
        AS x(index, start, "end", kind, text)`;
    const speakers = await speakerIds(tx, ctx.projectId, gold);
    const now = new Date();
    const base = { documentId: created.id, layer: "GOLD" as const, authorId: ctx.userId, origin: "import:native", version: 1, createdAt: now, updatedAt: now };
    const newIdOf = new Map(gold.map((span) => [span.id, crypto.randomUUID()]));
    const rows: (AnnotationRow & { speakerId: string | null; attributes: Prisma.InputJsonObject; gaps?: Prisma.InputJsonArray; createdAt: Date })[] = [
      ...gold.map((span) => {
        const speaker = span.speaker ? (speakers.get(span.speaker.name) ?? null) : null;
        return {
          ...base, id: newIdOf.get(span.id)!, type: span.type, start: span.start, end: span.end, ...(span.gaps ? { gaps: span.gaps } : {}), sentenceIndex: null,
          attributes: { ...spanAttributes(span), ...coSpeakersOf(span, speakers) }, speakerId: speaker?.id ?? null, speaker,
        };
      }),
      ...s.filter((x) => x.labels).map((x) => ({
        ...base, id: crypto.randomUUID(), type: SENTENCE_TYPE, start: null, end: null, sentenceIndex: x.index, speakerId: null, speaker: null,
        attributes: { ...x.labels!.choices, ...(x.labels!.checkworthy ? { checkworthy: x.labels!.checkworthy } : {}), ...(x.labels!.stance ? { stance: x.labels!.stance } : {}) },
      })),
    ];
    const sql = prismaSql(tx);
    await insertImportedAnnotations(sql, rows);
    const events = [
      { projectId: ctx.projectId, documentId: created.id, actorId: ctx.userId, action: "document.import_native", after: { sourceId: doc.id, annotations: rows.length } },
      ...rows.map((r) => ({ projectId: ctx.projectId, documentId: created.id, annotationId: r.id, actorId: ctx.userId, action: "annotation.create", after: auditJson(toAnnotationDto(r, doc.text)) })),
    ];
    await insertImportedAuditEvents(sql, events, now);
    const link = { projectId: ctx.projectId, documentId: created.id, actorId: ctx.userId, layer: "GOLD" as const, authorId: ctx.userId, origin: "import:native" };
    await insertImportedRelations(tx, link, goldLinks, newIdOf);
    return { status: "imported" as const, id: created.id, title: doc.title, sentenceCount: s.length };
  }, IMPORT_TRANSACTION);
}

/** A native JSONL file (our own export) → one result per line; bad lines fail on their own. */
export async function importNativeJsonl(ctx: ImportContext, name: string, text: string): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  const lines = text.replace(/^\uFEFF/u, "").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i]!.trim() === "") continue;
    const fail = (code: string, message: string) => results.push({ name, line, status: "failed", error: { code, message } });
    if (!ctx.userId) {
      fail("validation_failed", "Importing annotations needs a signed-in user.");
      continue;
    }
    try {
      const doc = readNativeJsonl(lines[i]!.replace(/\r$/u, ""));
      const outcome = await importNativeDocument({ ...ctx, userId: ctx.userId }, doc, importKeyOf(ctx, line));
      results.push(outcome.status === "imported"
        ? { name, line, status: "imported", id: outcome.id, title: outcome.title, sentenceCount: outcome.sentenceCount }
        : { name, line, status: "duplicate", existingId: outcome.existingId, title: outcome.title });
    } catch (error) {
      if (error instanceof ExportError) fail("validation_failed", error.message);
      else if (error instanceof AppError) fail(error.code, error.message);
      else {
        console.error("native import failed", error);
        fail("internal", "The document could not be stored; nothing was saved for it.");
      }
    }
  }
  return results;
}
