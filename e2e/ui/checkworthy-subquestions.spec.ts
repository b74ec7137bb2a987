import { expect, test } from "@playwright/test";
import { as } from "../api/helpers";
import { ROLES, storageStateOf } from "../fixtures";

test.use({ storageState: storageStateOf("manager") });

type Annotation = { sentenceIndex: number | null; attributes: Record<string, unknown> };

test("manager adds a check-worthiness sub-question; the annotator answers it for a sentence", async ({ page, browser, request }) => {
  test.setTimeout(90_000);
  // A project of its own, so the demo project's schema stays as other specs expect it.
  const created = await request.post("/api/v1/projects", { headers: as("admin"), data: { name: `Sub-questions ${Date.now()}` } });
  expect(created.status()).toBe(201);
  const projectId = ((await created.json()) as { id: string }).id;
  expect((await request.post(`/api/v1/projects/${projectId}/members`, { headers: as("admin"), data: { email: ROLES.manager, roles: ["MANAGER"] } })).status()).toBe(201);
  expect((await request.post(`/api/v1/projects/${projectId}/members`, { headers: as("manager"), data: { email: ROLES.annotator1, roles: ["ANNOTATOR"] } })).status()).toBe(201);
  const imported = await request.post(`/api/v1/projects/${projectId}/documents`, { headers: as("manager"), data: { text: "The minister said prices fell by 9%. Nobody checked." } });
  expect(imported.status()).toBe(201);
  const documentId = ((await imported.json()) as { results: { id: string }[] }).results[0]!.id;
  const members = (await (await request.get(`/api/v1/projects/${projectId}/members`, { headers: as("manager") })).json()) as { members: { id: string; email: string }[] };
  const annotatorId = members.members.find((m) => m.email === ROLES.annotator1)!.id;
  expect((await request.post(`/api/v1/documents/${documentId}/assignments`, { headers: as("manager"), data: { userId: annotatorId, role: "annotator" } })).status()).toBe(201);

  await page.goto(`/projects/${projectId}/settings`);
  const editor = page.getByTestId("label-schema-editor");
  const question = editor.getByLabel("Check-worthiness sub-question");
  // Bad input: the rule is shown beside the field and nothing is added.
  await question.fill("2 bad!");
  await editor.getByRole("button", { name: "Add sub-question" }).click();
  await expect(editor.getByRole("alert")).toContainText("lower-case letters");
  await expect(editor.getByText("Sentence · checkworthy_verifiable")).toHaveCount(0);
  // By keyboard: type the name and press Enter.
  await question.fill("verifiable");
  await question.press("Enter");
  await expect(editor.getByText("Sentence · checkworthy_verifiable")).toBeVisible();
  await question.fill("verifiable");
  await question.press("Enter");
  await expect(editor.getByRole("alert")).toContainText("already a sentence label");
  await editor.getByRole("button", { name: "Save label schema" }).click();
  await expect(editor.getByText(/Label schema saved/)).toBeVisible();

  const annotator = await browser.newContext({ storageState: storageStateOf("annotator1") });
  const annotatorPage = await annotator.newPage();
  await annotatorPage.goto(`/projects/${projectId}/documents/${documentId}/annotate`);
  await expect(annotatorPage.getByTestId("annotator")).toHaveAttribute("data-ready", "true");
  const group = annotatorPage.getByTestId("sentence-panel").getByRole("group", { name: "checkworthy_verifiable" });
  await group.getByRole("button", { name: "Yes" }).click();
  await expect(group.getByRole("button", { name: "Yes" })).toHaveAttribute("aria-pressed", "true");
  await expect
    .poll(async () => {
      const mine = await request.get(`/api/v1/documents/${documentId}/annotations?layer=mine`, { headers: as("annotator1") });
      const items = ((await mine.json()) as { items: Annotation[] }).items;
      return items.find((a) => a.sentenceIndex === 0)?.attributes;
    })
    .toEqual({ checkworthy_verifiable: "yes" });
  await annotator.close();
});
