import "server-only";
import { requireDocumentPermission } from "@/lib/auth/project-access";
import type { AuthenticatedUser } from "@/lib/auth/verify-credentials";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { auditEventSelect, toAuditEventDtos, type AuditEventDto } from "./audit-event-dto";
import { EVENT_GROUPS, type EventGroup } from "./event-groups";
import { blindAuditFilter, seesAllAnnotations } from "./blind-annotation-filter";

/**
 * The document's audit trail, newest first; `before` is an event id from the previous page,
 * `group` keeps one kind of event (see event-groups.ts).
 */
export async function getDocumentHistory(
  user: AuthenticatedUser,
  documentId: string,
  options: { limit?: number; before?: string | null; group?: EventGroup | null } = {},
): Promise<{ events: AuditEventDto[]; nextBefore: string | null }> {
  const access = await requireDocumentPermission(user, documentId, "documents.view");
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
  let before: bigint | null = null;
  if (options.before) {
    if (!/^\d{1,19}$/.test(options.before)) throw new AppError("validation_failed", "before must be an event id from a previous page.");
    before = BigInt(options.before);
  }
  const rows = await prisma().auditEvent.findMany({
    where: {
      documentId,
      ...(before !== null ? { id: { lt: before } } : {}),
      ...(options.group ? { AND: [{ OR: EVENT_GROUPS[options.group].map((prefix) => ({ action: { startsWith: prefix } })) }] } : {}),
      ...(seesAllAnnotations(access.permissions) ? {} : blindAuditFilter(user.id)),
    },
    // Ids grow with time and break ties inside one transaction.
    orderBy: { id: "desc" },
    take: limit + 1,
    select: auditEventSelect,
  });
  const page = rows.slice(0, limit);
  return { events: await toAuditEventDtos(page), nextBefore: rows.length > limit ? page[page.length - 1]!.id.toString() : null };
}
