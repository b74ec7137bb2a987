import { expect, test, type Page } from "@playwright/test";
import { assignedArticle } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";

test.use({ storageState: storageStateOf("annotator1") });

// The annotator fetches the document's text apart from the page. A failed fetch must say why in
// the page (the server's message, else a plain sentence), never crash it, and "Try again" recovers.
const TEXT_URL = /\/api\/v1\/documents\/[^/]+\/text(\?|$)/;

async function openWithText(page: Page, url: string, answer: "not-found" | "malformed" | "offline") {
  await page.route(TEXT_URL, (route) => {
    if (answer === "offline") return route.abort("internetdisconnected");
    if (answer === "malformed") return route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ sha256: "x", text: 42 }) });
    return route.fulfill({ status: 404, contentType: "application/json", body: JSON.stringify({ error: { code: "not_found", message: "Document gone: it was deleted meanwhile." } }) });
  });
  await page.goto(url);
}

test("a failed text fetch shows a clear message, and Try again loads the annotator", async ({ page, request }) => {
  const { projectId, documentId } = await assignedArticle(request, `Text load ${Date.now()}\n\nThe ministers met in Beijing on Tuesday.`);
  const url = `/projects/${projectId}/documents/${documentId}/annotate`;
  const error = page.getByTestId("annotator-text-error");

  await openWithText(page, url, "not-found");
  await expect(error).toContainText("Document gone: it was deleted meanwhile.");

  await page.unrouteAll({ behavior: "wait" });
  await openWithText(page, url, "malformed");
  // A 2xx answer that is not the text's shape is refused, not handed to the page.
  await expect(error).toContainText("The document's text could not be loaded.");
  await expect(error).not.toContainText("42");

  await page.unrouteAll({ behavior: "wait" });
  await openWithText(page, url, "offline");
  await expect(error).toContainText("check the connection and try again");

  await page.unrouteAll({ behavior: "wait" });
  await error.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByTestId("annotator")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("annotator-text")).toContainText("The ministers met in Beijing on Tuesday.");
});
