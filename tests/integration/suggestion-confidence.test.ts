import { describe, expect, it } from "vitest";
import { PATCH as projectRoute } from "@/app/api/v1/projects/[projectId]/route";
import { GET as listRoute } from "@/app/api/v1/documents/[documentId]/suggestions/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { prisma } from "@/lib/db/prisma";
import { importJsonArticles } from "@/lib/documents/import-files";
import { updateProject } from "@/lib/projects/projects";
import { CALIBRATION } from "@/lib/suggestions/confidence";
import { decideSuggestion } from "@/lib/suggestion-runs/decide-suggestion";
import { listDocumentSuggestions } from "@/lib/suggestion-runs/list-suggestions";
import { getRuleCounts } from "@/lib/suggestion-runs/suggestion-stats";
import { makeTeam } from "./factories";
import { errorOf } from "./error-of";

process.env.STANCEBENCH_JOBS = "inline";

// A claim and an indirect quote (no gold in the corpus: uncalibrated 0.5), a direct quote and an
// editor's aside (calibrated on the dev split, well above 0.8; the quote rule near 0.9 moves with the dev split).
const TEXT =
  '😀 Trade grew by 40% in 2022.\n\n"We will never give up," said Vladimir Putin. The Sinologist Ivan Zuenko said that relations are strong.\n\n(Note: this text was shortened — Approx. InoSMI)';

async function setup() {
  const team = await makeTeam();
  const [result] = await importJsonArticles({ projectId: team.project.id, userId: team.manager.id }, { title: "Sample", text: TEXT });
  return { ...team, documentId: result!.id! };
}

const settingsBody = (threshold: unknown) => ({
  name: "Test project",
  description: "",
  stanceTargets: [],
  preAcceptAgreed: true,
  membersMayDownload: false,
  license: "CC-BY-4.0",
  sourceDescription: "",
  suggestionThreshold: threshold,
});

async function get(token: string, documentId: string, query = "") {
  const res = await listRoute(new Request(`http://test/${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ documentId }) });
  return { status: res.status, body: (await res.json()) as { items?: { rule: string; confidence: number }[]; minConfidence?: number; error?: { code: string; message: string } } };
}

describe("suggestion confidence", () => {
  it("is stored on every suggestion from the calibration table and returned by the API", async () => {
    const { reviewer, documentId } = await setup();
    const { items, minConfidence } = await listDocumentSuggestions(reviewer, documentId);
    expect(minConfidence).toBe(0);
    const byRule = Object.fromEntries(items.map((s) => [s.rule, s.confidence]));
    expect(byRule).toEqual({
      "claim.percent": CALIBRATION.uncalibrated,
      "quote.direct-after": CALIBRATION.rules["quote.direct-after"]!.confidence,
      "quote.indirect-that": CALIBRATION.uncalibrated,
      "editorial.approx-outlet": CALIBRATION.rules["editorial.approx-outlet"]!.confidence,
    });
    expect(byRule["quote.direct-after"]).toBeGreaterThan(0.8);
    const stored = await prisma().suggestion.findMany({ where: { documentId }, select: { confidence: true } });
    for (const s of stored) expect(s.confidence).toBeGreaterThan(0);
  });

  it("hides suggestions below the project's threshold; ?minConfidence= overrides it", async () => {
    const { manager, reviewer, project, documentId } = await setup();
    const { token } = await createApiToken(reviewer.id, "test");
    const patched = await projectRoute(
      new Request("http://test/", { method: "PATCH", headers: { authorization: `Bearer ${(await createApiToken(manager.id, "m")).token}`, "content-type": "application/json" }, body: JSON.stringify(settingsBody(0.8)) }),
      { params: Promise.resolve({ projectId: project.id }) },
    );
    expect(patched.status).toBe(200);
    const shown = await get(token, documentId);
    expect(shown.status).toBe(200);
    expect(shown.body.minConfidence).toBe(0.8);
    expect(shown.body.items!.map((s) => s.rule).sort()).toEqual(["editorial.approx-outlet", "quote.direct-after"]);
    const all = await get(token, documentId, "?minConfidence=0");
    expect(all.body.items).toHaveLength(4);
    const none = await get(token, documentId, "?minConfidence=1");
    expect(none.body.items).toEqual([]);
    // Leaving the threshold out of a settings update keeps it.
    const { suggestionThreshold: _t, ...rest } = settingsBody(0);
    await updateProject(manager, project.id, rest);
    expect((await get(token, documentId)).body.minConfidence).toBe(0.8);
  });

  it("refuses a threshold outside 0–1 or not a number, in the settings and in the query", async () => {
    const { manager, reviewer, project, documentId } = await setup();
    for (const bad of [1.5, -0.1, "0.5", null]) {
      const error = await errorOf(updateProject(manager, project.id, settingsBody(bad)));
      expect(error.status, JSON.stringify(bad)).toBe(400);
      expect(error.message).toMatch(/suggestionThreshold: The threshold must be (a number )?between 0 and 1/);
    }
    const { token } = await createApiToken(reviewer.id, "test");
    for (const q of ["?minConfidence=2", "?minConfidence=-1", "?minConfidence=abc", "?minConfidence="]) {
      const res = await get(token, documentId, q);
      expect(res.status, q).toBe(400);
      expect(res.body.error).toMatchObject({ code: "validation_failed" });
      expect(res.body.error!.message).toContain("minConfidence");
    }
  });
});

describe("learned confidence", () => {
  // Eleven articles with one claim each: the same rule (claim.percent) on every document.
  async function claimsProject() {
    const team = await makeTeam();
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) {
      const [r] = await importJsonArticles({ projectId: team.project.id, userId: team.manager.id }, { title: `A${i}`, text: `Article ${i}. Trade grew by ${10 + i}% in 2022.` });
      ids.push(r!.id!);
      await prisma().assignment.create({ data: { documentId: r!.id!, userId: team.annotator.id, role: "ANNOTATOR" } });
    }
    return { ...team, ids };
  }
  const claimOf = async (user: Parameters<typeof listDocumentSuggestions>[0], documentId: string) =>
    (await listDocumentSuggestions(user, documentId)).items.find((s) => s.rule === "claim.percent")!;

  it("drops for a rule reviewers keep rejecting, in the API, and the project threshold then hides it", async () => {
    const { annotator, reviewer, project, manager, ids } = await claimsProject();
    const { token } = await createApiToken(reviewer.id, "test");
    const before = (await get(token, ids[10]!)).body.items!.find((s) => s.rule === "claim.percent")!.confidence;
    expect(before).toBe(CALIBRATION.uncalibrated);
    for (const id of ids.slice(0, 10)) {
      const s = await claimOf(annotator, id);
      const decided = await decideSuggestion(annotator, s.id, { decision: "rejected" });
      expect(decided.confidence).toBeLessThan(s.confidence);
    }
    // (10 · 0.5 + 0) / (10 + 0 + 10) = 0.25
    const after = (await get(token, ids[10]!)).body.items!.find((s) => s.rule === "claim.percent")!.confidence;
    expect(after).toBeCloseTo(0.25, 3);
    const [tally] = await prisma().suggestionRuleDecision.findMany({ where: { projectId: project.id } });
    expect(tally).toMatchObject({ rule: "claim.percent", accepted: 0, rejected: 10 });
    // The manager's Suggestions tab shows the same figure per rule.
    const rule = (await getRuleCounts(manager, project.id)).find((r) => r.rule === "claim.percent")!;
    expect(rule).toMatchObject({ accepted: 0, rejected: 10, pending: 1, calibrated: 0.5 });
    expect(rule.learned).toBeCloseTo(0.25, 6);
    // Other projects keep their own tallies: a new project's claim is still at the prior.
    const other = await makeTeam();
    const [r] = await importJsonArticles({ projectId: other.project.id, userId: other.manager.id }, { text: "Exports grew by 12% in 2023." });
    expect((await claimOf(other.manager, r!.id!)).confidence).toBe(CALIBRATION.uncalibrated);

    await updateProject(manager, project.id, settingsBody(0.3));
    expect((await get(token, ids[10]!)).body.items!.map((s) => s.rule)).not.toContain("claim.percent");
  });

  it("rises with acceptances, and a repeated decision is counted once", async () => {
    const { annotator, annotator2, project, ids } = await claimsProject();
    await prisma().assignment.create({ data: { documentId: ids[0]!, userId: annotator2.id, role: "ANNOTATOR" } });
    const s = await claimOf(annotator, ids[0]!);
    await decideSuggestion(annotator, s.id, { decision: "accepted" });
    await decideSuggestion(annotator2, s.id, { decision: "accepted" });
    expect(await errorOf(decideSuggestion(annotator2, s.id, { decision: "rejected" }))).toMatchObject({ status: 409 });
    const tally = await prisma().suggestionRuleDecision.findUniqueOrThrow({ where: { projectId_rule: { projectId: project.id, rule: "claim.percent" } } });
    expect(tally).toMatchObject({ accepted: 1, rejected: 0 });
    expect((await claimOf(annotator, ids[1]!)).confidence).toBeCloseTo((10 * 0.5 + 1) / 11, 3);
  });
});
