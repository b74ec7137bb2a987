import { expect, test } from "@playwright/test";
import { as } from "../api/helpers";
import { assignedArticle } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";
import { openAnnotator } from "./annotator-helpers";

test.use({ storageState: storageStateOf("annotator1") });

type Annotation = { type: string; attributes: Record<string, unknown>; speaker: { id: string; name: string; type: string } | null };

test("a joint quote by keyboard: two speakers created inline (type guessed, one corrected) and whose stance it is", async ({ page, request }) => {
  const id = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const text = `The two leaders said the partnership is stronger than ever ${id}.`;
  const { projectId, documentId } = await assignedArticle(request, text);
  await openAnnotator(page, `/projects/${projectId}/documents/${documentId}/annotate`);

  // The first sentence has the focus: q opens a quote over it, the form's first field has the focus.
  await expect(page.locator('[data-row="0"]')).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("q");
  const form = page.getByTestId("span-form");
  await expect(form).toBeVisible();
  await page.keyboard.press("ArrowDown"); // Form: direct
  await expect(form.getByLabel("Form", { exact: true })).toHaveValue("direct");

  // First speaker: a ministry, guessed as an organisation and kept.
  await form.getByLabel("New speaker name").focus();
  await page.keyboard.type(`Ministry of Defence ${id}`);
  await expect(form.getByLabel("New speaker type")).toHaveValue("organisation");
  await page.keyboard.press("Enter");
  const speakers = form.getByTestId("speaker-item");
  await expect(speakers).toHaveText([new RegExp(`^Ministry of Defence ${id} · organisation`)]);

  // Second speaker: a state capital the guess files as a state; Alt+P corrects it to a person.
  await page.keyboard.type(`Paris ${id}`);
  await expect(form.getByLabel("New speaker type")).toHaveValue("person");
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Beijing");
  await expect(form.getByLabel("New speaker type")).toHaveValue("state");
  await page.keyboard.type(` envoy ${id}`);
  await page.keyboard.press("Alt+s");
  await expect(form.getByTestId("speaker-type-hint")).toContainText("Type: State");
  await page.keyboard.press("Alt+p");
  await expect(form.getByLabel("New speaker type")).toHaveValue("person");
  await page.keyboard.press("Enter");
  await expect(speakers).toHaveText([new RegExp(`^Ministry of Defence ${id} · organisation`), new RegExp(`^Beijing envoy ${id} · person`)]);

  // A stance: a quote's holder starts as the source; "a" makes it the author's.
  await form.getByRole("button", { name: "Add stance" }).focus();
  await page.keyboard.press("Enter");
  const holder = form.getByLabel("Whose stance: Russia–China partnership");
  await expect(holder).toHaveValue("source");
  await holder.focus();
  await page.keyboard.press("a");
  await expect(holder).toHaveValue("author");
  await page.keyboard.press("Enter");
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");

  // Saved: both speakers in order (the second in coSpeakers) and the holder.
  const res = await request.get(`/api/v1/documents/${documentId}/annotations?layer=mine`, { headers: as("annotator1") });
  const [quote] = ((await res.json()) as { items: Annotation[] }).items.filter((a) => a.type === "QUOTE");
  expect(quote!.speaker).toMatchObject({ name: `Ministry of Defence ${id}`, type: "organisation" });
  expect(quote!.attributes.stance).toEqual([{ target: "Russia–China partnership", value: 0, holder: "author" }]);
  const [second] = quote!.attributes.coSpeakers as string[];
  const entities = (await (await request.get(`/api/v1/projects/${projectId}/entities`, { headers: as("annotator1") })).json()) as {
    items?: { id: string; name: string; type: string }[];
  };
  expect(entities.items?.find((e) => e.id === second)).toMatchObject({ name: `Beijing envoy ${id}`, type: "person" });

  // And the form shows them again after a reload.
  await page.reload();
  await expect(page.getByTestId("annotator")).toHaveAttribute("data-ready", "true");
  await page.keyboard.press("]");
  await expect(form.getByTestId("speaker-item")).toHaveCount(2);
  await expect(form.getByLabel("Whose stance: Russia–China partnership")).toHaveValue("author");
});
