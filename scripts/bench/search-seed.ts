// bench:search set-up: a project of signed-off documents, their sentences (with text and
// language, as imports store them) and gold annotations, written with COPY. Words come from the
// test corpus (English and Russian), drawn with a Zipf-like skew so queries range from rare to
// common. The two search indexes are dropped for the load and rebuilt after it, as any bulk load
// of a million rows would do; the figures measured afterwards are those of the indexed table.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { root } from "./app-server";
import { seededRandom } from "./bench-db";
import { copyIn } from "./copy-streams";

const esc = (s: string) => s.replace(/\\/gu, "\\\\").replace(/\t/gu, "\\t").replace(/\n/gu, "\\n").replace(/\r/gu, "\\r");

export const OUTLETS = ["TASS", "RIA Novosti", "Reuters", "InoSMI", "Global Times", "Kommersant", "RT", "Xinhua", "Izvestia", "BBC"];
const TARGETS = ["Russia–China partnership", "United States / the West", "Ukraine"];
const FORMS = ["direct", "indirect", "mixed"];
const EDITORIAL_KINDS = ["translation-note", "editor-aside", "legal-footnote", "disclaimer", "republisher-lead"];
const SPEAKERS = 200;

/** Distinct words of the test corpus, by language, in order of frequency (most frequent first). */
export function vocabulary(): { en: string[]; ru: string[] } {
  const dir = path.join(root, "tests", "fixtures", "suggestion-corpus");
  const counts = { en: new Map<string, number>(), ru: new Map<string, number>() };
  for (const sub of ["dev", "test"]) {
    for (const file of fs.readdirSync(path.join(dir, sub))) {
      const language = file.endsWith(".ru.txt") ? "ru" : "en";
      const text = fs.readFileSync(path.join(dir, sub, file), "utf8").replace(/\{\{[^|]*\|/gu, "").replace(/[}¦]/gu, "");
      for (const word of text.match(/\p{L}{2,}/gu) ?? []) counts[language].set(word, (counts[language].get(word) ?? 0) + 1);
    }
  }
  const ranked = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  return { en: ranked(counts.en), ru: ranked(counts.ru) };
}

export type SearchCorpusSize = { documents: number; sentences: number; annotations: number };
export type SearchFixture = { projectId: string; token: string; speakerId: string; vocabulary: { en: string[]; ru: string[] } };

type GenDoc = { id: string; language: "en" | "ru"; text: string; sentences: { start: number; end: number; text: string }[] };

function* generate(size: SearchCorpusSize, vocab: { en: string[]; ru: string[] }): Generator<GenDoc> {
  const random = seededRandom(16);
  // Zipf-like: the rank is the square of a uniform draw, so low ranks (frequent words) dominate.
  const word = (pool: string[]) => pool[Math.floor(random() ** 2 * pool.length)]!;
  for (let d = 0; d < size.documents; d++) {
    const language = d % 4 === 3 ? "ru" : "en";
    const pool = vocab[language];
    const sentences: GenDoc["sentences"] = [];
    const parts: string[] = [];
    let at = 0;
    for (let s = 0; s < size.sentences; s++) {
      const words = Array.from({ length: 8 + Math.floor(random() * 10) }, () => word(pool));
      words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
      const sentence = `${words.join(" ")}.`;
      if (s > 0) {
        const sep = s % 5 === 0 ? "\n\n" : " ";
        parts.push(sep);
        at += sep.length;
      }
      const length = Array.from(sentence).length;
      sentences.push({ start: at, end: at + length, text: sentence });
      parts.push(sentence);
      at += length;
    }
    yield { id: `sdoc${String(d).padStart(7, "0")}`, language, text: parts.join(""), sentences };
  }
}

function annotationRow(doc: GenDoc, k: number, perDoc: number, userId: string, speakerIds: string[], random: () => number): string {
  const s = doc.sentences[Math.floor((k * doc.sentences.length) / perDoc)]!;
  const type = k % 5 < 2 ? "QUOTE" : k % 5 < 4 ? "CLAIM" : "EDITORIAL";
  const value = Math.floor(random() * 5) - 2;
  const target = TARGETS[Math.floor(random() * TARGETS.length)]!;
  const attributes =
    type === "QUOTE"
      ? { form: FORMS[k % 3], stance: [{ target, value }] }
      : type === "CLAIM"
        ? { checkworthy: random() < 0.4 ? "yes" : "no", stance: [{ target, value }] }
        : { kind: EDITORIAL_KINDS[k % EDITORIAL_KINDS.length] };
  const speaker = type === "QUOTE" ? speakerIds[Math.floor(random() ** 2 * speakerIds.length)]! : "\\N";
  return `${doc.id}-a${k}\t${doc.id}\tGOLD\t${userId}\t${type}\t${s.start}\t${s.end}\t\\N\t${esc(JSON.stringify(attributes))}\t${speaker}\tnow\n`;
}

/** A corpus an earlier run seeded into the same database (`--reuse` with DATABASE_URL set), if any. */
export async function findSearchCorpus(): Promise<SearchFixture | null> {
  const { prisma } = await import("../../lib/db/prisma");
  const { createApiToken } = await import("../../lib/auth/api-tokens");
  const project = await prisma().project.findFirst({ where: { name: { startsWith: "Search bench" } }, orderBy: { createdAt: "desc" }, select: { id: true, memberships: { select: { userId: true } } } });
  const speaker = project && (await prisma().entity.findFirst({ where: { projectId: project.id, id: { endsWith: "-sp0" } }, select: { id: true } }));
  if (!project || !speaker) return null;
  const { token } = await createApiToken(project.memberships[0]!.userId, "bench");
  return { projectId: project.id, token, speakerId: speaker.id, vocabulary: vocabulary() };
}

export async function seedSearchCorpus(url: string, size: SearchCorpusSize, log: (line: string) => void): Promise<SearchFixture> {
  const { prisma } = await import("../../lib/db/prisma");
  const { createApiToken } = await import("../../lib/auth/api-tokens");
  const { defaultLabelSchema } = await import("../../lib/schema/label-schema");
  const vocab = vocabulary();
  const stamp = Date.now().toString(36);
  const user = await prisma().user.create({ data: { email: `bench-search-${stamp}@example.test`, name: "Bench manager", passwordHash: "x" } });
  const project = await prisma().project.create({
    data: { name: `Search bench ${stamp}`, labelSchema: defaultLabelSchema(), settings: {}, memberships: { create: { userId: user.id, roles: ["MANAGER"] } } },
  });
  await prisma().entity.createMany({
    data: Array.from({ length: SPEAKERS }, (_, i) => ({ id: `${stamp}-sp${i}`, projectId: project.id, name: `Speaker ${i} ${vocab.en[i] ?? ""}`.trim(), type: "PERSON" as const })),
  });
  const speakerIds = Array.from({ length: SPEAKERS }, (_, i) => `${stamp}-sp${i}`);
  const perDoc = Math.max(1, Math.round(size.annotations / size.documents));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP INDEX IF EXISTS sentences_tsv_idx; DROP INDEX IF EXISTS sentences_text_trgm_idx`);
    let started = performance.now();
    const month = (d: number) => `20${24 + Math.floor((d % 24) / 12)}-${String((d % 12) + 1).padStart(2, "0")}-${String((d % 27) + 1).padStart(2, "0")}`;
    await copyIn(
      client,
      `COPY documents (id, project_id, title, text, text_sha256, normalized_hash, char_count, sentence_count, language, source, published_at, state, signed_off_at, signed_off_by_id) FROM STDIN`,
      (function* () {
        for (const d of generate(size, vocab)) {
          const n = Number(d.id.slice(4));
          yield `${d.id}\t${project.id}\tBench ${d.id}\t${esc(d.text)}\t-\t${stamp}-${d.id}\t${Array.from(d.text).length}\t${d.sentences.length}\t${d.language}\t${OUTLETS[n % OUTLETS.length]}\t${month(n)}\tSIGNED_OFF\t2026-01-01 00:00:00\t${user.id}\n`;
        }
      })(),
    );
    await copyIn(
      client,
      `COPY sentences (document_id, index, start, "end", kind, text, language) FROM STDIN`,
      (function* () {
        for (const d of generate(size, vocab)) yield d.sentences.map((s, i) => `${d.id}\t${i}\t${s.start}\t${s.end}\tCONTENT\t${esc(s.text)}\t${d.language}\n`).join("");
      })(),
    );
    const random = seededRandom(61);
    await copyIn(
      client,
      `COPY annotations (id, document_id, layer, author_id, type, start, "end", sentence_index, attributes, speaker_id, updated_at) FROM STDIN`,
      (function* () {
        for (const d of generate(size, vocab)) yield Array.from({ length: perDoc }, (_, k) => annotationRow(d, k, perDoc, user.id, speakerIds, random)).join("");
      })(),
    );
    log(`  loaded with COPY in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query(`CREATE INDEX sentences_tsv_idx ON sentences USING GIN (tsv)`);
    await client.query(`CREATE INDEX sentences_text_trgm_idx ON sentences USING GIN (text gin_trgm_ops)`);
    // VACUUM as autovacuum would after a bulk load: it sets hint bits and the visibility map, so
    // the first timed requests do not pay for writing them.
    for (const table of ["documents", "sentences", "annotations", "entities"]) await client.query(`VACUUM (ANALYZE) ${table}`);
    log(`  search indexes built, tables vacuumed and analysed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
  const { token } = await createApiToken(user.id, "bench");
  return { projectId: project.id, token, speakerId: speakerIds[0]!, vocabulary: vocab };
}
