// bench:saves checks and reference: every acknowledged save is in the database exactly once (row
// at the acknowledged version or later, one create audit, one update audit per version step), and
// a raw PostgreSQL reference: the same INSERT + audit row in one transaction via plain `pg`, at the
// same concurrency, on the same database.
import crypto from "node:crypto";
import pg from "pg";
import type { PhaseResult, SaveLedger } from "./saves-load";
import type { BenchAnnotator } from "./saves-team";

export type Verification = { checked: number; lost: string[]; duplicated: string[] };

export async function verifySaves(databaseUrl: string, ledger: SaveLedger): Promise<Verification> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = [...ledger.acked.keys()];
    const { rows } = await client.query<{ id: string; version: number; rows: string; creates: string; updates: string }>(
      `SELECT a.id, a.version, count(*) OVER (PARTITION BY a.id) AS rows,
         (SELECT count(*) FROM audit_events e WHERE e.annotation_id = a.id AND e.action = 'annotation.create') AS creates,
         (SELECT count(*) FROM audit_events e WHERE e.annotation_id = a.id AND e.action = 'annotation.update') AS updates
       FROM annotations a WHERE a.id = ANY($1::text[])`,
      [ids],
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    const lost: string[] = [];
    const duplicated: string[] = [];
    for (const [id, acked] of ledger.acked) {
      const row = found.get(id);
      // A later save that failed on the wire may still have committed (uncertain): version ≥ acked.
      const exact = !ledger.uncertain.has(id);
      if (!row || row.version < acked.version || (exact && row.version !== acked.version)) lost.push(id);
      else if (Number(row.rows) !== 1 || Number(row.creates) !== 1 || Number(row.updates) !== row.version - 1) duplicated.push(id);
    }
    return { checked: ids.length, lost, duplicated };
  } finally {
    await client.end();
  }
}

/** Back-to-back INSERT + audit transactions from `annotators.length` workers on a pool of `poolSize`. */
export async function rawReference(databaseUrl: string, annotators: BenchAnnotator[], seconds: number, poolSize: number): Promise<PhaseResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const result: PhaseResult = { latencies: [], errors: 0, errorSamples: [], seconds };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    annotators.map(async (a) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const client = await pool.connect();
        try {
          const id = crypto.randomUUID();
          const attributes = JSON.stringify({ checkworthy: "yes", stance: [{ target: "Ukraine", value: 1 }] });
          await client.query("BEGIN");
          await client.query(
            `INSERT INTO annotations (id, document_id, layer, author_id, assignment_id, type, start, "end", attributes, origin, updated_at)
             VALUES ($1, $2, 'ANNOTATOR', $3, $4, 'CLAIM', 0, 10, $5::jsonb, 'bench-raw', now())`,
            [id, a.documentId, a.userId, a.assignmentId, attributes],
          );
          await client.query(
            `INSERT INTO audit_events (project_id, document_id, annotation_id, actor_id, action, after)
             SELECT d.project_id, d.id, $1, $3, 'annotation.create', $4::jsonb FROM documents d WHERE d.id = $2`,
            [id, a.documentId, a.userId, attributes],
          );
          await client.query("COMMIT");
          result.latencies.push(performance.now() - t0);
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          result.errors++;
          if (result.errorSamples.length < 5) result.errorSamples.push((error as Error).message);
        } finally {
          client.release();
        }
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  await pool.end();
  return result;
}
