import { expect, test } from "@playwright/test";
import { as } from "../api/helpers";
import { assignedArticle } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";

test.use({ storageState: storageStateOf("annotator1") });

test("annotator searches, sees a bad query explained, narrows by facet, opens the match highlighted, saves the search and annotates matches", async ({ page, request }) => {
  // Many steps through several pages; on a slow machine it needs more than the default minute.
  test.setTimeout(120_000);
  const tag = `zq${Date.now().toString(36)}`;
  const text = `Talks ${tag}\n\n🚀 The minister praised the ${tag}partnership on Monday.\n\nCritics said the ${tag}partnership was hollow.`;
  const { projectId, documentId } = await assignedArticle(request, text);

  await page.goto(`/projects/${projectId}`);
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Search" }).click();
  await expect(page.getByTestId("search")).toBeVisible();

  // A malformed query: the message appears, no results.
  await page.getByLabel("Search text").fill(`"${tag}partnership`);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("alert").first()).toContainText("opening quote");

  // A prefix query finds both sentences; the URL holds the search.
  await page.getByLabel("Search text").fill(`${tag}partner*`);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`search\\?q=${tag}partner`));
  await expect(page.getByTestId("search-total")).toContainText("2 matching sentences");
  const results = page.getByTestId("search-results");
  await expect(results.locator(`[data-document="${documentId}"]`)).toHaveCount(1);
  await expect(results.locator("mark").first()).toHaveText(`${tag}partnership`);

  // A facet narrows the search and shows as a removable chip.
  await page.getByTestId("facets").locator('a[data-facet="language"]').first().click();
  await expect(page.getByTestId("filter-chips")).toContainText("Language:");
  await expect(page.getByTestId("search-total")).toContainText("2 matching sentences");

  // Save it, then navigate by keyboard and open the second match in the reader.
  await page.getByLabel("Saved search name").fill(`Partnership ${tag}`);
  await page.getByRole("button", { name: "Save search" }).click();
  await expect(page.getByTestId("saved-searches").getByRole("link", { name: `Partnership ${tag}` })).toBeVisible();
  await page.getByTestId("search-total").click();
  await page.keyboard.press("j");
  await expect(results.locator('[data-hit-index="1"]')).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("x");
  await page.keyboard.press("k");
  await page.keyboard.press("x");
  await expect(page.getByTestId("annotate-matches")).toContainText("2 selected");
  await page.getByLabel("Span type for selected matches").selectOption("CLAIM");
  await page.getByRole("button", { name: "Annotate selected matches" }).click();
  await expect(page.getByTestId("annotate-matches").getByRole("status")).toContainText("Created 2 CLAIM spans");
  const mine = (await (await request.get(`/api/v1/documents/${documentId}/annotations?layer=mine`, { headers: as("annotator1") })).json()) as { items: { type: string; text: string }[] };
  expect(mine.items.filter((a) => a.type === "CLAIM").map((a) => a.text)).toEqual([`${tag}partnership`, `${tag}partnership`]);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("annotate-matches").getByRole("status")).toContainText("2 removed");

  await page.getByTestId("search-total").click();
  await page.keyboard.press("j");
  await expect(results.locator('[data-hit-index="1"]')).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("reader")).toBeVisible();
  await expect(page.getByTestId("match")).toHaveText(`${tag}partnership`);
  await expect(page.getByTestId("match")).toBeInViewport();
  await expect(page.locator('[data-sentence]').filter({ has: page.getByTestId("match") })).toContainText("Critics said");
});
