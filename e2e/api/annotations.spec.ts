import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { as, demoProjectId } from "./helpers";

test.use({ storageState: { cookies: [], origins: [] } });

// annotator2 is assigned every seeded article; this spec works in annotator2's layer only.
async function seededDocument(request: import("@playwright/test").APIRequestContext) {
  const projectId = await demoProjectId(request);
  const res = await request.get(`/api/v1/projects/${projectId}/documents?limit=100`, { headers: as("manager") });
  const items = ((await res.json()) as { items: { id: string; title: string }[] }).items;
  const doc = items.find((d) => d.title === "Moscow and Beijing are global partners")!;
  const full = (await (await request.get(`/api/v1/documents/${doc.id}`, { headers: as("annotator2") })).json()) as { text: string };
  return { projectId, documentId: doc.id, text: full.text };
}

test("annotations over HTTP: create (idempotent), read back, stale update 409 with current, delete", async ({ request }) => {
  const { projectId, documentId, text } = await seededDocument(request);
  const title = "Moscow and Beijing are global partners";
  expect([...text].slice(0, title.length).join("")).toBe(title);
  const id = crypto.randomUUID();
  const body = { id, type: "QUOTE", start: 0, end: title.length, attributes: { form: "indirect", speaker: { name: `HTTP speaker ${Date.now()}` }, stance: [{ target: "Ukraine", value: 1 }] } };

  const created = await request.post(`/api/v1/documents/${documentId}/annotations`, { headers: as("annotator2"), data: body });
  expect(created.status()).toBe(201);
  const annotation = (await created.json()) as { id: string; version: number; text: string; speaker: { id: string; name: string } };
  expect(annotation.text).toBe(title);
  const retried = await request.post(`/api/v1/documents/${documentId}/annotations`, { headers: as("annotator2"), data: body });
  expect(retried.status()).toBe(200);
  expect(((await retried.json()) as { id: string }).id).toBe(id);

  const entities = (await (await request.get(`/api/v1/projects/${projectId}/entities`, { headers: as("annotator2") })).json()) as { items: { id: string }[] };
  expect(entities.items.map((e) => e.id)).toContain(annotation.speaker.id);

  const mine = (await (await request.get(`/api/v1/documents/${documentId}/annotations?layer=mine`, { headers: as("annotator2") })).json()) as { items: { id: string }[] };
  expect(mine.items.filter((a) => a.id === id)).toHaveLength(1);

  const patched = await request.patch(`/api/v1/annotations/${id}`, { headers: as("annotator2"), data: { version: 1, attributes: { form: "direct", speaker: { id: annotation.speaker.id } } } });
  expect(patched.status()).toBe(200);
  const stale = await request.patch(`/api/v1/annotations/${id}`, { headers: as("annotator2"), data: { version: 1, attributes: { form: "mixed", speaker: { id: annotation.speaker.id } } } });
  expect(stale.status()).toBe(409);
  const conflict = (await stale.json()) as { error: { code: string; current: { version: number; attributes: { form: string } } } };
  expect(conflict.error.code).toBe("stale_version");
  expect(conflict.error.current).toMatchObject({ version: 2, attributes: { form: "direct" } });

  const bad = await request.post(`/api/v1/documents/${documentId}/annotations`, { headers: as("annotator2"), data: { type: "QUOTE", start: 3, end: 2, attributes: {} } });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields.end).toEqual(["start must be before end"]);

  const otherLayer = await request.patch(`/api/v1/annotations/${id}`, { headers: as("annotator1"), data: { version: 2 } });
  expect(otherLayer.status()).toBe(403);

  expect((await request.delete(`/api/v1/annotations/${id}?version=1`, { headers: as("annotator2") })).status()).toBe(409);
  expect((await request.delete(`/api/v1/annotations/${id}?version=2`, { headers: as("annotator2") })).status()).toBe(204);
  expect((await request.patch(`/api/v1/annotations/${id}`, { headers: as("annotator2"), data: { version: 2 } })).status()).toBe(404);
});
