import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as analyticsRoute from "@/app/api/v1/projects/[projectId]/analytics/[view]/route";
import { summarise } from "@/lib/analytics/stance-stats";
import { prisma } from "@/lib/db/prisma";
import { analyticsResultSchema, type StanceRow } from "@/lib/validation/analytics";
import { codePointsOf, makeSearchCorpus } from "./search-fixture";

let c: Awaited<ReturnType<typeof makeSearchCorpus>>;

type Handler = (request: Request, context: { params: Promise<{ projectId: string; view: string }> }) => Promise<Response>;
async function get(view: string, query: Record<string, string> = {}, token = c.tokens.manager, projectId = c.project.id) {
  const response = await (analyticsRoute.GET as Handler)(
    new Request(`http://test.local/api?${new URLSearchParams(query)}`, { headers: { Authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ projectId, view }) },
  );
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type"), text, json: response.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as Record<string, unknown>) : null };
}

beforeAll(async () => {
  c = await makeSearchCorpus();
  // More gold stance so intervals exist: a second and third gold quote in the English document.
  const more = [
    { value: -1, target: c.US },
    { value: 1, target: c.US },
  ];
  for (const m of more) {
    await prisma().annotation.create({
      data: { id: crypto.randomUUID(), documentId: c.en.id, layer: "GOLD", authorId: c.reviewer.id, type: "QUOTE", ...codePointsOf(c.enText, "on Monday"), speakerId: c.lavrov.id, attributes: { form: "indirect", speaker: c.lavrov.id, stance: [m] } },
    });
  }
});

/** What a researcher computes from the gold layer rows: stance values grouped by a key. */
async function expectedStance(key: (row: { type: string; source: string | null; month: string | null; speakerId: string | null; target: string }) => string) {
  const gold = await prisma().annotation.findMany({ where: { layer: "GOLD", document: { projectId: c.project.id } }, include: { document: { select: { source: true, publishedAt: true } } } });
  const groups = new Map<string, number[]>();
  for (const a of gold) {
    for (const s of ((a.attributes as { stance?: { target: string; value: number }[] }).stance ?? [])) {
      const k = key({ type: a.type, source: a.document.source, month: a.document.publishedAt?.toISOString().slice(0, 7) ?? null, speakerId: a.speakerId, target: s.target });
      groups.set(k, [...(groups.get(k) ?? []), s.value]);
    }
  }
  return new Map([...groups].map(([k, values]) => [k, summarise(values)]));
}

function byKey(rows: StanceRow[], key: (r: StanceRow) => string) {
  return new Map(rows.map((r) => [key(r), { n: r.n, mean: r.mean, distribution: r.distribution, ci95: r.ci95 }]));
}

describe("GET /api/v1/projects/{id}/analytics/{view}", () => {
  it("stance per target, source, type, month and speaker equals the figures computed from the gold rows", async () => {
    for (const [groupBy, key] of [
      ["target", (r: { target: string }) => r.target],
      ["source", (r: { source: string | null }) => r.source ?? ""],
      ["type", (r: { type: string }) => r.type],
      ["month", (r: { month: string | null }) => r.month ?? ""],
      ["speaker", (r: { speakerId: string | null }) => r.speakerId ?? ""],
      ["target,source", (r: { target: string; source: string | null }) => `${r.target}|${r.source ?? ""}`],
    ] as const) {
      const res = await get("stance", { groupBy });
      expect(res.status, res.text).toBe(200);
      const parsed = analyticsResultSchema.parse(res.json);
      const keys = groupBy.split(",");
      const actual = byKey(parsed.rows as StanceRow[], (r) => keys.map((k) => r.group[k] ?? "").join("|"));
      expect(actual, groupBy).toEqual(await expectedStance(key as never));
    }
    const us = ((await get("stance", { groupBy: "target" })).json!.rows as StanceRow[]).find((r) => r.group.target === c.US)!;
    expect(us).toMatchObject({ n: 4, mean: -0.5, distribution: { "-2": 1, "-1": 1, "0": 1, "1": 1, "2": 0 } });
    expect(us.ci95![0]).toBeLessThan(-0.5);
  });

  it("speakers, outlets and timeline", async () => {
    const speakers = (await get("speakers")).json!.rows as { speakerId: string; quotes: number; directShare: number; indirectShare: number; outlets: number; stanceByTarget: Record<string, { mean: number; n: number }> }[];
    expect(speakers).toEqual([
      { speakerId: c.lavrov.id, name: "Sergey Lavrov", quotes: 3, directShare: 0.333333, indirectShare: 0.666667, mixedShare: 0, outlets: 1, stanceByTarget: { [c.US]: { mean: -0.666667, n: 3 } } },
    ]);
    const outlets = (await get("outlets")).json!.rows as { source: string | null; documents: number; quotes: number; claims: number; checkworthyShare: number | null; quotesBySpeaker: Record<string, number> }[];
    expect(outlets.map((o) => [o.source, o.documents, o.quotes, o.claims])).toEqual([
      ["tass.ru", 2, 3, 1],
      ["inosmi.ru", 1, 0, 1],
    ]);
    expect(outlets[0]!.quotesBySpeaker).toEqual({ "Sergey Lavrov": 3 });
    const timeline = (await get("timeline", { interval: "month" })).json!.rows as { period: string; documents: number; quotes: number; stanceByTarget: Record<string, { n: number }> }[];
    expect(timeline.map((t) => [t.period, t.documents, t.quotes])).toEqual([
      ["2026-03-01", 1, 3],
      ["2026-04-01", 1, 0],
      ["2026-05-01", 1, 0],
    ]);
    expect(timeline[0]!.stanceByTarget[c.US]!.n).toBe(4);
  });

  it("layer=any counts annotator layers; an annotator sees only theirs and signed-off gold", async () => {
    const any = (await get("stance", { layer: "any", groupBy: "type" })).json!.rows as StanceRow[];
    expect(any.find((r) => r.group.type === "QUOTE")!.n).toBe(5);
    const annotator = (await get("stance", { layer: "any", groupBy: "type" }, c.tokens.annotator)).json!.rows as StanceRow[];
    // signed-off English gold (3 quotes + 1 claim) and their own Russian quote; not annotator2's, not unsigned Russian gold.
    expect(annotator.map((r) => [r.group.type, r.n]).sort()).toEqual([["CLAIM", 1], ["QUOTE", 4]]);
    expect((await get("stance", { layer: `user:${c.annotator2.id}` }, c.tokens.annotator)).status).toBe(403);
    expect((await get("stance", {}, c.tokens.outsider)).status).toBe(404);
  });

  it("CSV download of a view", async () => {
    const res = await get("stance", { groupBy: "target", format: "csv" });
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/text\/csv/);
    const lines = res.text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("group.target,label.target,n,mean,distribution.-2,distribution.-1,distribution.0,distribution.1,distribution.2,ci95");
    expect(lines.some((l) => l.startsWith(`${c.US},${c.US},4,-0.5,1,1,1,1,0,`))).toBe(true);
  });

  it("bad input → 400 or 404 with a precise message", async () => {
    const cases: [string, Record<string, string>, number, RegExp][] = [
      ["nope", {}, 404, /Unknown analytics view/],
      ["stance", { groupBy: "colour" }, 400, /Group by any of/],
      ["stance", { groupBy: "holder" }, 400, /Stance holders/],
      ["speakers", { groupBy: "target" }, 400, /stance view only/],
      ["timeline", { interval: "day" }, 400, /week or month/],
      ["stance", { target: "Mars" }, 400, /not a stance target/],
      ["stance", { speaker: c.otherSpeaker.id }, 404, /not in this project/],
      ["stance", { format: "xml" }, 400, /json or csv/],
      ["stance", { bogus: "1" }, 400, /bogus/],
    ];
    for (const [view, query, status, message] of cases) {
      const res = await get(view, query);
      expect(res.status, `${view} ${JSON.stringify(query)}: ${res.text}`).toBe(status);
      expect(JSON.stringify(res.json), `${view} ${JSON.stringify(query)}`).toMatch(message);
    }
  });
});
