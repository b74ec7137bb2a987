import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { as } from "../api/helpers";
import { assignedArticle, codePointSpan } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";
import { openAnnotator, selectText } from "./annotator-helpers";

test.use({ storageState: storageStateOf("annotator1") });

type Annotation = { id: string; type: string; start: number | null; end: number | null; sentenceIndex: number | null; attributes: Record<string, unknown>; speaker: { id: string; name: string } | null; version: number };

const corpusDir = path.join(__dirname, "..", "..", "prisma", "seed-data");
const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

/** A fresh article assigned to annotator1 (and annotator2, reviewer), so every test owns its layer. */
async function assignedDocument(request: APIRequestContext, text: string) {
  const { projectId, documentId } = await assignedArticle(request, text);
  return { projectId, documentId, url: `/projects/${projectId}/documents/${documentId}/annotate` };
}

async function mine(request: APIRequestContext, documentId: string): Promise<Annotation[]> {
  const res = await request.get(`/api/v1/documents/${documentId}/annotations?layer=mine`, { headers: as("annotator1") });
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { items: Annotation[] }).items;
}

test("a corpus article annotated by keyboard only: spans, a sentence range, sentence labels, undo/redo, shortcuts, submit", async ({ page, request }) => {
  const file = fs.readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).sort()[0]!;
  const text = `${fs.readFileSync(path.join(corpusDir, file), "utf8")}\n\nE2E keyboard copy ${stamp()}.`;
  const { documentId, url } = await assignedDocument(request, text);
  await openAnnotator(page, url);
  const status = page.getByTestId("sync-status");

  // A claim on the fourth sentence: j j j, c, choose "Yes" in the focused select, Enter.
  for (let i = 0; i < 3; i++) await page.keyboard.press("j");
  await expect(page.locator('[data-row="3"]')).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("c");
  await expect(page.getByTestId("span-form")).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("span-form")).toHaveCount(0);
  await expect(status).toHaveText("Saved");

  // An editorial insertion over two sentences: Shift+J extends the range.
  await page.keyboard.press("j");
  await page.keyboard.press("Shift+J");
  await page.keyboard.press("e");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(status).toHaveText("Saved");

  // Sentence label on the focused sentence, then undo and redo it.
  await page.keyboard.press("j");
  await page.keyboard.press("y");
  const labelled = page.locator('[data-focused="true"]').getByTestId("sentence-labels");
  await expect(labelled).toContainText("check-worthy: yes");
  await page.keyboard.press("Control+z");
  await expect(labelled).toHaveCount(0);
  await page.keyboard.press("Control+Shift+z");
  await expect(labelled).toContainText("check-worthy: yes");
  await expect(status).toHaveText("Saved");

  // The shortcut overlay lists the keys and closes with ? again.
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcut-overlay")).toContainText("Ctrl+Z");
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcut-overlay")).toHaveCount(0);

  const saved = await mine(request, documentId);
  const spans = saved.filter((a) => a.sentenceIndex === null);
  expect(spans.map((a) => a.type).sort()).toEqual(["CLAIM", "EDITORIAL"]);
  expect(spans.find((a) => a.type === "CLAIM")!.attributes).toMatchObject({ checkworthy: "yes" });
  expect(spans.find((a) => a.type === "EDITORIAL")!.attributes).toMatchObject({ kind: "translation-note" });
  const labels = saved.filter((a) => a.sentenceIndex !== null);
  expect(labels).toHaveLength(1);
  expect(labels[0]!.attributes).toEqual({ checkworthy: "yes" });

  // Submit: the layer becomes read-only and type keys no longer open the form.
  await page.getByTestId("submit-assignment").click();
  await expect(page.getByTestId("read-only")).toContainText("submitted");
  await page.keyboard.press("c");
  await expect(page.getByTestId("span-form")).toHaveCount(0);
});

test("a quote with a new speaker, a cue and a stance; markup in the text stays inert", async ({ page, request }) => {
  const id = stamp();
  const speaker = `Speaker ${id}`;
  const text = `Sergey Lavrov said that the partnership between Moscow and Beijing is stronger than ever ${id}.\n\nThe note <img src=x onerror="window.__xss=1"> was in the original.`;
  const { documentId, url } = await assignedDocument(request, text);
  await openAnnotator(page, url);
  await expect(page.getByTestId("annotator-text")).toContainText('<img src=x onerror="window.__xss=1">');
  await expect(page.getByTestId("annotator-text").locator("img")).toHaveCount(0);

  await selectText(page, 0, "Sergey Lavrov said that the partnership");
  await page.keyboard.press("q");
  const form = page.getByTestId("span-form");
  await expect(form).toContainText("Sergey Lavrov said that the partnership");
  await form.getByLabel("Form", { exact: true }).selectOption("direct");
  await form.getByLabel("New speaker name").fill(speaker);
  await form.getByRole("button", { name: "Create speaker" }).click();
  await expect(form.getByTestId("speaker-item")).toHaveText([new RegExp(`^${speaker} · person`)]);

  await selectText(page, 0, "said");
  await form.getByTestId("span-attr-cue").getByRole("button", { name: /Set from selection/ }).click();
  await expect(form.getByTestId("span-attr-cue")).toContainText("“said”");

  await form.getByRole("button", { name: "Add stance" }).click();
  await form.getByLabel("Stance towards Russia–China partnership").selectOption("2");
  await form.getByLabel("Stance towards Russia–China partnership").press("Enter");
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  await expect(page.getByTestId("annotation-list")).toContainText(speaker);

  const [quote] = (await mine(request, documentId)).filter((a) => a.type === "QUOTE");
  expect(quote!.speaker!.name).toBe(speaker);
  expect({ start: quote!.start, end: quote!.end }).toEqual(codePointSpan(text, "Sergey Lavrov said that the partnership"));
  expect(quote!.attributes.cue).toEqual(codePointSpan(text, "said"));
  expect(quote!.attributes).toMatchObject({ form: "direct", stance: [{ target: "Russia–China partnership", value: 2 }] });
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test("offline: five spans survive a reload and are saved exactly once when the connection returns", async ({ page, context, request }) => {
  const id = stamp();
  const sentences = Array.from({ length: 8 }, (_, i) => `Offline sentence number ${i + 1} of ${id}.`);
  const { documentId, url } = await assignedDocument(request, sentences.join(" "));
  await openAnnotator(page, url);

  await context.setOffline(true);
  for (let i = 0; i < 5; i++) {
    if (i > 0) await page.keyboard.press("j");
    await page.keyboard.press("c");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("span-form")).toHaveCount(0);
  }
  await expect(page.getByTestId("sync-status")).toHaveText("Offline — 5 changes pending");

  // A reload needs the page itself, so keep only the API unreachable while reloading. The text is
  // part of the page: the browser keeps it as immutable, but routing turns Playwright's cache off.
  const api = /\/api\/v1\/(?!documents\/[^/]+\/text\?)/;
  await context.route(api, (route) => route.abort("internetdisconnected"));
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByTestId("annotator")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("sync-status")).toHaveText("Offline — 5 changes pending");
  expect(await mine(request, documentId)).toHaveLength(0);

  await context.unroute(api);
  await expect(page.getByTestId("sync-status")).toHaveText("Saved", { timeout: 15_000 });
  const saved = await mine(request, documentId);
  expect(saved).toHaveLength(5);
  expect(saved.every((a) => a.type === "CLAIM" && a.attributes.checkworthy === "yes")).toBe(true);
  expect(new Set(saved.map((a) => a.start)).size).toBe(5);

  // Another reload sends nothing twice.
  await page.reload();
  await expect(page.getByTestId("annotator")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  expect(await mine(request, documentId)).toHaveLength(5);
});

test("two tabs edit the same annotation: the second sees the conflict and keeps its edit", async ({ page, browser, request }) => {
  const id = stamp();
  const { documentId, url } = await assignedDocument(request, `A claim about the partnership ${id}. Another sentence here.`);
  await openAnnotator(page, url);
  await page.keyboard.press("c");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");

  const other = await browser.newContext({ storageState: storageStateOf("annotator1") });
  const second = await other.newPage();
  await openAnnotator(second, url);
  const span = (p: Page) => p.getByTestId("annotator-text").locator("[data-ids]").first();

  // First tab: check-worthy yes → no (version 2).
  await span(page).click();
  await page.getByTestId("span-form").getByLabel("Checkworthy", { exact: true }).selectOption("no");
  await page.getByTestId("span-form").getByRole("button", { name: /Save changes/ }).click();
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");

  // Second tab still has version 1: adds a stance → 409 → conflict with both versions shown.
  await span(second).click();
  const form = second.getByTestId("span-form");
  await form.getByRole("button", { name: "Add stance" }).click();
  await form.getByLabel(/^Stance towards/).first().selectOption("-2");
  await form.getByRole("button", { name: /Save changes/ }).click();
  const conflict = second.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId("conflict-theirs")).toContainText("checkworthy: no");
  await expect(conflict.getByTestId("conflict-mine")).toContainText("stance");

  await conflict.getByRole("button", { name: "Re-apply mine" }).click();
  await expect(second.getByTestId("conflict")).toHaveCount(0);
  await expect(second.getByTestId("sync-status")).toHaveText("Saved");
  const [claim] = await mine(request, documentId);
  expect(claim!.version).toBe(3);
  expect((claim!.attributes.stance as { value: number }[])[0]!.value).toBe(-2);
  await other.close();
});
