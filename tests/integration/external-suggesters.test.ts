import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/projects/[projectId]/suggesters/route";
import { DELETE as deleteRoute } from "@/app/api/v1/projects/[projectId]/suggesters/[suggesterId]/route";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createApiToken } from "@/lib/auth/api-tokens";
import { prisma } from "@/lib/db/prisma";
import { importJsonArticles } from "@/lib/documents/import-files";
import { postJson } from "@/lib/external-suggesters/post-json";
import { urlProblem } from "@/lib/external-suggesters/url-check";
import { listDocumentSuggestions } from "@/lib/suggestion-runs/list-suggestions";
import { makeTeam } from "./factories";

// Before any import reads the environment: the test's model server listens on 127.0.0.1, which
// the guard refuses unless EXTERNAL_SUGGESTERS_ALLOW_PRIVATE is on.
vi.hoisted(() => {
  process.env.STANCEBENCH_JOBS = "inline";
  process.env.EXTERNAL_SUGGESTERS_ALLOW_PRIVATE = "1";
  process.env.EXTERNAL_SUGGESTER_TIMEOUT_MS = "1500";
});

const TEXT = '😀 Trade grew by 40% in 2022. "We agree," the envoy said.';
const cp = Array.from(TEXT);
const quoteStart = cp.indexOf("W");

// A small Label Studio ML backend: each path behaves differently.
const received: Array<{ path: string; body: unknown; authorization: string | undefined }> = [];
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    received.push({ path: req.url ?? "", body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "null"), authorization: req.headers.authorization });
    const send = (status: number, body: string, headers: Record<string, string> = { "content-type": "application/json" }) => res.writeHead(status, headers).end(body);
    switch (req.url) {
      case "/good/predict":
        return send(200, JSON.stringify({
          results: [{
            score: 0.8,
            model_version: "t1",
            result: [
              { from_name: "span", to_name: "text", type: "labels", value: { start: quoteStart, end: quoteStart + 8, text: "We agree", labels: ["QUOTE"] } },
              { from_name: "span", to_name: "text", type: "labels", value: { start: 3, end: cp.length + 50, labels: ["CLAIM"] }, score: 0.9 },
            ],
          }],
        }));
      case "/slow/predict":
        return; // never answers
      case "/garbage/predict":
        return send(200, "<html>oops</html>", { "content-type": "text/html" });
      case "/wrong-shape/predict":
        return send(200, JSON.stringify({ predictions: [1, 2] }));
      case "/redirect/predict":
        return send(302, "", { location: "/good/predict" });
      case "/big/predict":
        return send(200, JSON.stringify({ results: [], padding: "x".repeat(5000) }));
      default:
        return send(500, "{}");
    }
  });
});
let base = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function call(method: "GET" | "POST", token: string, projectId: string, body?: unknown) {
  const request = new Request("http://test/", {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const res = await (method === "GET" ? listRoute : createRoute)(request, { params: Promise.resolve({ projectId }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
}

describe("external suggesters", () => {
  it("are registered by a manager, called by the suggestion run, and join the suggestion layer", async () => {
    const { manager, annotator, project } = await makeTeam();
    const { token } = await createApiToken(manager.id, "m");
    const names = ["good", "slow", "garbage", "wrong-shape", "redirect"];
    for (const name of names) {
      const created = await call("POST", token, project.id, { name, url: `${base}/${name}`, token: name === "good" ? "s3cret" : "" });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ name, hasToken: name === "good", lastError: null });
      expect(created.body).not.toHaveProperty("token");
    }
    received.length = 0;
    const [imported] = await importJsonArticles({ projectId: project.id, userId: manager.id }, { title: "T", text: TEXT });
    const documentId = imported!.id!;

    // The request follows the /predict protocol, with the token as a Bearer header.
    const good = received.find((r) => r.path === "/good/predict")!;
    expect(good.authorization).toBe("Bearer s3cret");
    expect(good.body).toMatchObject({ tasks: [{ id: documentId, data: { text: TEXT } }], project: project.id });
    expect((good.body as { label_config: string }).label_config).toContain("<Label value=\"QUOTE\"");

    // Its valid region joins the layer with its score; the rules' own suggestions are there too.
    const { items } = await listDocumentSuggestions(annotator, documentId);
    const external = items.filter((s) => s.rule.startsWith("external:"));
    expect(external).toEqual([expect.objectContaining({ rule: "external:good", suggester: "external", type: "QUOTE", start: quoteStart, end: quoteStart + 8, text: "We agree", confidence: 0.8 })]);
    expect(items.some((s) => s.rule === "claim.percent")).toBe(true);
    // Accepting it records where the annotation came from, rule name and all.
    await prisma().assignment.create({ data: { documentId, userId: annotator.id, role: "ANNOTATOR" } });
    const { annotation } = await createAnnotation(annotator, documentId, {
      id: crypto.randomUUID(), type: "QUOTE", start: quoteStart, end: quoteStart + 8, attributes: { form: "direct", speaker: { name: "The envoy" } }, origin: "suggestion:external:good",
    });
    expect(annotation).toMatchObject({ origin: "suggestion:external:good", text: "We agree" });

    // Failures never block the run: the task is done, counts them, and each suggester keeps its reason.
    const task = await prisma().task.findFirstOrThrow({ where: { projectId: project.id, kind: "SUGGEST" } });
    expect(task).toMatchObject({ status: "DONE", done: 1 });
    expect(task.result).toMatchObject({ failed: 0, externalFailures: 4 });
    const listed = (await call("GET", token, project.id)).body.items as Array<{ name: string; lastError: string | null; lastOkAt: string | null }>;
    const errorOf = (name: string) => listed.find((s) => s.name === name)!.lastError;
    expect(errorOf("good")).toMatch(/regions dropped: 1 × offsets outside the text/);
    expect(listed.find((s) => s.name === "good")!.lastOkAt).not.toBeNull();
    expect(errorOf("slow")).toMatch(/no complete answer within 1.5 s/);
    expect(errorOf("garbage")).toMatch(/not JSON/);
    expect(errorOf("wrong-shape")).toMatch(/not a \/predict answer/);
    expect(errorOf("redirect")).toMatch(/302.*redirects are not followed/);
    // The redirect was not followed: /good/predict was called once, by the good suggester.
    expect(received.filter((r) => r.path === "/good/predict")).toHaveLength(1);

    // Removing one: 204, and the next run does not call it.
    const slowId = (listed as Array<{ id?: string; name: string }>).find((s) => s.name === "slow")!.id!;
    const removed = await deleteRoute(new Request("http://test/", { method: "DELETE", headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ projectId: project.id, suggesterId: slowId }) });
    expect(removed.status).toBe(204);
    expect(((await call("GET", token, project.id)).body.items as unknown[]).length).toBe(4);
  });

  it("refuses bad input, metadata and link-local URLs with 400, duplicates with 409 and non-managers with 403", async () => {
    const { manager, annotator, project } = await makeTeam();
    const { token } = await createApiToken(manager.id, "m");
    const bad: Array<[unknown, RegExp]> = [
      [{ name: "x", url: "not a url" }, /url: Enter the full base URL/],
      [{ name: "x", url: "ftp://example.com/" }, /url: Enter the full base URL/],
      [{ name: "bad name!", url: `${base}/good` }, /name: Letters, digits/],
      [{ name: "x" }, /url/],
      [{ name: "meta", url: "http://169.254.169.254/latest" }, /URL refused: 169\.254\.169\.254 is a link-local, metadata or reserved address/],
      [{ name: "meta6", url: "http://[fe80::1]:9090/" }, /URL refused: fe80::1 is a link-local/],
      [{ name: "mapped", url: "http://[::ffff:169.254.169.254]/" }, /URL refused/],
      [{ name: "zero", url: "http://0.0.0.0:9090/" }, /URL refused/],
      [{ name: "creds", url: "http://user:pw@example.com/" }, /credentials in the token/],
    ];
    for (const [body, message] of bad) {
      const res = await call("POST", token, project.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: "validation_failed" });
      expect(res.body.error!.message).toMatch(message);
    }
    expect((await call("POST", token, project.id, { name: "good", url: `${base}/good` })).status).toBe(201);
    const dup = await call("POST", token, project.id, { name: "good", url: `${base}/good` });
    expect(dup.status).toBe(409);
    const annotatorToken = (await createApiToken(annotator.id, "a")).token;
    expect((await call("POST", annotatorToken, project.id, { name: "a", url: `${base}/good` })).status).toBe(403);
    expect((await call("GET", annotatorToken, project.id)).status).toBe(403);
    expect(await prisma().externalSuggester.count({ where: { projectId: project.id } })).toBe(1);
  });

  it("without the allow-private setting, loopback and private hosts are refused at registration and at call time", async () => {
    expect(await urlProblem(`${base}/good`, false)).toMatch(/127\.0\.0\.1 is a loopback or private address/);
    expect(await urlProblem("http://localhost:9/", false)).toMatch(/localhost resolves to .* loopback or private/);
    expect(await urlProblem("http://10.0.0.8/", false)).toMatch(/loopback or private/);
    await expect(postJson(new URL(`${base}/good/predict`), {}, { timeoutMs: 1000, maxBytes: 1000, allowPrivate: false })).rejects.toThrow(/loopback or private/);
    await expect(postJson(new URL(`http://localhost:${new URL(base).port}/good/predict`), {}, { timeoutMs: 1000, maxBytes: 1000, allowPrivate: false })).rejects.toThrow(/resolves to .*loopback/);
    // A response over the size limit is cut off.
    await expect(postJson(new URL(`${base}/big/predict`), {}, { timeoutMs: 1000, maxBytes: 1000, allowPrivate: true })).rejects.toThrow(/larger than 1000 bytes/);
  });
});
