import { expect, test } from "@playwright/test";
import { storageStateOf } from "../fixtures";

test.use({ storageState: storageStateOf("manager") });

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

test("manager imports files through the UI, sees progress and per-file results that survive reload", async ({ page }) => {
  await page.goto("/projects");
  await page.getByRole("link", { name: "Russia–China coverage" }).click();
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Import" }).click();
  await page.getByTestId("file-input").setInputFiles([
    { name: "e2e-article.txt", mimeType: "text/plain", buffer: Buffer.from("E2E headline\n\nThe U.S. delegation arrived in St. Petersburg on Monday. Talks lasted 3.5 hours.\n\nВойти") },
    { name: "picture.txt", mimeType: "text/plain", buffer: PNG },
  ]);
  await expect(page.getByTestId("chosen-files").locator("li")).toHaveCount(2);
  await page.getByRole("button", { name: "Import 2 files" }).click();
  await expect(page).toHaveURL(/\/import\?task=/);
  const task = page.getByTestId("import-task");
  await expect(task).toHaveAttribute("data-status", "DONE", { timeout: 30_000 });
  await expect(task.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(task.locator('[data-file="e2e-article.txt"]')).toContainText("imported with 4 sentences");
  await expect(task.locator('[data-file="picture.txt"]')).toContainText("failed — This looks like a PNG");

  await page.reload();
  await expect(page.getByTestId("import-task")).toHaveAttribute("data-status", "DONE");
  await expect(page.locator('[data-file="e2e-article.txt"]')).toContainText("imported with 4 sentences");

  await page.locator('[data-file="e2e-article.txt"]').getByRole("link").click();
  await expect(page.getByTestId("document-title")).toHaveText("E2E headline");
  const rows = page.getByTestId("sentence-list").locator("[data-sentence]");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText("The U.S. delegation arrived in St. Petersburg on Monday.");
  await expect(rows.nth(3)).toHaveAttribute("data-kind", "boilerplate");
  await page.getByTestId("hide-boilerplate").check();
  await expect(rows).toHaveCount(3);
});

test("pasting a duplicate text says so without importing it again", async ({ page }) => {
  await page.goto("/projects");
  await page.getByRole("link", { name: "Russia–China coverage" }).click();
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Import" }).click();
  const text = `Pasted article ${Date.now()}. It is short.`;
  await page.getByLabel("Article text").fill(text);
  await page.getByRole("button", { name: "Import text" }).click();
  await expect(page.getByRole("status")).toContainText("with 2 sentences");
  await page.getByLabel("Article text").fill(text);
  await page.getByRole("button", { name: "Import text" }).click();
  await expect(page.locator(".form-error")).toContainText("already in the project");
});
