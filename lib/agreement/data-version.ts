import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";

// The agreement cache is keyed by a point in the project's audit log instead of a counter row:
// every annotation or assignment change already writes an audit event in its own transaction, so
// a save adds no contended write, and the check is two index probes on audit_events(project_id, id).

/** Audit events that can change agreement: annotator-layer annotations, who is assigned, deletions, merges. */
const RELEVANT_EVENT = Prisma.sql`(
  (action LIKE 'annotation.%' AND COALESCE(after->>'layer', before->>'layer') IS DISTINCT FROM 'gold')
  OR action IN ('assignment.create', 'assignment.delete', 'document.delete', 'entity.merge', 'document.import_native', 'document.import_label_studio')
)`;

/** "N changes since" stops counting here, so a very stale cache costs no more to check than a fresh one. */
export const CHANGES_SINCE_CAP = 10_000;

/** How long a run waits for saves that were in flight when it read the version. */
const SETTLE_TIMEOUT_MS = 5_000;

/**
 * The version a run computes from: the project's latest audit event id. An event id is taken
 * before its transaction commits, so a save still in flight could hold an id below the version
 * and commit after its document was read; the run therefore waits until every transaction that
 * was writing audit events when the version was read has ended (normally milliseconds) before
 * reading documents. Those are the holders of a row-exclusive lock on audit_events, which an
 * INSERT takes before it draws its id and keeps until commit; other transactions (autovacuum, long
 * reads) are not waited for.
 */
export async function readSettledDataVersion(projectId: string): Promise<bigint> {
  const [row] = await prisma().$queryRaw<{ version: bigint | null; writers: string[] }[]>`
    SELECT (SELECT max(id) FROM audit_events WHERE project_id = ${projectId}) AS version,
           ARRAY(SELECT DISTINCT virtualtransaction FROM pg_locks
                 WHERE locktype = 'relation' AND relation = 'audit_events'::regclass AND mode = 'RowExclusiveLock'
                   AND pid <> pg_backend_pid()) AS writers`;
  if (!row) return BigInt(0);
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (row.writers.length > 0 && Date.now() < deadline) {
    const [still] = await prisma().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pg_locks
      WHERE locktype = 'relation' AND relation = 'audit_events'::regclass AND virtualtransaction = ANY(${row.writers}::text[])`;
    if (!still || still.n === BigInt(0)) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return row.version ?? BigInt(0);
}

/** Relevant changes after `version`, counted up to CHANGES_SINCE_CAP. */
export async function countChangesSince(projectId: string, version: bigint): Promise<number> {
  const [row] = await prisma().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (
      SELECT 1 FROM audit_events
      WHERE project_id = ${projectId} AND id > ${version} AND ${RELEVANT_EVENT}
      LIMIT ${CHANGES_SINCE_CAP}
    ) AS changed`;
  return Number(row?.n ?? 0);
}
