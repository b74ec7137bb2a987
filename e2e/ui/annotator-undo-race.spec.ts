import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { as } from "../api/helpers";
import { assignedArticle } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";
import { openAnnotator } from "./annotator-helpers";

// A sentence label, undo and redo pressed while the save of the previous key is still under way:
// the server must end up with what the page shows, with no conflict and Submit allowed.
test.use({ storageState: storageStateOf("annotator1") });

type Annotation = { id: string; sentenceIndex: number | null; attributes: Record<string, unknown>; version: number };
type Hooks = { __holdOutbox?: boolean; __outboxHeld: (() => void)[]; __releaseOutbox: () => void };

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function labels(request: APIRequestContext, documentId: string): Promise<Annotation[]> {
  const res = await request.get(`/api/v1/documents/${documentId}/annotations?layer=mine`, { headers: as("annotator1") });
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { items: Annotation[] }).items.filter((a) => a.sentenceIndex !== null);
}

async function openFreshDocument(page: Page, request: APIRequestContext) {
  const text = `The first sentence of the race ${stamp()}. The second one is labelled. A third closes it.`;
  const { projectId, documentId } = await assignedArticle(request, text);
  await openAnnotator(page, `/projects/${projectId}/documents/${documentId}/annotate`);
  await page.keyboard.press("j");
  await expect(page.locator('[data-focused="true"]')).toHaveCount(1);
  return documentId;
}

const isWrite = (method: string) => (r: { request(): { method(): string }; url(): string }) => r.request().method() === method && r.url().includes("/annotations");
const isWriteRequest = (method: string) => (r: { method(): string; url(): string }) => r.method() === method && r.url().includes("/annotations");

async function expectSavedAndSubmittable(page: Page, request: APIRequestContext, documentId: string) {
  const labelled = page.locator('[data-focused="true"]').getByTestId("sentence-labels");
  await expect(labelled).toContainText("check-worthy: yes");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  await expect(page.getByTestId("conflict")).toHaveCount(0);
  const saved = await labels(request, documentId);
  expect(saved.map((a) => a.attributes)).toEqual([{ checkworthy: "yes" }]);
  await page.getByTestId("submit-assignment").click();
  await expect(page.getByTestId("read-only")).toContainText("submitted");
}

test("undo pressed after the label was saved, while the page is still writing its outbox", async ({ page, request }) => {
  // Holds the page's IndexedDB commits (the outbox write after each answer) until released.
  await page.addInitScript(() => {
    const w = window as unknown as Hooks;
    w.__outboxHeld = [];
    const add = IDBTransaction.prototype.addEventListener;
    IDBTransaction.prototype.addEventListener = function (this: IDBTransaction, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
      if (type === "complete" && w.__holdOutbox && typeof listener === "function") {
        const original = listener;
        listener = function (this: IDBTransaction, event: Event) {
          if (w.__holdOutbox) w.__outboxHeld.push(() => original.call(this, event));
          else original.call(this, event);
        };
      }
      if (listener) add.call(this, type, listener, options);
    } as typeof add;
    w.__releaseOutbox = () => {
      w.__holdOutbox = false;
      for (const resume of w.__outboxHeld.splice(0)) resume();
    };
  });
  const documentId = await openFreshDocument(page, request);
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  await page.evaluate(() => void ((window as unknown as Hooks).__holdOutbox = true));

  const created = page.waitForResponse(isWrite("POST"));
  await page.keyboard.press("y");
  expect((await created).status()).toBe(201);
  // Two held writes: the change itself, then the one after the server's answer was taken in.
  await expect.poll(() => page.evaluate(() => (window as unknown as Hooks).__outboxHeld.length)).toBeGreaterThanOrEqual(2);

  const labelled = page.locator('[data-focused="true"]').getByTestId("sentence-labels");
  await page.keyboard.press("Control+z");
  await expect(labelled).toHaveCount(0);
  const deleted = page.waitForResponse(isWrite("DELETE"));
  await page.evaluate(() => (window as unknown as Hooks).__releaseOutbox());
  expect((await deleted).status()).toBe(204);

  await page.keyboard.press("Control+Shift+z");
  await expectSavedAndSubmittable(page, request, documentId);
});

test("label, undo and redo all pressed while the create is held on its way", async ({ page, request }) => {
  const documentId = await openFreshDocument(page, request);
  let releaseCreate = () => {};
  const held = new Promise<void>((resolve) => (releaseCreate = resolve));
  await page.route(/\/api\/v1\/documents\/[^/]+\/annotations$/, async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    await held;
    await route.continue();
  });
  const labelled = page.locator('[data-focused="true"]').getByTestId("sentence-labels");
  const created = page.waitForRequest(isWriteRequest("POST"));
  await page.keyboard.press("y");
  await created;
  await expect(labelled).toContainText("check-worthy: yes");
  await page.keyboard.press("Control+z");
  await expect(labelled).toHaveCount(0);
  await page.keyboard.press("Control+Shift+z");
  await expect(labelled).toContainText("check-worthy: yes");
  releaseCreate();
  await expectSavedAndSubmittable(page, request, documentId);
});
