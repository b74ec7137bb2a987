import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { as } from "../api/helpers";
import { annotateAs, assignedArticle, codePointSpan, submitAs } from "../api/workflow-helpers";
import { storageStateOf, type RoleName } from "../fixtures";

// The whole review loop on a fresh article: two annotators disagree on a speaker, the reviewer
// returns one assignment with a comment, the annotator sees it and fixes their work, the reviewer
// resolves the remaining disagreement by keyboard and signs off; the timeline shows every step.
const TEXT = [
  `Review loop headline ${Date.now()}`,
  "",
  "The minister said the talks were a success.",
  "“We will meet again in spring,” the spokesman noted.",
  "Trade grew by 12 percent last year.",
].join("\n");
const cp = (needle: string) => codePointSpan(TEXT, needle);

async function annotate(request: APIRequestContext, documentId: string, role: RoleName, speaker: string) {
  await annotateAs(request, role, documentId, { type: "CLAIM", ...cp("Trade grew by 12 percent last year."), attributes: { checkworthy: "yes" } });
  const quote = await annotateAs(request, role, documentId, { type: "QUOTE", ...cp("“We will meet again in spring,”"), attributes: { form: "direct", speaker: { name: speaker } } });
  return quote.id;
}

const pageAs = async (browser: Browser, role: RoleName) => (await browser.newContext({ storageState: storageStateOf(role) })).newPage();

test("two annotators disagree, the reviewer returns one, the annotator fixes it, the reviewer resolves and signs off", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const { projectId, documentId } = await assignedArticle(request, TEXT);
  const documentUrl = `/projects/${projectId}/documents/${documentId}`;

  await annotate(request, documentId, "annotator1", "Dmitry Peskov");
  const quote2 = await annotate(request, documentId, "annotator2", "Peskov's deputy");
  await submitAs(request, "annotator1", documentId);
  await submitAs(request, "annotator2", documentId);

  // The reviewer returns annotator2's work with a comment, in the browser.
  const reviewer = await pageAs(browser, "reviewer");
  await reviewer.goto(documentUrl);
  const annotator2Row = reviewer.getByTestId("assignments-panel").getByTestId("assignment-row").filter({ hasText: "Boris Annotator" });
  await annotator2Row.getByTestId("return-assignment").click();
  await reviewer.getByLabel("What should Boris Annotator fix?").fill("The quote is by the spokesman <b>Dmitry Peskov</b>.");
  await reviewer.getByRole("button", { name: "Return to annotator" }).click();
  await expect(annotator2Row).toContainText(/in progress/i);

  // A comment thread on the document, with inert markup.
  await reviewer.getByLabel("New comment").fill("Check the cue words too <img src=x onerror=alert(1)>");
  await reviewer.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(reviewer.getByTestId("comments-panel").getByText("Check the cue words too <img src=x onerror=alert(1)>")).toBeVisible();

  // annotator2 sees the returned work and the comment, fixes the speaker and submits again.
  const annotator2 = await pageAs(browser, "annotator2");
  await annotator2.goto(documentUrl);
  await expect(annotator2.getByTestId("returned-banner")).toContainText("The quote is by the spokesman <b>Dmitry Peskov</b>.");
  const history = (await (await request.get(`/api/v1/documents/${documentId}/annotations?layer=mine`, { headers: as("annotator2") })).json()) as { items: { id: string; version: number }[] };
  const version = history.items.find((a) => a.id === quote2)!.version;
  const fixed = await request.patch(`/api/v1/annotations/${quote2}`, { headers: as("annotator2"), data: { version, attributes: { form: "indirect", speaker: { name: "Dmitry Peskov" } } } });
  expect(fixed.status()).toBe(200);
  await submitAs(request, "annotator2", documentId);

  // Review: the claim and the speaker now agree; the quote's form still differs.
  await reviewer.goto(`${documentUrl}/review`);
  await expect(reviewer.getByTestId("review")).toHaveAttribute("data-ready", "true");
  await reviewer.getByTestId("start-review").click();
  await expect(reviewer.getByTestId("document-state")).toHaveText(/in review/i);
  await expect(reviewer.getByTestId("open-count")).toHaveText("1");

  // Signing off with an open disagreement is refused and lists it.
  await reviewer.getByTestId("sign-off").click();
  await expect(reviewer.getByTestId("open-list").locator("li")).toHaveCount(1);

  // Keyboard: 1 stages annotator 1's version, Enter confirms.
  await expect(reviewer.getByTestId("match-panel")).toBeVisible();
  await reviewer.keyboard.press("1");
  await reviewer.keyboard.press("Enter");
  await expect(reviewer.getByTestId("open-count")).toHaveText("0");
  await reviewer.getByTestId("sign-off").click();
  await expect(reviewer.getByTestId("document-state")).toHaveText(/signed off/i);

  const gold = (await (await request.get(`/api/v1/documents/${documentId}/annotations?layer=gold`, { headers: as("reviewer") })).json()) as {
    items: { type: string; attributes: { form?: string }; speaker: { name: string } | null }[];
  };
  expect(gold.items.find((a) => a.type === "QUOTE")).toMatchObject({ attributes: { form: "direct" }, speaker: { name: "Dmitry Peskov" } });
  expect(gold.items.filter((a) => a.type === "CLAIM")).toHaveLength(1);

  // The timeline on the document page shows the whole loop, one kind of event at a time (it pages).
  const timeline = reviewer.getByTestId("timeline");
  for (const [kind, actions] of [["workflow", ["assignment.submit", "assignment.return", "document.sign_off"]], ["annotations", ["annotation.update"]]] as const) {
    await reviewer.goto(documentUrl);
    await timeline.getByTestId("timeline-filter").getByRole("link", { name: kind, exact: true }).click();
    await expect(reviewer).toHaveURL(new RegExp(`events=${kind}`));
    for (const action of actions) await expect(timeline.locator(`li[data-action="${action}"]`).first()).toBeVisible();
    await expect(timeline.locator(`li:not([data-action^="${kind === "workflow" ? "assignment." : "annotation."}"]):not([data-action^="document."])`)).toHaveCount(0);
  }
  expect(await reviewer.evaluate(() => document.querySelectorAll("img[src='x']").length)).toBe(0);
});
