import { expect, test } from "@playwright/test";
import { as, demoProjectId } from "../api/helpers";
import { storageStateOf } from "../fixtures";

test.use({ storageState: storageStateOf("manager") });

test("manager flips a segment and corrects the language; a bad code is refused next to the field", async ({ page, request }) => {
  const projectId = await demoProjectId(request);
  const imported = await request.post(`/api/v1/projects/${projectId}/documents`, {
    headers: as("manager"),
    data: { text: `Reader check ${Date.now()}\n\nThe talks went well, the ministry said.\n\nSubscribe to our newsletter.` },
  });
  expect(imported.status()).toBe(201);
  const documentId = ((await imported.json()) as { results: { id: string }[] }).results[0]!.id;

  await page.goto(`/projects/${projectId}/documents/${documentId}`);
  const row = page.getByTestId("sentence-list").locator('[data-sentence="1"]');
  await expect(row).toHaveAttribute("data-kind", "content");
  await row.getByRole("button", { name: "mark boilerplate" }).click();
  await expect(row).toHaveAttribute("data-kind", "boilerplate");
  await page.reload();
  await expect(page.getByTestId("sentence-list").locator('[data-sentence="1"]')).toHaveAttribute("data-kind", "boilerplate");

  await page.getByLabel("Language", { exact: true }).fill("english!");
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Use an ISO 639 code such as en, ru or und" })).toBeVisible();
  await page.getByLabel("Language", { exact: true }).fill("ru");
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Language saved." })).toBeVisible();
  const saved = (await (await request.get(`/api/v1/documents/${documentId}`, { headers: as("manager") })).json()) as { language: string };
  expect(saved.language).toBe("ru");
});
