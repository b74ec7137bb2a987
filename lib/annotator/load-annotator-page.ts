import "server-only";
import { labelSchemaOf } from "@/lib/schema/label-schema-of";
import { randomUUID } from "node:crypto";
import { can } from "@/lib/auth/permissions";
import { requireDocumentPermission, requireProjectPermission } from "@/lib/auth/project-access";
import { AppError } from "@/lib/errors";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { toAnnotationDto, type AnnotationDto } from "@/lib/annotations/annotation-dto";
import { annotationRowOf, annotatorPageRows } from "./annotator-page-rows";
import { layerRows, layerWhere } from "@/lib/annotations/list-annotations";
import { activeStanceTargets, type LabelSchema } from "@/lib/schema/label-schema";
import type { Row } from "./text-rows";

/** What the annotator works with once the page has its text (see AnnotatorShell). */
export type AnnotatorPageData = Omit<AnnotatorShell, "document" | "boilerplate" | "annotations" | "layerOwner"> & {
  document: AnnotatorShell["document"] & { text: string };
  /** One row per sentence, built once when the text arrives (see text-rows). */
  sentences: Row[];
  /** The layer as the API lists it, less the last change's time (not carried by the page). */
  annotations: (Omit<AnnotationDto, "updatedAt"> & { updatedAt?: string })[];
};

/** A layer's annotation as the page carries it: what every row of the layer shares is said once (`layerOwner`). */
export type ShellAnnotation = Omit<AnnotationDto, "documentId" | "layer" | "authorId" | "text" | "updatedAt"> & { authorId?: string };

/**
 * The annotator page's first render. The text and sentence boundaries are not in it: they never
 * change, so the page fetches them from an immutable URL (`textUrl`, preloaded with the page and
 * cached by the browser), and a document opened again transfers only what can change.
 */
export type AnnotatorShell = {
  document: { id: string; projectId: string; title: string; state: string; textSha256: string; sentenceCount: number };
  /** GET /api/v1/documents/{id}/text?v={sha256}. */
  textUrl: string;
  /** Indexes of the sentences marked boilerplate (the one sentence property that can change). */
  boilerplate: number[];
  schema: LabelSchema;
  stanceTargets: string[];
  entities: { id: string; name: string; aliases: string[]; type: string }[];
  assignment: { id: string; state: "ASSIGNED" | "IN_PROGRESS" | "SUBMITTED" } | null;
  /** Why the caller's layer is read-only, or null when they may write. */
  readOnlyReason: string | null;
  canCreateEntities: boolean;
  /** Layers the caller may open: their own, and for reviewers/managers gold and each annotator's. */
  layers: { value: string; label: string }[];
  /** The layer shown: the requested one if the caller may open it, else their own. */
  layer: string;
  /** The shown layer's kind and, when one person wrote it, its author: shared by every row below. */
  layerOwner: { layer: AnnotationDto["layer"]; authorId: string | null };
  /**
   * That layer's annotations, in the first response so the page needs no second request. Spans
   * come without their covered text (the client slices it from the text).
   */
  annotations: ShellAnnotation[];
  /** Unique per server render: lets the client tell a fresh page from a replayed cached one. */
  renderId: string;
};

/**
 * Everything the annotator page needs for one document. Any member may open it (non-members get
 * 404); only an annotator with an open assignment on a document that is not signed off may write.
 */
export async function loadAnnotatorPage(user: AuthenticatedUser, documentId: string, requestedLayer?: string, inProject?: string): Promise<AnnotatorShell> {
  // Given the project from the URL, its access check (shared with the project layout) runs alongside
  // the reads below, and the document must belong to that project; nothing is returned unless both hold.
  const accessPromise = inProject
    ? requireProjectPermission(user, inProject, "documents.view")
    : requireDocumentPermission(user, documentId, "documents.view");
  // The caller's own layer (the usual case) is read alongside the document; any other layer
  // waits until the layers they may open are known.
  const wantsOwn = !requestedLayer || requestedLayer === "mine";
  // One statement for the rest, alongside the access check; nothing is returned unless both hold.
  // The caller's own layer needs no role beyond viewing, which the check settles.
  const [access, document] = await Promise.all([accessPromise, annotatorPageRows(documentId, wantsOwn ? user.id : null)]);
  if (!document || document.projectId !== access.projectId) throw new AppError("not_found", "Document not found.");
  const { assignments, entities } = document;
  const ownLayer = document.layer?.map((row) => toAnnotationDto(annotationRowOf(row))) ?? null;
  const schema = labelSchemaOf(document.labelSchema);
  const own = assignments.find((a) => a.userId === user.id);
  const assignment = own ? { id: own.id, state: own.state } : null;
  const mayReview = access.permissions.includes("review.act") || access.permissions.includes("assignments.manage");
  const layers = [
    { value: "mine", label: "My layer" },
    ...(mayReview
      ? [
          { value: "gold", label: "Gold layer" },
          ...assignments.filter((a) => a.userId !== user.id).map((a) => ({ value: `user:${a.userId}`, label: `${a.name} (${a.state.toLowerCase().replaceAll("_", " ")})` })),
        ]
      : []),
  ];
  const layer = layers.some((l) => l.value === requestedLayer) ? requestedLayer! : "mine";
  const annotations = layer === "mine" && ownLayer ? ownLayer : await layerRows(layerWhere(user, access, documentId, layer));
  const mayWrite = can(access.roles, "annotations.write");
  let readOnlyReason: string | null = null;
  if (!mayWrite) readOnlyReason = "You are not an annotator in this project, so this layer is read-only.";
  else if (!assignment) readOnlyReason = "This document is not assigned to you, so you cannot annotate it. Ask a project manager to assign it.";
  else if (assignment.state === "SUBMITTED") readOnlyReason = "You submitted this document; it is read-only until a reviewer returns it.";
  else if (document.state === "SIGNED_OFF") readOnlyReason = "This document is signed off; annotations are frozen.";
  return {
    document: { id: document.id, projectId: document.projectId, title: document.title, state: document.state, textSha256: document.textSha256, sentenceCount: document.sentenceCount },
    textUrl: `/api/v1/documents/${document.id}/text?v=${document.textSha256}`,
    boilerplate: document.boilerplate,
    schema,
    stanceTargets: activeStanceTargets(schema),
    entities: entities.map((e) => ({ ...e, type: e.type.toLowerCase() })),
    assignment,
    readOnlyReason,
    canCreateEntities: access.permissions.includes("entities.create"),
    layers,
    layer,
    ...slimLayer(annotations),
    renderId: randomUUID(),
  };
}

/** Drops what the client knows already or rebuilds (the document, covered text, last change) and says the layer and author once. */
function slimLayer(annotations: AnnotationDto[]): Pick<AnnotatorShell, "layerOwner" | "annotations"> {
  const first = annotations[0];
  const authorId = first && annotations.every((a) => a.authorId === first.authorId) ? first.authorId : null;
  const layerOwner = { layer: first?.layer ?? "annotator", authorId };
  const slim = annotations.map(({ documentId: _d, layer: _l, authorId: author, text: _t, updatedAt: _u, ...rest }) => (authorId === null ? { ...rest, authorId: author } : rest));
  return { layerOwner, annotations: slim };
}
