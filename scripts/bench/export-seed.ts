// bench:export set-up: a project of signed-off documents written straight into the database with
// COPY (seeding fixtures; the export is what is measured), a manager and the manager's API token.
import pg from "pg";
import { copyIn } from "./copy-streams";
import { seededRandom } from "./bench-db";

/** Sample sentences (mixed scripts, emoji, a formula to defuse) the seeded documents are made of. */
export const SENTENCES = [
  "Moscow and Beijing signed a new energy agreement on Tuesday.",
  "«Санкции не работают», заявил министр журналистам.",
  "The spokesperson said the partnership is “stronger than ever” 👍.",
  "Critics in Washington called the deal a strategic mistake.",
  "(Translator's note: the quote was shortened.)",
  "Officials did not comment on the figures 🇷🇺🇨🇳.",
  "Экономисты ожидают роста товарооборота на 10%.",
  "=SUM(A1) appeared in a reader comment, which we keep verbatim.",
];
export const LENGTHS = SENTENCES.map((s) => Array.from(s).length);
export const TYPES = ["CLAIM", "QUOTE", "EDITORIAL"];

// COPY text format: backslash, tab, LF and CR must be escaped.
const esc = (s: string) => s.replace(/\\/gu, "\\\\").replace(/\t/gu, "\\t").replace(/\n/gu, "\\n").replace(/\r/gu, "\\r");

type GenDoc = { id: string; text: string; sentences: { start: number; end: number; text: string }[] };

function* generate(documents: number, perDoc: number): Generator<GenDoc> {
  const random = seededRandom(7);
  for (let d = 0; d < documents; d++) {
    const parts: string[] = [];
    const sentences: { start: number; end: number; text: string }[] = [];
    let at = 0;
    for (let s = 0; s < perDoc; s++) {
      const k = Math.floor(random() * SENTENCES.length);
      if (s > 0) {
        const sep = s % 5 === 0 ? "\r\n" : " ";
        parts.push(sep);
        at += sep.length;
      }
      parts.push(SENTENCES[k]!);
      sentences.push({ start: at, end: at + LENGTHS[k]!, text: SENTENCES[k]! });
      at += LENGTHS[k]!;
    }
    yield { id: `doc${String(d).padStart(7, "0")}`, text: parts.join(""), sentences };
  }
}

export type ExportFixture = { projectId: string; token: string; userId: string };

export async function seedSignedOffProject(url: string, documents: number, perDoc: number, annotationsPerDoc: number): Promise<ExportFixture> {
  const { prisma } = await import("../../lib/db/prisma");
  const { createApiToken } = await import("../../lib/auth/api-tokens");
  const { defaultLabelSchema } = await import("../../lib/schema/label-schema");
  const stamp = Date.now().toString(36);
  const user = await prisma().user.create({ data: { email: `bench-export-${stamp}@example.test`, name: "Bench manager", passwordHash: "x" } });
  const project = await prisma().project.create({
    data: { name: `Export bench ${stamp}`, labelSchema: defaultLabelSchema(), settings: {}, memberships: { create: { userId: user.id, roles: ["MANAGER"] } } },
  });
  const speaker = await prisma().entity.create({ data: { projectId: project.id, name: "Sergey Lavrov", type: "PERSON" } });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await copyIn(
      client,
      `COPY documents (id, project_id, title, text, text_sha256, normalized_hash, char_count, sentence_count, language, tags, state, signed_off_at, signed_off_by_id) FROM STDIN`,
      (function* () {
        for (const d of generate(documents, perDoc))
          yield `${d.id}\t${project.id}\tBench ${d.id}\t${esc(d.text)}\t-\t${d.id}\t${Array.from(d.text).length}\t${perDoc}\tru\t{bench}\tSIGNED_OFF\t2025-01-01 00:00:00\t${user.id}\n`;
      })(),
    );
    await copyIn(
      client,
      `COPY sentences (document_id, index, start, "end", kind, text, language) FROM STDIN`,
      (function* () {
        for (const d of generate(documents, perDoc)) yield d.sentences.map((s, i) => `${d.id}\t${i}\t${s.start}\t${s.end}\tCONTENT\t${esc(s.text)}\tru\n`).join("");
      })(),
    );
    await copyIn(
      client,
      `COPY annotations (id, document_id, layer, author_id, type, start, "end", sentence_index, attributes, speaker_id, updated_at) FROM STDIN`,
      (function* () {
        for (const d of generate(documents, perDoc)) {
          const rows: string[] = [];
          for (let k = 0; k < annotationsPerDoc; k++) {
            const s = d.sentences[(k * 5) % perDoc]!;
            const type = TYPES[k % 3]!;
            const attributes =
              type === "QUOTE"
                ? { form: "direct", stance: [{ target: "Ukraine", value: (k % 5) - 2 }], cue: { start: s.start, end: s.start + 3 } }
                : type === "CLAIM"
                  ? { checkworthy: k % 2 ? "yes" : "no", stance: [{ target: "Russia–China partnership", value: 1 }] }
                  : { kind: "translation-note" };
            rows.push(`${d.id}-a${k}\t${d.id}\tGOLD\t${user.id}\t${type}\t${s.start}\t${s.end}\t\\N\t${esc(JSON.stringify(attributes))}\t${type === "QUOTE" ? speaker.id : "\\N"}\tnow\n`);
          }
          yield rows.join("");
        }
      })(),
    );
    await client.query("ANALYZE documents; ANALYZE sentences; ANALYZE annotations");
  } finally {
    await client.end();
  }
  const { token } = await createApiToken(user.id, "bench");
  return { projectId: project.id, token, userId: user.id };
}

/**
 * The raw PostgreSQL reference: the same rows the export reads (the documents with their text,
 * every sentence, every annotation with its speaker), joined in one statement.
 */
export function joinedReferenceQuery(projectId: string): string {
  return `SELECT d.id, d.title, d.text, d.language, d.source, d.original_source, d.author, d.url, d.published_at, d.meta, d.tags,
            d.signed_off_at, d.signed_off_by_id,
            (SELECT string_agg(s.index || ',' || s.start || ',' || s."end" || ',' || s.kind::text, ';' ORDER BY s.index) FROM sentences s WHERE s.document_id = d.id) AS sentences,
            (SELECT json_agg(json_build_object('id', a.id, 'layer', a.layer, 'type', a.type, 'start', a.start, 'end', a."end", 'attributes', a.attributes,
                                               'speaker', e.name, 'speaker_type', e.type) ORDER BY a.id)
             FROM annotations a LEFT JOIN entities e ON e.id = a.speaker_id WHERE a.document_id = d.id) AS annotations
          FROM documents d WHERE d.project_id = '${projectId}' AND d.state = 'SIGNED_OFF' ORDER BY d.id`;
}

/** The same rows as three plain COPYs (no aggregation), for comparison. */
export function plainReferenceQueries(projectId: string): string[] {
  const where = `project_id = '${projectId}'`;
  return [
    `SELECT id, title, text, language, source, original_source, author, url, published_at, meta, tags, signed_off_at, signed_off_by_id FROM documents WHERE ${where} ORDER BY id`,
    `SELECT s.document_id, s.index, s.start, s."end", s.kind FROM sentences s JOIN documents d ON d.id = s.document_id WHERE d.${where} ORDER BY s.document_id, s.index`,
    `SELECT a.id, a.document_id, a.layer, a.author_id, a.type, a.start, a."end", a.sentence_index, a.attributes, e.name, e.type FROM annotations a JOIN documents d ON d.id = a.document_id LEFT JOIN entities e ON e.id = a.speaker_id WHERE d.${where} ORDER BY a.document_id, a.id`,
  ];
}
