import { expect, test, type APIRequestContext } from "@playwright/test";
import { as } from "../api/helpers";
import { annotateAs, assignedArticle } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";
import { openAnnotator, overflowingIn, overlappingRows, selectText } from "./annotator-helpers";

test.use({ storageState: storageStateOf("annotator1") });

type Annotation = { id: string; type: string; start: number | null; end: number | null; sentenceIndex: number | null; attributes: Record<string, unknown> };

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function mine(request: APIRequestContext, documentId: string): Promise<Annotation[]> {
  const res = await request.get(`/api/v1/documents/${documentId}/annotations?layer=mine`, { headers: as("annotator1") });
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { items: Annotation[] }).items;
}

/** `count` numbered sentences, each its own paragraph, long enough to wrap over several lines. */
function longSentences(count: number, boilerplateEvery = 0) {
  const lines = [`Annotator layout ${stamp()}`];
  for (let i = 1; i <= count; i++) {
    lines.push(
      `Sentence number ${i} says that the delegations discussed trade, energy supplies, the settlement of payments in national currencies, the grain corridor and the schedule of further consultations between the ministries of both countries in considerable detail over ${i + 2} hours.`,
    );
    if (boilerplateEvery && i % boilerplateEvery === 0) lines.push("Subscribe to our Telegram channel");
  }
  return lines.join("\n\n");
}

test("collapsing boilerplate keeps rows stacked, and the setting survives a reload", async ({ page, request }) => {
  const { projectId, documentId } = await assignedArticle(request, longSentences(30, 1));
  const url = `/projects/${projectId}/documents/${documentId}/annotate`;
  await openAnnotator(page, url);
  const text = page.getByTestId("annotator-text");
  await expect(text.locator('[data-kind="boilerplate"]').first()).toBeVisible();
  await expect.poll(() => overlappingRows(page)).toBe(0);

  await page.keyboard.press("b");
  await expect(page.getByTestId("hide-boilerplate")).toBeChecked();
  await expect(text.locator('[data-kind="boilerplate"]')).toHaveCount(0);
  await expect.poll(() => overlappingRows(page)).toBe(0);
  // Scrolled to the end, the rows below the first screen stack too.
  await text.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => overlappingRows(page)).toBe(0);

  await page.reload();
  await expect(page.getByTestId("annotator")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("hide-boilerplate")).toBeChecked();
  await expect(text.locator('[data-kind="boilerplate"]')).toHaveCount(0);
  await expect.poll(() => overlappingRows(page)).toBe(0);

  // Unticking brings the boilerplate back, still stacked, and that is remembered too.
  await page.getByTestId("hide-boilerplate").uncheck();
  await expect(text.locator('[data-kind="boilerplate"]').first()).toBeVisible();
  await expect.poll(() => overlappingRows(page)).toBe(0);
  await page.reload();
  await expect(page.getByTestId("hide-boilerplate")).not.toBeChecked();
});

test("accepting a suggestion identical to an existing annotation does not duplicate it", async ({ page, request }) => {
  const text = [`Talks in Beijing ${stamp()}`, "", "Putin and Xi met on Tuesday (the meeting lasted three hours — Approx. InoSMI).", "Trade grew by 30 percent in 2023, a record."].join("\n");
  const { projectId, documentId } = await assignedArticle(request, text);
  type Suggestion = { id: string; type: string; status: string; start: number; end: number };
  const suggestions = async () =>
    ((await (await request.get(`/api/v1/documents/${documentId}/suggestions`, { headers: as("annotator1") })).json()) as { items: Suggestion[] }).items;
  await expect.poll(async () => (await suggestions()).some((s) => s.type === "EDITORIAL"), { timeout: 30_000 }).toBe(true);
  const editorial = (await suggestions()).find((s) => s.type === "EDITORIAL")!;
  // The annotator already marked exactly this span (say, before the suggestions arrived).
  const existing = await annotateAs(request, "annotator1", documentId, { type: "EDITORIAL", start: editorial.start, end: editorial.end, attributes: { kind: "editor-aside" } });

  await openAnnotator(page, `/projects/${projectId}/documents/${documentId}/annotate`);
  // Suggestions load once the page is up, not with it.
  await expect(page.getByTestId("suggestions")).toContainText(/\([1-9]\d* pending\)/);
  await page.keyboard.press("s");
  await expect(page.getByTestId("active-suggestion")).toHaveAttribute("data-suggestion", editorial.id);
  await page.keyboard.press("a");
  await expect(page.getByTestId("annotator-notice")).toContainText("already");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  await expect.poll(async () => (await suggestions()).find((s) => s.id === editorial.id)?.status).toBe("ACCEPTED");
  const layer = await mine(request, documentId);
  expect(layer.map((a) => a.id)).toEqual([existing.id]);
});

test("a span made with the mouse moves the keyboard focus to its sentence", async ({ page, request }) => {
  const { projectId, documentId } = await assignedArticle(request, longSentences(20));
  await openAnnotator(page, `/projects/${projectId}/documents/${documentId}/annotate`);
  await expect(page.getByTestId("sentence-panel")).toContainText("Sentence 1");

  // Sentence 14 (index 13: the title is sentence 1): select words with the mouse, make a claim.
  await page.locator('[data-sentence="13"]').scrollIntoViewIfNeeded();
  await selectText(page, 13, "Sentence number 13 says");
  await expect(page.getByTestId("sentence-panel")).toContainText("Sentence 14");
  await page.keyboard.press("c");
  await expect(page.getByTestId("span-form")).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("span-form")).toHaveCount(0);
  await expect(page.getByTestId("sentence-panel")).toContainText("Sentence 14");
  await expect(page.locator('[data-sentence="13"]')).toHaveAttribute("data-focused", "true");

  // y labels sentence 14, not sentence 1.
  await page.keyboard.press("y");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  const labels = (await mine(request, documentId)).filter((a) => a.sentenceIndex !== null);
  expect(labels.map((a) => a.sentenceIndex)).toEqual([13]);
});

test("the quote form stays inside the side panel at 1440 px, with a long speaker registry", async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { projectId, documentId } = await assignedArticle(request, longSentences(3));
  const created = await request.post(`/api/v1/projects/${projectId}/entities`, {
    headers: as("manager"),
    data: { name: `Ministry of Foreign Affairs of the Russian Federation ${stamp()}`, type: "organisation", aliases: ["Russian Foreign Ministry", "MFA of Russia", "Smolenskaya Square"] },
  });
  expect(created.status()).toBe(201);
  await openAnnotator(page, `/projects/${projectId}/documents/${documentId}/annotate`);
  await page.keyboard.press("j");
  await page.keyboard.press("q");
  await expect(page.getByTestId("span-form")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create speaker" })).toBeVisible();
  expect(await overflowingIn(page, "side-panel")).toEqual([]);
});

test("sentence-label badges leave the sentence its width", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const { projectId, documentId } = await assignedArticle(request, longSentences(3));
  await annotateAs(request, "annotator1", documentId, {
    sentenceIndex: 1,
    labels: { checkworthy: "yes", stance: [{ target: "Russia–China partnership", value: 2 }, { target: "United States / the West", value: -1 }] },
  });
  await openAnnotator(page, `/projects/${projectId}/documents/${documentId}/annotate`);
  const labelled = page.locator('[data-sentence="1"]');
  await expect(labelled.getByTestId("sentence-labels")).toContainText("check-worthy: yes");
  const width = (sentence: number) => page.locator(`[data-sentence="${sentence}"] [data-cp]`).first().evaluate((el) => el.parentElement!.getBoundingClientRect().width);
  // The labelled sentence's text is (nearly) as wide as an unlabelled one's.
  expect(await width(1)).toBeGreaterThan(0.9 * (await width(2)));
});
