import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../fixtures";
import { as, bearer, demoProjectId } from "./helpers";

test.use({ storageState: { cookies: [], origins: [] } });

test("health reports the database", async ({ request }) => {
  const res = await request.get("/api/v1/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", db: "ok" });
});

test("token endpoint: 201 with a token, 401 on a wrong password, 400/415 on bad bodies", async ({ request }) => {
  const ok = await request.post("/api/v1/auth/token", { data: { email: "reviewer@example.com", password: DEMO_PASSWORD } });
  expect(ok.status()).toBe(201);
  const { token } = (await ok.json()) as { token: string };
  const me = await request.get("/api/v1/projects", { headers: bearer(token) });
  expect(me.status()).toBe(200);

  const wrong = await request.post("/api/v1/auth/token", { data: { email: "reviewer@example.com", password: "wrong password" } });
  expect(wrong.status()).toBe(401);
  expect(await wrong.json()).toEqual({ error: { code: "unauthenticated", message: "Invalid email or password." } });

  const notJson = await request.post("/api/v1/auth/token", { headers: { "content-type": "text/plain" }, data: "hello" });
  expect(notJson.status()).toBe(415);
  const malformed = await request.post("/api/v1/auth/token", { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") });
  expect(malformed.status()).toBe(400);
  expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
});

test("throttling: the 11th attempt within a minute is 429 with Retry-After, for a real email", async ({ request }) => {
  // A dedicated user so the demo accounts are not locked for the other specs.
  const created = await request.post("/api/v1/users", {
    headers: as("admin"),
    data: { email: "throttle@example.com", name: "Throttle", password: "long enough" },
  });
  expect(created.status()).toBe(201);
  for (let i = 0; i < 10; i++) {
    const res = await request.post("/api/v1/auth/token", { data: { email: "throttle@example.com", password: `bad-${i}` } });
    expect(res.status()).toBe(401);
  }
  const blocked = await request.post("/api/v1/auth/token", { data: { email: "throttle@example.com", password: "long enough" } });
  expect(blocked.status()).toBe(429);
  const retryAfter = Number(blocked.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
});

test("projects API: list, read, settings validation, members", async ({ request }) => {
  const projectId = await demoProjectId(request);
  const project = await (await request.get(`/api/v1/projects/${projectId}`, { headers: as("annotator1") })).json();
  expect(project.name).toBe("Russia–China coverage");
  expect(project.roles).toEqual(["ANNOTATOR"]);
  // Other specs import into the demo project too, so only the five seeded articles are certain.
  expect(project.documentCount).toBeGreaterThanOrEqual(5);
  expect(project.stanceTargets).toEqual(["Russia–China partnership", "United States / the West", "Ukraine"]);

  const invalid = await request.patch(`/api/v1/projects/${projectId}`, { headers: as("manager"), data: { name: "" } });
  expect(invalid.status()).toBe(400);
  const body = (await invalid.json()) as { error: { code: string; fields: Record<string, string[]> } };
  expect(body.error.code).toBe("validation_failed");
  expect(body.error.fields.name).toEqual(["Name is required"]);

  const unknownMember = await request.post(`/api/v1/projects/${projectId}/members`, {
    headers: as("manager"),
    data: { email: "nobody@example.com", roles: ["ANNOTATOR"] },
  });
  expect(unknownMember.status()).toBe(400);

  const members = await (await request.get(`/api/v1/projects/${projectId}/members`, { headers: as("manager") })).json();
  expect(members.members.map((m: { email: string }) => m.email).sort()).toEqual([
    "annotator1@example.com",
    "annotator2@example.com",
    "manager@example.com",
    "reviewer@example.com",
  ]);
});

test("OpenAPI 3.1 document lists every operation with its schemas", async ({ request }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toContain("/api/v1/projects/{projectId}/members");
  const addMember = doc.paths["/api/v1/projects/{projectId}/members"].post;
  expect(addMember.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/AddMember");
  expect(doc.components.schemas.AddMember.required).toEqual(["email", "roles"]);
});
