import { expect, test } from "@playwright/test";
import { as } from "../api/helpers";
import { annotateAs, assignedArticle, codePointSpan } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";

test.use({ storageState: storageStateOf("manager") });

test("manager renames a speaker (empty name refused beside the field) and merges two spellings, re-pointing the quote", async ({ page, request }) => {
  const tag = Date.now().toString(36);
  const text = `Minsk talks ${tag}\n\n“We will not give in,” Lukashenka said.`;
  const { projectId, documentId } = await assignedArticle(request, text);
  const create = async (name: string) => {
    const res = await request.post(`/api/v1/projects/${projectId}/entities`, { headers: as("annotator1"), data: { name, type: "person" } });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const keptId = await create(`Lukashenko ${tag}`);
  const mergedId = await create(`Lukashenka ${tag}`);
  const quote = await annotateAs(request, "annotator1", documentId, {
    type: "QUOTE",
    ...codePointSpan(text, "“We will not give in,”"),
    attributes: { form: "direct", speaker: { id: mergedId } },
  });

  await page.goto(`/projects/${projectId}`);
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Speakers" }).click();
  await page.getByLabel("Find a speaker").fill(tag);
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page).toHaveURL(new RegExp(`speakers\\?q=${tag}`));
  const table = page.getByTestId("speakers-table");
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(table.locator(`tr[data-entity="${mergedId}"]`)).toContainText("1");

  // Rename with an empty name: the shared schema's message appears beside the field.
  const keptRow = table.locator(`tr[data-entity="${keptId}"]`);
  await keptRow.getByText("Rename or merge").click();
  const nameField = keptRow.getByLabel("Name", { exact: true });
  await nameField.fill("");
  await keptRow.getByRole("button", { name: "Save speaker" }).click();
  await expect(keptRow.getByRole("alert")).toContainText("Name is required");
  await nameField.fill(`Alexander Lukashenko ${tag}`);
  await keptRow.getByRole("button", { name: "Save speaker" }).click();
  await expect(keptRow.getByText("Saved.")).toBeVisible();

  // Merge the other spelling into it.
  const mergedRow = table.locator(`tr[data-entity="${mergedId}"]`);
  await mergedRow.getByText("Rename or merge").click();
  await mergedRow.getByLabel(`Merge “Lukashenka ${tag}” into`).selectOption(keptId);
  await mergedRow.getByRole("button", { name: "Merge" }).click();
  await expect(table.locator(`tr[data-entity="${mergedId}"]`)).toHaveCount(0);
  await expect(table.locator(`tr[data-entity="${keptId}"]`)).toContainText(`Lukashenka ${tag}`);

  const mine = (await (await request.get(`/api/v1/documents/${documentId}/annotations?layer=mine`, { headers: as("annotator1") })).json()) as {
    items: { id: string; speaker: { id: string; name: string } | null }[];
  };
  expect(mine.items.find((a) => a.id === quote.id)?.speaker).toMatchObject({ id: keptId, name: `Alexander Lukashenko ${tag}` });
});
