import { expect, test } from "@playwright/test";
import { as } from "../api/helpers";
import { assignedArticle, signedOffArticle, submitAs } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";

test.use({ storageState: storageStateOf("manager") });

test("manager picks the documents of a version by filter: the count shows first and the version holds exactly those", async ({ page, request }) => {
  test.setTimeout(120_000);
  const token = `Filterpick${Date.now()}`;
  const alpha = await signedOffArticle(request, `${token} alpha\n\nMoscow and Beijing agreed on trade.`, []);
  const beta = await signedOffArticle(request, `${token} beta\n\nThe U.S. objected, an official said.`, []);
  // A third one still in review: only picked when the filter asks for that state.
  const gamma = await assignedArticle(request, `${token} gamma\n\nTalks continue next week.`);
  for (const role of ["annotator1", "annotator2"] as const) await submitAs(request, role, gamma.documentId);
  expect((await request.post(`/api/v1/documents/${gamma.documentId}/review/start`, { headers: as("reviewer") })).status()).toBe(200);
  const projectId = alpha.projectId;

  await page.goto(`/projects/${projectId}/exports`);
  const form = page.getByTestId("create-dataset-form");
  const count = page.getByTestId("dataset-match-count");
  await form.getByLabel("Title contains").fill(token);
  await expect(count).toHaveText("2 documents match this filter.");
  await form.getByLabel("In review").check();
  await expect(count).toHaveText("3 documents match this filter.");
  // Every test document is assigned to both annotators, so picking one keeps all three.
  await form.getByLabel("Annotated by (any of)").selectOption({ label: "Anna Annotator" });
  await expect(count).toHaveText("3 documents match this filter.");

  // Bad input: a reversed date range names the field; a filter matching nothing says so and cannot be created.
  await form.getByLabel("Imported from").fill("2030-01-02");
  await form.getByLabel("Imported to").fill("2030-01-01");
  await page.getByRole("button", { name: "Create dataset version" }).click();
  await expect(form.getByText("The end date is before the start date")).toBeVisible();
  await form.getByLabel("Imported to").fill("2030-01-03");
  await expect(count).toHaveText("No documents match this filter: widen it to create a version.");
  await expect(page.getByRole("button", { name: "Create dataset version" })).toBeDisabled();
  await form.getByLabel("Imported from").fill("");
  await form.getByLabel("Imported to").fill("");
  await expect(count).toHaveText("3 documents match this filter.");

  await page.getByRole("button", { name: "Create dataset version" }).click();
  await expect(page.getByTestId("dataset-build")).toHaveAttribute("data-status", "DONE", { timeout: 60_000 });
  await page.reload();
  const number = await page.getByTestId("dataset-versions").locator("tbody tr").first().getAttribute("data-version");

  const detail = (await (await request.get(`/api/v1/projects/${projectId}/datasets/${number}`, { headers: as("manager") })).json()) as { filter: Record<string, unknown>; manifest: { filter: { filter: Record<string, unknown> } } };
  expect(detail.filter).toMatchObject({ titleContains: token, states: ["IN_REVIEW", "SIGNED_OFF"] });
  expect(detail.manifest.filter.filter).toEqual(detail.filter);
  const native = await request.get(`/api/v1/projects/${projectId}/datasets/${number}/files/native.jsonl`, { headers: as("manager") });
  expect(native.status()).toBe(200);
  const ids = (await native.text()).split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id).sort();
  expect(ids).toEqual([alpha.documentId, beta.documentId, gamma.documentId].sort());
});

test("the count API names an unknown filter value precisely", async ({ request }) => {
  const { projectId } = await assignedArticle(request, `Count API ${Date.now()}\n\nA line.`);
  const res = await request.post(`/api/v1/projects/${projectId}/datasets/count`, { headers: as("manager"), data: { filter: { states: ["SIGNED_OFF", "ARCHIVED"] } } });
  expect(res.status()).toBe(400);
  const body = (await res.json()) as { error: { code: string; fields: Record<string, string[]> } };
  expect(body.error.code).toBe("validation_failed");
  expect(body.error.fields["filter.states.1"]?.[0]).toContain("Unknown state");
});
