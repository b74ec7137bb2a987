import { expect, test } from "@playwright/test";
import { annotateAs, assignedArticle, codePointSpan } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";

test.use({ storageState: storageStateOf("reviewer") });

const TEXT = [`Agreement page headline ${Date.now()}`, "", "The minister said the talks were a success.", "Trade grew by 12 percent last year."].join("\n");
const cp = (needle: string) => codePointSpan(TEXT, needle);

// The agreement tab computes in the background: the first visit starts a run and shows its
// progress, then the result; a save marks it out of date; Recompute shows progress again while the
// last result stays on the page.
test("the agreement page shows progress, then the cached result, then 'out of date' after a save until recomputed", async ({ page, request }) => {
  test.setTimeout(120_000);
  const { projectId, documentId } = await assignedArticle(request, TEXT);
  await annotateAs(request, "annotator1", documentId, { type: "CLAIM", ...cp("Trade grew by 12 percent last year."), attributes: { checkworthy: "yes" } });
  await annotateAs(request, "annotator2", documentId, { type: "CLAIM", ...cp("Trade grew by 12 percent last year."), attributes: { checkworthy: "no" } });

  await page.goto(`/projects/${projectId}/agreement`);
  const status = page.getByTestId("agreement-status");
  // Either this visit started the first run (progress bar) or a result already exists.
  await expect(page.getByTestId("agreement-task").or(page.getByTestId("agreement-fresh")).or(page.getByTestId("agreement-stale"))).toBeVisible();
  if (await page.getByTestId("agreement-stale").isVisible()) await page.getByTestId("agreement-recompute").click();
  await expect(status).toHaveAttribute("data-state", "fresh", { timeout: 60_000 });
  await expect(page.getByTestId("alpha-table")).toBeVisible();
  await expect(page.getByTestId("per-annotator")).toBeVisible();

  // A save through the API (as the annotator's page does) makes the result out of date.
  await annotateAs(request, "annotator1", documentId, { type: "EDITORIAL", ...cp("The minister said"), attributes: { kind: "editor-aside" } });
  await page.reload();
  await expect(page.getByTestId("agreement-stale")).toContainText(/Out of date — computed .* UTC, 1 change since/);
  await expect(page.getByTestId("alpha-table")).toBeVisible();

  await page.getByTestId("agreement-recompute").click();
  // The progress bar, unless the run (one document) ended before the page polled it.
  await expect(page.getByRole("progressbar", { name: "Agreement progress" }).or(page.getByTestId("agreement-fresh"))).toBeVisible();
  await expect(page.getByTestId("alpha-table")).toBeVisible(); // the last result stays while recomputing
  await expect(status).toHaveAttribute("data-state", "fresh", { timeout: 60_000 });
  await expect(page.getByTestId("agreement-stale")).toHaveCount(0);

  // The link survives a reload.
  await page.reload();
  await expect(status).toHaveAttribute("data-state", "fresh");
  await expect(page.getByTestId("alpha-table")).toBeVisible();
});
