import { describe, expect, it } from "vitest";
import { PATCH as projectRoute } from "@/app/api/v1/projects/[projectId]/route";
import { GET as listRoute } from "@/app/api/v1/documents/[documentId]/suggestions/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { prisma } from "@/lib/db/prisma";
import { importJsonArticles } from "@/lib/documents/import-files";
import { updateProject } from "@/lib/projects/projects";
import { CALIBRATION } from "@/lib/suggestions/confidence";
import { listDocumentSuggestions } from "@/lib/suggestion-runs/list-suggestions";
import { makeTeam } from "./factories";
import { errorOf } from "./error-of";

process.env.STANCEBENCH_JOBS = "inline";

// A claim and an indirect quote (no gold in the corpus: uncalibrated 0.5), a direct quote and an
// editor's aside (calibrated on the dev split, well above 0.9).
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
    expect(byRule["quote.direct-after"]).toBeGreaterThan(0.9);
    const stored = await prisma().suggestion.findMany({ where: { documentId }, select: { confidence: true } });
    for (const s of stored) expect(s.confidence).toBeGreaterThan(0);
  });

  it("hides suggestions below the project's threshold; ?minConfidence= overrides it", async () => {
    const { manager, reviewer, project, documentId } = await setup();
    const { token } = await createApiToken(reviewer.id, "test");
    const patched = await projectRoute(
      new Request("http://test/", { method: "PATCH", headers: { authorization: `Bearer ${(await createApiToken(manager.id, "m")).token}`, "content-type": "application/json" }, body: JSON.stringify(settingsBody(0.9)) }),
      { params: Promise.resolve({ projectId: project.id }) },
    );
    expect(patched.status).toBe(200);
    const shown = await get(token, documentId);
    expect(shown.status).toBe(200);
    expect(shown.body.minConfidence).toBe(0.9);
    expect(shown.body.items!.map((s) => s.rule).sort()).toEqual(["editorial.approx-outlet", "quote.direct-after"]);
    const all = await get(token, documentId, "?minConfidence=0");
    expect(all.body.items).toHaveLength(4);
    const none = await get(token, documentId, "?minConfidence=1");
    expect(none.body.items).toEqual([]);
    // Leaving the threshold out of a settings update keeps it.
    const { suggestionThreshold: _t, ...rest } = settingsBody(0);
    await updateProject(manager, project.id, rest);
    expect((await get(token, documentId)).body.minConfidence).toBe(0.9);
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
