import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countDatasetDocuments, createDatasetVersion } from "@/lib/datasets/create-dataset";
import { datasetFileResponse } from "@/lib/datasets/download";
import { getDatasetVersion } from "@/lib/datasets/list-datasets";
import { closePgPools } from "@/lib/db/pg-pool";
import { prisma } from "@/lib/db/prisma";
import "@/lib/datasets/build-task";
import { importDocument, seedSignedOffProject } from "./dataset-fixtures";
import { errorOf } from "./error-of";
import { makeTeam } from "./factories";

process.env.STANCEBENCH_JOBS = "inline";
afterAll(async () => closePgPools());

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;
let seeded: Awaited<ReturnType<typeof seedSignedOffProject>>;
let inReview: string;

beforeAll(async () => {
  team = await makeTeam();
  seeded = await seedSignedOffProject(team);
  inReview = await importDocument(team.project.id, team.manager.id, { title: "Under review: 100% sure_thing", text: "The review is still open. Nobody signed it off yet." });
  await prisma().document.update({ where: { id: inReview }, data: { state: "IN_REVIEW" } });
  await prisma().assignment.create({ data: { documentId: inReview, userId: team.annotator2.id, role: "ANNOTATOR", state: "SUBMITTED" } });
  // Known import and sign-off days, so the date ranges have something to cut.
  await prisma().document.update({ where: { id: seeded.formula }, data: { createdAt: new Date("2020-01-15T23:30:00Z") } });
  await prisma().document.update({ where: { id: seeded.plain }, data: { signedOffAt: new Date("2025-04-10T08:00:00Z") } });
});

/** The document ids in a version's native JSONL, sorted. */
async function documentsOf(number: number): Promise<string[]> {
  const body = await (await datasetFileResponse(team.manager, team.project.id, String(number), "native.jsonl")).text();
  return body.split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id).sort();
}
const sorted = (...ids: string[]) => [...ids].sort();

describe("picking the documents of a version by filter", () => {
  it.each([
    ["state", () => ({ states: ["IN_REVIEW"] }), () => [inReview]],
    ["several states", () => ({ states: ["SIGNED_OFF", "IN_REVIEW"] }), () => [seeded.emoji, seeded.formula, seeded.plain, inReview]],
    ["annotator", () => ({ annotatorIds: [team.annotator.id] }), () => [seeded.emoji]],
    ["annotator across states", () => ({ annotatorIds: [team.annotator2.id], states: ["IN_REVIEW", "SIGNED_OFF"] }), () => [seeded.emoji, inReview]],
    ["title text, case-insensitive", () => ({ titleContains: "pLaIn" }), () => [seeded.plain]],
    ["title text with % and _ taken literally", () => ({ titleContains: "_", states: ["SIGNED_OFF", "IN_REVIEW"] }), () => [inReview]],
    ["title text with %", () => ({ titleContains: "100%", states: ["SIGNED_OFF", "IN_REVIEW"] }), () => [inReview]],
    ["import date", () => ({ importedFrom: "2020-01-15", importedTo: "2020-01-15" }), () => [seeded.formula]],
    ["sign-off date", () => ({ signedOffFrom: "2025-04-01" }), () => [seeded.plain]],
    ["sign-off date up to a day, inclusive", () => ({ signedOffTo: "2025-03-01" }), () => [seeded.emoji, seeded.formula]],
  ] as const)("by %s: the count shown first and the version hold exactly those documents", async (_name, filter, expected) => {
    const count = await countDatasetDocuments(team.manager, team.project.id, { filter: filter() });
    expect(count.documents).toBe(expected().length);
    const created = await createDatasetVersion(team.manager, team.project.id, { filter: filter() });
    expect(created.status).toBe("DONE");
    expect(await documentsOf(created.number)).toEqual(sorted(...expected()));
  });

  it("stores the normalised filter with the version, and the manifest says which filter made it", async () => {
    const filter = { annotatorIds: [team.annotator.id, team.annotator.id], titleContains: "Putin", tags: [], states: ["SIGNED_OFF"] };
    const created = await createDatasetVersion(team.manager, team.project.id, { filter });
    const version = await getDatasetVersion(team.manager, team.project.id, String(created.number));
    const normalised = { annotatorIds: [team.annotator.id], titleContains: "Putin", states: ["SIGNED_OFF"] };
    expect(version.filter).toEqual(normalised);
    expect((version.manifest as { filter: { filter: unknown } }).filter.filter).toEqual(normalised);
    // No filter at all is written down as what it means: signed-off documents.
    const all = await createDatasetVersion(team.manager, team.project.id, {});
    expect((await getDatasetVersion(team.manager, team.project.id, String(all.number))).filter).toEqual({ states: ["SIGNED_OFF"] });
    expect(await documentsOf(all.number)).toEqual(sorted(seeded.emoji, seeded.formula, seeded.plain));
  });
});

describe("bad filters", () => {
  const versions = () => prisma().datasetVersion.count({ where: { projectId: team.project.id } });

  it("names an unknown state, annotator or document precisely, and creates nothing", async () => {
    const before = await versions();
    const state = await errorOf(createDatasetVersion(team.manager, team.project.id, { filter: { states: ["SIGNED_OFF", "PUBLISHED"] } }));
    expect(state.code).toBe("validation_failed");
    expect(state.details?.fields).toEqual({ "filter.states.1": ["Unknown state; use one of ANNOTATING, READY_FOR_REVIEW, IN_REVIEW, SIGNED_OFF"] });

    // The outsider exists but is no annotator of this project; the reviewer is a member but not an annotator.
    for (const id of [team.outsider.id, team.reviewer.id, "no-such-user"]) {
      const e = await errorOf(countDatasetDocuments(team.manager, team.project.id, { filter: { annotatorIds: [team.annotator.id, id] } }));
      expect(e.code).toBe("validation_failed");
      expect(e.details?.fields).toEqual({ "filter.annotatorIds": [`Not annotators of this project: ${id}`] });
    }
    const other = await makeTeam();
    const foreign = await importDocument(other.project.id, other.manager.id, { text: "A document of another project." });
    const doc = await errorOf(createDatasetVersion(team.manager, team.project.id, { filter: { documentIds: [seeded.emoji, foreign] } }));
    expect(doc.message).toBe(`Invalid input — filter.documentIds: Not documents of this project: ${foreign}`);
    const dates = await errorOf(createDatasetVersion(team.manager, team.project.id, { filter: { signedOffFrom: "2025-05-01", signedOffTo: "2025-04-01" } }));
    expect(dates.details?.fields).toEqual({ "filter.signedOffTo": ["The end date is before the start date"] });
    const noState = await errorOf(createDatasetVersion(team.manager, team.project.id, { filter: { states: [] } }));
    expect(noState.details?.fields).toEqual({ "filter.states": ["Choose at least one state"] });
    expect(await versions()).toBe(before);
  });

  it("says clearly when a filter matches nothing, and creates no empty version", async () => {
    const before = await versions();
    expect((await countDatasetDocuments(team.manager, team.project.id, { filter: { titleContains: "no title like this" } })).documents).toBe(0);
    const signed = await errorOf(createDatasetVersion(team.manager, team.project.id, { filter: { titleContains: "no title like this" } }));
    expect(signed.code).toBe("invalid_state");
    expect(signed.message).toBe("No signed-off documents match this filter: sign off documents first, or widen the filter. No version was created.");
    const any = await errorOf(createDatasetVersion(team.manager, team.project.id, { filter: { states: ["READY_FOR_REVIEW"] } }));
    expect(any.message).toBe("No documents match this filter: widen it. No version was created.");
    expect(await versions()).toBe(before);
  });

  it("counts over HTTP: 200 with the count, 400 with field errors, 403 for an annotator", async () => {
    const { createApiToken } = await import("@/lib/auth/api-tokens");
    const route = await import("@/app/api/v1/projects/[projectId]/datasets/count/route");
    const ctx = { params: Promise.resolve({ projectId: team.project.id }) };
    const call = (token: string, body?: unknown) =>
      new Request("http://localhost/api", { method: "POST", headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const manager = (await createApiToken(team.manager.id, "t")).token;
    const annotator = (await createApiToken(team.annotator.id, "t")).token;

    const ok = await route.POST(call(manager, { filter: { states: ["IN_REVIEW"] } }), ctx);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ documents: 1, filter: { states: ["IN_REVIEW"] } });
    const empty = await route.POST(call(manager), ctx);
    expect(await empty.json()).toEqual({ documents: 3, filter: { states: ["SIGNED_OFF"] } });
    const bad = await route.POST(call(manager, { filter: { states: ["DONE"] } }), ctx);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; message: string; fields: Record<string, string[]> } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields["filter.states.0"]).toEqual(["Unknown state; use one of ANNOTATING, READY_FOR_REVIEW, IN_REVIEW, SIGNED_OFF"]);
    expect((await route.POST(call(annotator, {}), ctx)).status).toBe(403);
  });
});
