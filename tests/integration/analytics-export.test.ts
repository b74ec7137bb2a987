import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as analyticsRoute from "@/app/api/v1/projects/[projectId]/analytics/[view]/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createDatasetVersion } from "@/lib/datasets/create-dataset";
import { datasetFileResponse } from "@/lib/datasets/download";
import { closePgPools } from "@/lib/db/pg-pool";
import { prisma } from "@/lib/db/prisma";
import { importArticle } from "@/lib/documents/import-article";
import "@/lib/datasets/build-task";
import { addAnnotation, cp, signOff } from "./dataset-fixtures";
import { makeTeam } from "./factories";

// The analytics figures must equal what a researcher computes from the native JSONL export. This
// builds a dataset version of a fixture project, recomputes every view from native.jsonl alone
// (its own arithmetic, not the app's), and compares every number with the API (state=SIGNED_OFF:
// the export holds the signed-off documents).

process.env.STANCEBENCH_JOBS = "inline";
afterAll(async () => closePgPools());

type Stance = { target: string; value: number };
type NativeSpan = { layer: string; type: string; attributes: Record<string, unknown>; stance: Stance[]; speaker: { name: string } | null };
type NativeRecord = { source: string | null; published_at: string | null; sentences: { labels: { stance: Stance[] | null } | null }[]; spans: NativeSpan[] };
type Element = { type: string; source: string; month: string; speaker: string; target: string; value: number; publishedAt: string | null };

let token: string;
let projectId: string;
let records: NativeRecord[];

type Handler = (request: Request, context: { params: Promise<{ projectId: string; view: string }> }) => Promise<Response>;
async function api<T>(view: string, query: Record<string, string>): Promise<T[]> {
  const response = await (analyticsRoute.GET as Handler)(
    new Request(`http://test.local/api?${new URLSearchParams({ ...query, state: "SIGNED_OFF" })}`, { headers: { Authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ projectId, view }) },
  );
  const body = (await response.json()) as { rows: T[] };
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.rows;
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
function stats(values: number[]) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : null;
  const distribution: Record<string, number> = { "-2": 0, "-1": 0, "0": 0, "1": 0, "2": 0 };
  for (const v of values) distribution[String(v)]!++;
  return { n, mean: r6(mean), distribution, ci95: sd === null ? null : [r6(mean - (1.96 * sd) / Math.sqrt(n)), r6(mean + (1.96 * sd) / Math.sqrt(n))] };
}
function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
/** Monday of the ISO week (PostgreSQL date_trunc('week')), as YYYY-MM-DD. */
function weekOf(iso: string): string {
  const d = new Date(iso.slice(0, 10) + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function elements(): Element[] {
  const out: Element[] = [];
  for (const r of records) {
    const base = { source: r.source ?? "", month: r.published_at?.slice(0, 7) ?? "", publishedAt: r.published_at };
    for (const s of r.spans.filter((x) => x.layer === "gold")) for (const st of s.stance) out.push({ ...base, type: s.type, speaker: s.speaker?.name ?? "", ...st });
    for (const s of r.sentences) for (const st of s.labels?.stance ?? []) out.push({ ...base, type: "SENTENCE", speaker: "", ...st });
  }
  return out;
}
const goldSpans = () => records.flatMap((r) => r.spans.filter((s) => s.layer === "gold").map((s) => ({ ...s, source: r.source, publishedAt: r.published_at })));

beforeAll(async () => {
  const team = await makeTeam();
  const { project, manager, reviewer, annotator } = team;
  projectId = project.id;
  token = (await createApiToken(manager.id, "analytics export test")).token;
  const speakers = Object.fromEntries(
    await Promise.all(["Sergey Lavrov", "Wang Yi", "Antony Blinken"].map(async (name) => [name, (await prisma().entity.create({ data: { projectId, name, type: "PERSON" } })).id] as const)),
  );
  const text = "Lavrov said the sanctions failed. Wang Yi praised the partnership. Blinken warned Moscow. Editor's note: translated. The figures rose by 10%.";
  const docs: { source?: string; publishedAt?: string }[] = [
    { source: "tass.ru", publishedAt: "2024-01-03T00:00:00Z" },
    { source: "tass.ru", publishedAt: "2024-01-29T00:00:00Z" },
    { source: "inosmi.ru", publishedAt: "2024-02-14T00:00:00Z" },
    { source: "reuters.com", publishedAt: "2024-03-31T00:00:00Z" },
    { publishedAt: "2024-02-05T00:00:00Z" },
    { source: "inosmi.ru" },
  ];
  const targets = ["Russia–China partnership", "United States / the West", "Ukraine"];
  const forms = ["direct", "indirect", "mixed"];
  const kinds = ["translation-note", "editor-aside"];
  for (const [i, d] of docs.entries()) {
    const outcome = await importArticle({ projectId, createdById: manager.id, article: { text: `${text} Document ${i}.`, language: "en", ...d } });
    if (outcome.status !== "imported") throw new Error("fixture not imported");
    const id = outcome.id;
    const t = `${text} Document ${i}.`;
    const quotes: [string, string][] = [["Lavrov said the sanctions failed.", "Sergey Lavrov"], ["Wang Yi praised the partnership.", "Wang Yi"], ["Blinken warned Moscow.", "Antony Blinken"]];
    for (const [k, [needle, speaker]] of quotes.entries()) {
      if ((i + k) % 4 === 3) continue;
      const stance = [{ target: targets[(i + k) % 3]!, value: ((i * 3 + k * 2) % 5) - 2 }, ...(k === 0 ? [{ target: targets[(i + 1) % 3]!, value: (i % 3) - 1 }] : [])];
      await addAnnotation(id, { authorId: reviewer.id, type: "QUOTE", ...cp(t, needle), speakerId: speakers[speaker], attributes: { form: forms[(i + k) % 3], stance } });
    }
    // A quote without a speaker, claims (check-worthy or not), editorial insertions, a sentence label.
    if (i % 2 === 0) await addAnnotation(id, { authorId: reviewer.id, type: "QUOTE", ...cp(t, "the partnership"), attributes: { form: "indirect", stance: [{ target: targets[2]!, value: 2 }] } });
    await addAnnotation(id, { authorId: reviewer.id, type: "CLAIM", ...cp(t, "The figures rose by 10%."), attributes: { checkworthy: i % 3 ? "yes" : "no", stance: [{ target: targets[0]!, value: (i % 5) - 2 }] } });
    if (i % 3 === 1) await addAnnotation(id, { authorId: reviewer.id, type: "CLAIM", ...cp(t, "the sanctions failed"), attributes: { checkworthy: "yes" } });
    await addAnnotation(id, { authorId: reviewer.id, type: "EDITORIAL", ...cp(t, "Editor's note: translated."), attributes: { kind: kinds[i % 2] } });
    await addAnnotation(id, { authorId: reviewer.id, type: "SENTENCE", sentenceIndex: 1, attributes: { checkworthy: "no", stance: [{ target: targets[1]!, value: (i % 4) - 1 }] } });
    // Not gold: never counted.
    await addAnnotation(id, { layer: "ANNOTATOR", authorId: annotator.id, type: "QUOTE", ...cp(t, "Blinken warned Moscow."), speakerId: speakers["Antony Blinken"], attributes: { form: "direct", stance: [{ target: targets[0]!, value: 2 }] } });
    // The last document stays unsigned: not in the export, and filtered out of the API by state.
    if (i < docs.length - 1) await signOff(id, reviewer.id);
  }
  await createDatasetVersion(manager, projectId, {});
  const file = await datasetFileResponse(manager, projectId, "1", "native.jsonl");
  records = (await file.text()).trim().split("\n").map((line) => JSON.parse(line) as NativeRecord);
  expect(records).toHaveLength(docs.length - 1);
});

describe("analytics equal the figures computed from the native JSONL export", () => {
  it("stance grouped by target, source, type, month, speaker and pairs", async () => {
    type Row = { group: Record<string, string | null>; label: Record<string, string | null>; n: number; mean: number; distribution: Record<string, number>; ci95: [number, number] | null };
    const keyOf: Record<string, (e: Element) => string> = { target: (e) => e.target, source: (e) => e.source, type: (e) => e.type, month: (e) => e.month, speaker: (e) => e.speaker };
    for (const groups of ["target", "source", "type", "month", "speaker", "target,source", "month,target", "speaker,target"]) {
      const keys = groups.split(",");
      const expected = new Map([...groupBy(elements(), (e) => keys.map((k) => keyOf[k]!(e)).join("|"))].map(([k, es]) => [k, stats(es.map((e) => e.value))]));
      const rows = await api<Row>("stance", { groupBy: groups });
      // Speakers are ids in `group`; their names (what the export carries) are in `label`.
      const actual = new Map(rows.map((r) => [keys.map((k) => (k === "speaker" ? r.label[k] : r.group[k]) ?? "").join("|"), { n: r.n, mean: r.mean, distribution: r.distribution, ci95: r.ci95 }]));
      expect(actual, groups).toEqual(expected);
      expect(rows.length, groups).toBeGreaterThan(1);
    }
  });

  it("speakers: quotes, form shares, outlets and mean stance per target", async () => {
    type Row = { name: string; quotes: number; directShare: number; indirectShare: number; mixedShare: number; outlets: number; stanceByTarget: Record<string, { mean: number; n: number }> };
    const quotes = goldSpans().filter((s) => s.type === "QUOTE" && s.speaker);
    const expected = [...groupBy(quotes, (s) => s.speaker!.name)].map(([name, qs]) => {
      const share = (form: string) => r6(qs.filter((q) => q.attributes.form === form).length / qs.length);
      const byTarget = groupBy(qs.flatMap((q) => q.stance), (s) => s.target);
      return {
        name,
        quotes: qs.length,
        directShare: share("direct"),
        indirectShare: share("indirect"),
        mixedShare: share("mixed"),
        outlets: new Set(qs.map((q) => q.source).filter((s) => s !== null)).size,
        stanceByTarget: Object.fromEntries([...byTarget].map(([t, ss]) => [t, { mean: r6(ss.reduce((a, s) => a + s.value, 0) / ss.length), n: ss.length }])),
      };
    });
    const rows = (await api<Row & { speakerId: string }>("speakers", {})).map(({ speakerId: _id, ...r }) => r);
    expect(new Map(rows.map((r) => [r.name, r]))).toEqual(new Map(expected.map((r) => [r.name, r])));
  });

  it("outlets: documents, quotes by speaker, editorial by kind, claims and check-worthy share", async () => {
    type Row = { source: string | null; documents: number; quotes: number; quotesBySpeaker: Record<string, number>; editorialByKind: Record<string, number>; claims: number; checkworthyShare: number | null };
    const spans = goldSpans();
    const sources = [...new Set(records.map((r) => r.source))];
    const expected = sources.map((source) => {
      const mine = spans.filter((s) => s.source === source);
      const quotes = mine.filter((s) => s.type === "QUOTE");
      const claims = mine.filter((s) => s.type === "CLAIM");
      const count = <T,>(items: T[], key: (t: T) => string) => Object.fromEntries([...groupBy(items, key)].map(([k, v]) => [k, v.length]));
      return {
        source,
        documents: records.filter((r) => r.source === source).length,
        quotes: quotes.length,
        quotesBySpeaker: count(quotes.filter((q) => q.speaker), (q) => q.speaker!.name),
        editorialByKind: count(mine.filter((s) => s.type === "EDITORIAL"), (s) => String(s.attributes.kind ?? "(none)")),
        claims: claims.length,
        checkworthyShare: claims.length ? r6(claims.filter((c) => c.attributes.checkworthy === "yes").length / claims.length) : null,
      };
    });
    const rows = await api<Row>("outlets", {});
    expect(new Map(rows.map((r) => [r.source, r]))).toEqual(new Map(expected.map((r) => [r.source, r])));
  });

  it("timeline per month and per week: documents, quotes and mean stance per target", async () => {
    type Row = { period: string; documents: number; quotes: number; stanceByTarget: Record<string, { mean: number; n: number }> };
    for (const interval of ["month", "week"] as const) {
      const period = (iso: string) => (interval === "month" ? `${iso.slice(0, 7)}-01` : weekOf(iso));
      const dated = records.filter((r) => r.published_at);
      const expected = [...groupBy(dated, (r) => period(r.published_at!))]
        .map(([p, rs]) => {
          const es = elements().filter((e) => e.publishedAt && period(e.publishedAt) === p);
          return {
            period: p,
            documents: rs.length,
            quotes: rs.flatMap((r) => r.spans.filter((s) => s.layer === "gold" && s.type === "QUOTE")).length,
            stanceByTarget: Object.fromEntries([...groupBy(es, (e) => e.target)].map(([t, xs]) => [t, { mean: r6(xs.reduce((a, x) => a + x.value, 0) / xs.length), n: xs.length }])),
          };
        })
        .sort((a, b) => (a.period < b.period ? -1 : 1));
      expect(await api<Row>("timeline", { interval }), interval).toEqual(expected);
    }
  });
});
