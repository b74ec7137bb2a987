import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { BASE_URL } from "../../playwright.config";
import { as, demoProjectId } from "./helpers";
import { DEMO_PASSWORD, ROLES, storageStateOf } from "../fixtures";

// A second `npm start` on the same data folder, web only (WORKERS=0): it shares the first one's
// database and secret, as a second instance behind a load balancer would.
const root = path.resolve(__dirname, "../..");
const SECOND = `http://127.0.0.1:${Number(new URL(BASE_URL).port) + 100}`;
let second: ChildProcess | null = null;

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async ({ request }) => {
  test.setTimeout(180_000);
  second = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, STANCEBENCH_DATA_DIR: path.join(root, ".data", "e2e"), PORT: new URL(SECOND).port, WORKERS: "0", DATABASE_URL: "" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (const end = Date.now() + 170_000; Date.now() < end; ) {
    const ok = await request.get(`${SECOND}/api/v1/health`).then((r) => r.ok()).catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the second instance did not start");
});

test.afterAll(async () => {
  if (!second || second.exitCode !== null) return;
  const exited = new Promise((resolve) => second!.once("exit", resolve));
  second.kill("SIGTERM");
  await exited;
});

test("a session signed in on one instance works on the other", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("manager") });
  const session = await (await context.request.get(`${SECOND}/api/auth/session`)).json();
  expect(session.user.email).toBe(ROLES.manager);
  await context.close();
});

test("sign-in throttling counts failures made on both instances", async ({ request }) => {
  const email = `throttle-${crypto.randomUUID().slice(0, 8)}@example.com`;
  expect((await request.post("/api/v1/users", { headers: as("admin"), data: { email, name: "Throttle", password: "long enough" } })).status()).toBe(201);
  for (let i = 0; i < 10; i++) {
    const base = i % 2 === 0 ? BASE_URL : SECOND;
    expect((await request.post(`${base}/api/v1/auth/token`, { data: { email, password: `bad-${i}` } })).status()).toBe(401);
  }
  // Five failures on each: neither instance alone saw ten, together they did.
  expect((await request.post(`${SECOND}/api/v1/auth/token`, { data: { email, password: "long enough" } })).status()).toBe(429);
  expect((await request.post(`${BASE_URL}/api/v1/auth/token`, { data: { email, password: "long enough" } })).status()).toBe(429);
  expect((await request.post(`${SECOND}/api/v1/auth/token`, { data: { email: ROLES.reviewer, password: DEMO_PASSWORD, name: "e2e-2" } })).status()).toBe(201);
});

test("a save with a stale version is 409 across instances", async ({ request }) => {
  const projectId = await demoProjectId(request);
  const docs = (await (await request.get(`/api/v1/projects/${projectId}/documents?limit=100`, { headers: as("manager") })).json()) as { items: { id: string; title: string }[] };
  const doc = docs.items.find((d) => d.title === "Moscow and Beijing are global partners")!;
  const id = crypto.randomUUID();
  const speaker = { name: `Instances speaker ${Date.now()}` };
  const created = await request.post(`/api/v1/documents/${doc.id}/annotations`, { headers: as("annotator2"), data: { id, type: "QUOTE", start: 0, end: 6, attributes: { form: "indirect", speaker } } });
  expect(created.status()).toBe(201);
  const speakerId = ((await created.json()) as { speaker: { id: string } }).speaker.id;
  const patch = (base: string, form: string) =>
    request.patch(`${base}/api/v1/annotations/${id}`, { headers: as("annotator2"), data: { version: 1, attributes: { form, speaker: { id: speakerId } } } });
  expect((await patch(SECOND, "direct")).status()).toBe(200);
  const stale = await patch(BASE_URL, "mixed");
  expect(stale.status()).toBe(409);
  expect(((await stale.json()) as { error: { current: { version: number } } }).error.current.version).toBe(2);
  expect((await request.delete(`${SECOND}/api/v1/annotations/${id}?version=2`, { headers: as("annotator2") })).status()).toBe(204);
});

test("an import queued on the web-only instance is worked by the other's worker process", async ({ request }) => {
  const projectId = await demoProjectId(request);
  const text = `Instances article ${crypto.randomUUID()}. It has two sentences.`;
  const started = await request.post(`${SECOND}/api/v1/projects/${projectId}/imports`, {
    headers: as("manager"),
    multipart: { file: { name: "instances.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(JSON.stringify({ title: "Instances", text }) + "\n") } },
  });
  expect(started.status()).toBe(202);
  const { taskId } = (await started.json()) as { taskId: string };
  await expect
    .poll(async () => ((await (await request.get(`${SECOND}/api/v1/tasks/${taskId}`, { headers: as("manager") })).json()) as { status: string }).status, { timeout: 30_000 })
    .toBe("DONE");
});
