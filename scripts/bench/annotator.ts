// npm run bench:annotator  (needs a production build: `npx next build` first)
// Generates a 2,000-sentence / 300-span and a 20,000-sentence / 3,000-span document in a
// throwaway PostgreSQL, starts the built app on a free port, signs in as the assigned annotator
// in headless Chromium and prints, per document: time until the annotator page is interactive
// (data-ready="true"), the time one keypress takes to move the focused sentence, DOM size and JS heap.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { freePort, waitForHealth } from "./app-server";
import { argValue, mb, seededRandom, startBenchDatabase } from "./bench-db";

const root = path.resolve(__dirname, "..", "..");
const PASSWORD = "bench-password-1";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type Created = { id: string; sentences: number; spans: number };

/** One generated document: `count` sentences from the corpus pool, `spans` annotations in the annotator layer. */
async function createDocument(ctx: { projectId: string; userId: string; speakerId: string; pool: string[] }, count: number, spanCount: number): Promise<Created> {
  const { prisma } = await import("../../lib/db/prisma");
  const random = seededRandom(count);
  const parts: string[] = [];
  const sentences: { index: number; start: number; end: number; kind: "CONTENT" | "BOILERPLATE" }[] = [];
  let offset = 0; // code points
  for (let i = 0; i < count; i++) {
    const boilerplate = i % 97 === 0;
    const sentence = boilerplate ? "Read more on our Telegram channel" : ctx.pool[Math.floor(random() * ctx.pool.length)]!;
    const length = Array.from(sentence).length;
    sentences.push({ index: i, start: offset, end: offset + length, kind: boilerplate ? "BOILERPLATE" : "CONTENT" });
    parts.push(sentence);
    // Five sentences to a paragraph.
    const separator = i % 5 === 4 ? "\n\n" : " ";
    offset += length + separator.length;
    parts.push(separator);
  }
  const text = parts.join("");
  const sha = crypto.createHash("sha256").update(text).digest("hex");
  const document = await prisma().document.create({
    data: {
      projectId: ctx.projectId, title: `Bench article: ${count} sentences`, text, textSha256: sha, normalizedHash: `${sha}-${count}`,
      charCount: Array.from(text).length, sentenceCount: count, language: "en", source: "bench", createdById: ctx.userId,
    },
    select: { id: true },
  });
  for (let i = 0; i < sentences.length; i += 5000) {
    await prisma().sentence.createMany({ data: sentences.slice(i, i + 5000).map((s) => ({ ...s, documentId: document.id })) });
  }
  const assignment = await prisma().assignment.create({ data: { documentId: document.id, userId: ctx.userId, role: "ANNOTATOR", state: "IN_PROGRESS" } });
  // Spans spread over the document: every third one a quote with a claim nested inside it.
  const annotations = [];
  const step = Math.max(1, Math.floor(count / spanCount));
  for (let k = 0; k < spanCount; k++) {
    const s = sentences[Math.min(count - 1, k * step)]!;
    const base = { documentId: document.id, layer: "ANNOTATOR" as const, authorId: ctx.userId, assignmentId: assignment.id, start: s.start, end: s.end };
    if (k % 3 === 0) annotations.push({ ...base, id: crypto.randomUUID(), type: "QUOTE", attributes: { form: "direct" }, speakerId: ctx.speakerId });
    else if (k % 3 === 1) annotations.push({ ...base, id: crypto.randomUUID(), type: "CLAIM", start: s.start + 2, end: Math.max(s.start + 3, s.end - 2), attributes: { checkworthy: "yes", stance: [{ target: "Ukraine", value: -1 }] } });
    else annotations.push({ ...base, id: crypto.randomUUID(), type: "EDITORIAL", attributes: { kind: "editor-aside" } });
  }
  for (let i = 0; i < annotations.length; i += 2000) await prisma().annotation.createMany({ data: annotations.slice(i, i + 2000) });
  return { id: document.id, sentences: count, spans: spanCount };
}

async function measure(page: Page, url: string) {
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector('[data-testid="annotator"][data-ready="true"]', { timeout: 120_000 });
  const { readyMs, htmlMs, apiMs } = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const api = performance.getEntriesByType("resource").find((e) => e.name.includes("/annotations?layer=mine"));
    return { readyMs: performance.now(), htmlMs: nav ? nav.responseEnd : 0, apiMs: api ? api.duration : 0 };
  });
  // One keypress: j moves the focus from the first to the second sentence.
  const before = Date.now();
  await page.keyboard.press("j");
  await page.waitForSelector('[data-row="1"][data-focused="true"]');
  const keyMs = Date.now() - before;
  const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
  await cdp.detach();
  return { readyMs, htmlMs, apiMs, keyMs, domNodes, heap };
}

async function main() {
  const runs = argValue("runs", 2);
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("No production build: run `npx next build` first.");
    process.exit(1);
  }
  const db = await startBenchDatabase();
  const { prisma } = await import("../../lib/db/prisma");
  const { hashPassword } = await import("../../lib/auth/password");
  const { defaultLabelSchema } = await import("../../lib/schema/label-schema");

  const corpusDir = path.join(root, "prisma", "seed-data");
  const pool = fs
    .readdirSync(corpusDir)
    .flatMap((f) => fs.readFileSync(path.join(corpusDir, f), "utf8").split(/(?<=[.!?])\s+|\n+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 40 && /[.!?]$/.test(s));
  const email = `bench-annotator-${Date.now()}@example.test`;
  const user = await prisma().user.create({ data: { email, name: "Bench annotator", passwordHash: await hashPassword(PASSWORD) } });
  const project = await prisma().project.create({
    data: { name: "Annotator bench", labelSchema: defaultLabelSchema(), settings: {}, memberships: { create: { userId: user.id, roles: ["ANNOTATOR"] } } },
  });
  const speaker = await prisma().entity.create({ data: { projectId: project.id, name: "Sergey Lavrov", type: "PERSON" } });
  const ctx = { projectId: project.id, userId: user.id, speakerId: speaker.id, pool };
  const documents = [await createDocument(ctx, 2000, 300), await createDocument(ctx, 20000, 3000)];

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const secret = crypto.randomBytes(32).toString("base64url");
  const next = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: secret, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url, STANCEBENCH_MODE: "server", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    await waitForHealth(url, next);
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1400, height: 900 } });
    const csrf = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signIn = await context.request.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email, password: PASSWORD, json: "true" } });
    if (!signIn.ok()) throw new Error(`sign-in failed: HTTP ${signIn.status()}`);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    console.log(`bench:annotator — headless Chromium, ${runs} runs per document (first run is cold)`);
    console.log("document                         run  data-ready  (page HTML  annotations API)   keypress   DOM nodes   JS heap");
    for (const doc of documents) {
      for (let run = 1; run <= runs; run++) {
        const m = await measure(page, `/projects/${project.id}/documents/${doc.id}/annotate`);
        const label = `${doc.sentences.toLocaleString("en")} sentences / ${doc.spans.toLocaleString("en")} spans`.padEnd(32);
        console.log(`${label} ${String(run).padStart(3)}  ${`${m.readyMs.toFixed(0)} ms`.padStart(10)}  (${`${m.htmlMs.toFixed(0)} ms`.padStart(9)}  ${`${m.apiMs.toFixed(0)} ms`.padStart(15)}) ${`${m.keyMs} ms`.padStart(10)} ${String(m.domNodes).padStart(11)} ${mb(m.heap).padStart(9)}`);
      }
    }
    if (errors.length) console.log(`page errors: ${errors.join(" | ")}`);
    await context.close();
  } finally {
    await browser.close();
    next.kill("SIGTERM");
    await new Promise((r) => (next.exitCode !== null ? r(null) : next.once("exit", r)));
    await prisma().$disconnect();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
