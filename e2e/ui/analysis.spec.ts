import { expect, test } from "@playwright/test";
import { as } from "../api/helpers";
import { codePointSpan, signedOffArticle } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";

test.use({ storageState: storageStateOf("manager") });

test("manager reads stance by target, downloads its CSV and drills down to the annotations behind a bar", async ({ page, request }) => {
  // Many steps through several pages; on a slow machine it needs more than the default minute.
  test.setTimeout(120_000);
  const tag = `an${Date.now().toString(36)}`;
  const text = `Summit ${tag}\n\nThe partnership with Washington has failed, officials said.`;
  const target = "United States / the West";
  const claim = { type: "CLAIM", ...codePointSpan(text, "The partnership with Washington has failed"), attributes: { checkworthy: "yes", stance: [{ target, value: -2 }] } };
  const { projectId, documentId } = await signedOffArticle(request, text, [claim]);

  // The API's figure for the target, before and after: the page must show the same.
  const api = await request.get(`/api/v1/projects/${projectId}/analytics/stance?groupBy=target&target=${encodeURIComponent(target)}`, { headers: as("manager") });
  expect(api.status()).toBe(200);
  const row = ((await api.json()) as { rows: { group: { target: string }; n: number; mean: number }[] }).rows[0]!;
  expect(row.n).toBeGreaterThanOrEqual(1);

  await page.goto(`/projects/${projectId}`);
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Analysis" }).click();
  const chart = page.getByTestId("chart-stance-target");
  await expect(chart.locator("svg.recharts-surface")).toBeVisible();
  await expect(chart.locator(`a[data-drill="${target}"]`)).toContainText(`n = ${row.n}`);

  // A bad filter is explained, not a crash.
  await page.goto(`/projects/${projectId}/analysis?from=2026-02-30`);
  await expect(page.getByRole("alert").filter({ hasText: "calendar date" })).toBeVisible();
  await page.goto(`/projects/${projectId}/analysis`);

  // CSV download of the chart's view.
  const csvHref = await chart.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const csv = await request.get(csvHref!, { headers: as("manager") });
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain(`${target},${target},${row.n},`);

  // Drill down: the search lists the gold annotations behind the bar, this one among them.
  await chart.locator(`a[data-drill="${target}"]`).click();
  await expect(page).toHaveURL(/scope=annotations/);
  await expect(page.getByTestId("filter-chips")).toContainText(`Target: ${target}`);
  await expect(page.getByTestId("search-total")).toContainText(`${row.n} annotation`);
  await expect(page.getByTestId("search-results").locator(`[data-document="${documentId}"]`)).toContainText("The partnership with Washington has failed");
});
