import { expect, test, type APIRequestContext } from "@playwright/test";
import { HOSTILE_SHAPES, hostileArticle } from "../../tests/scaling/ingest-shapes";
import { as } from "./helpers";

test.use({ storageState: { cookies: [], origins: [] } });

/**
 * Another client asks for /api/v1/health and the project list back to back until `done` resolves,
 * and counts the answers it got meanwhile. If the import ran on the web server's event loop, no
 * answer could arrive until the import ended.
 */
function probeWhile(request: APIRequestContext, done: Promise<unknown>) {
  let finished = false;
  void done.finally(() => (finished = true));
  const statuses: number[] = [];
  const loop = (async () => {
    while (!finished) {
      statuses.push((await request.get("/api/v1/health")).status());
      statuses.push((await request.get("/api/v1/projects", { headers: as("annotator1") })).status());
    }
  })();
  return async () => {
    await loop;
    return statuses;
  };
}

test("a 2 MB one-line article and a 1 MB article of hostile shapes import while other requests keep answering", async ({ request }) => {
  test.setTimeout(300_000);
  const created = await request.post("/api/v1/projects", { headers: as("admin"), data: { name: `Hostile text ${Date.now()}` } });
  expect(created.status()).toBe(201);
  const { id: projectId } = (await created.json()) as { id: string };
  const url = `/api/v1/projects/${projectId}/documents`;

  const articles = [
    { title: "One line, 2 MB", text: `${HOSTILE_SHAPES.oneLineArticle!(2 * 1024 * 1024)} ${Date.now()}.` },
    { title: "Hostile shapes, 1 MB", text: `${hostileArticle(1024 * 1024)}\n\n${Date.now()}.` },
  ];
  for (const article of articles) {
    const imported = request.post(url, { headers: as("admin"), data: article });
    const answered = probeWhile(request, imported);
    const response = await imported;
    const statuses = await answered();
    expect(response.status(), await response.text()).toBe(201);
    const { results } = (await response.json()) as { results: { id: string; sentenceCount: number }[] };
    expect(results[0]!.sentenceCount).toBeGreaterThan(1000);
    // Every probe answered 200, and several answered while the import was still running.
    expect(statuses.every((s) => s === 200), statuses.join(",")).toBe(true);
    expect(statuses.length).toBeGreaterThanOrEqual(6);

    // The worker then runs the suggesters on it (claims with figures, "said" cues): they finish.
    const documentId = results[0]!.id;
    await expect
      .poll(async () => {
        const res = await request.get(`/api/v1/documents/${documentId}/suggestions`, { headers: as("admin") });
        return ((await res.json()) as { items: unknown[] }).items.length;
      }, { timeout: 180_000, intervals: [1_000] })
      .toBeGreaterThan(0);
  }
});

test("an article over the size limit is refused with 413 and a JSON error, and nothing is stored", async ({ request }) => {
  const created = await request.post("/api/v1/projects", { headers: as("admin"), data: { name: `Too big ${Date.now()}` } });
  const { id: projectId } = (await created.json()) as { id: string };
  const res = await request.post(`/api/v1/projects/${projectId}/documents`, { headers: as("admin"), data: { title: "Too big", text: HOSTILE_SHAPES.noBoundary!(5 * 1024 * 1024 + 100) } });
  expect(res.status()).toBe(413);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBeTruthy();
  const list = await request.get(`/api/v1/projects/${projectId}/documents`, { headers: as("admin") });
  expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(0);
});
