import { expect, test } from "@playwright/test";
import { as } from "../api/helpers";
import { annotateAs, assignedArticle, codePointSpan } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";
import { openAnnotator } from "./annotator-helpers";

test.use({ storageState: storageStateOf("annotator1") });

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test("a span's stance, speaker and cue show in the text's tooltip and in the annotation list", async ({ page, request }) => {
  const sentence = "“We will not give in,” Sergey Lavrov said on Tuesday.";
  const text = [`Lavrov in Ankara ${stamp()}`, "", sentence, "The talks continue."].join("\n");
  const { projectId, documentId } = await assignedArticle(request, text);
  const speaker = `Sergey Lavrov ${stamp()}`;
  const quote = codePointSpan(text, sentence);
  await annotateAs(request, "annotator1", documentId, {
    type: "QUOTE",
    ...quote,
    attributes: { form: "direct", speaker: { name: speaker }, cue: codePointSpan(text, "said"), stance: [{ target: "Ukraine", value: -1 }] },
  });

  await openAnnotator(page, `/projects/${projectId}/documents/${documentId}/annotate`);
  const piece = page.getByTestId("annotator-text").locator("[data-ids]").first();
  // Its first line (a pending suggestion on the same words would add a second).
  await expect.poll(async () => (await piece.getAttribute("title"))?.split("\n")[0]).toBe(`QUOTE · Ukraine −1 (against) · speaker: ${speaker} · cue: “said” · form: direct`);
  await expect(page.getByTestId("annotation-summary")).toHaveText(`Ukraine −1 (against) · speaker: ${speaker} · cue: “said” · form: direct`);
});

test("suggestions can be hidden, and stay hidden after a reload", async ({ page, request }) => {
  const text = [`Talks in Beijing ${stamp()}`, "", "Putin and Xi met on Tuesday (the meeting lasted three hours — Approx. InoSMI).", "Trade grew by 30 percent in 2023, a record."].join("\n");
  const { projectId, documentId } = await assignedArticle(request, text);
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/documents/${documentId}/suggestions`, { headers: as("annotator1") })).json()) as { items: unknown[] }).items.length, { timeout: 30_000 })
    .toBeGreaterThan(0);
  const url = `/projects/${projectId}/documents/${documentId}/annotate`;
  await openAnnotator(page, url);
  const dashed = page.getByTestId("annotator-text").locator("[data-sids]");
  await expect(dashed.first()).toBeVisible();
  await expect(page.getByTestId("suggestions")).toBeVisible();

  await page.getByTestId("hide-suggestions").check();
  await expect(dashed).toHaveCount(0);
  await expect(page.getByTestId("suggestions")).toHaveCount(0);
  // Keys that act on suggestions say why nothing happens (once the checkbox lets go of the focus).
  await page.getByTestId("hide-suggestions").blur();
  await page.keyboard.press("s");
  await expect(page.getByTestId("annotator-notice")).toHaveText("Suggestions are hidden: show them first.");

  await page.reload();
  await expect(page.getByTestId("annotator")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("hide-suggestions")).toBeChecked();
  await expect(dashed).toHaveCount(0);
  await page.getByTestId("hide-suggestions").uncheck();
  await expect(dashed.first()).toBeVisible();
});
