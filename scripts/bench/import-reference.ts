// bench:import's raw PostgreSQL reference: COPY of the very document and sentence rows an import
// stored into logged tables with the same columns, defaults and indexes (LIKE … INCLUDING ALL),
// on the same database, warm (one untimed round first), median of 3.
import pg from "pg";
import { copyIn, copyOutToMemory } from "./copy-streams";
import { median } from "./median";

const SENTENCE_COLUMNS = `document_id, index, start, "end", kind, kind_overridden, text, language`;


export type CopyReference = { documents: number; sentences: number; documentsSeconds: number; sentencesSeconds: number; totalSeconds: number };

/** Times COPY of the project's documents and sentences (one transaction per round, as an import commits). */
export async function copyReference(databaseUrl: string, projectIds: string[]): Promise<CopyReference> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = projectIds.map((id) => `'${id.replace(/'/g, "''")}'`).join(",");
    const documentRows = await copyOutToMemory(client, `SELECT * FROM documents WHERE project_id IN (${ids})`);
    const sentenceRows = await copyOutToMemory(
      client,
      `SELECT ${SENTENCE_COLUMNS.split(", ").map((c) => `s.${c}`).join(", ")} FROM sentences s JOIN documents d ON d.id = s.document_id WHERE d.project_id IN (${ids})`,
    );
    await client.query(`DROP TABLE IF EXISTS bench_ref_sentences; DROP TABLE IF EXISTS bench_ref_documents`);
    await client.query(`CREATE TABLE bench_ref_documents (LIKE documents INCLUDING ALL)`);
    await client.query(`CREATE TABLE bench_ref_sentences (LIKE sentences INCLUDING ALL)`);
    const rounds: { documents: number; sentences: number }[] = [];
    for (let round = 0; round < 4; round++) {
      await client.query(`TRUNCATE bench_ref_sentences, bench_ref_documents`);
      await client.query("BEGIN");
      const started = performance.now();
      await copyIn(client, `COPY bench_ref_documents FROM STDIN`, documentRows);
      const documentsDone = performance.now();
      await copyIn(client, `COPY bench_ref_sentences (${SENTENCE_COLUMNS}) FROM STDIN`, sentenceRows);
      await client.query("COMMIT");
      const ended = performance.now();
      if (round > 0) rounds.push({ documents: (documentsDone - started) / 1000, sentences: (ended - documentsDone) / 1000 });
    }
    const counts = await client.query<{ documents: number; sentences: number }>(
      `SELECT (SELECT count(*)::int FROM bench_ref_documents) AS documents, (SELECT count(*)::int FROM bench_ref_sentences) AS sentences`,
    );
    await client.query(`DROP TABLE bench_ref_sentences; DROP TABLE bench_ref_documents`);
    return {
      documents: counts.rows[0]!.documents,
      sentences: counts.rows[0]!.sentences,
      documentsSeconds: median(rounds.map((r) => r.documents)),
      sentencesSeconds: median(rounds.map((r) => r.sentences)),
      totalSeconds: median(rounds.map((r) => r.documents + r.sentences)),
    };
  } finally {
    await client.end();
  }
}
