import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "@/lib/validation/zod";
import { ApiError, apiErrorOf, messageOf } from "./api-error";
import { apiRequest, OFFLINE_MESSAGE } from "./request";

describe("apiErrorOf: an error body → one typed error", () => {
  it("keeps the server's code, message, field errors and extra details", () => {
    const e = apiErrorOf(400, { error: { code: "validation_failed", message: "Invalid input — language: Use an ISO 639 code", fields: { language: ["Use an ISO 639 code"], bad: "not a list" }, existingId: "d1" } }, "Could not save.");
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message]).toEqual([400, "validation_failed", "Invalid input — language: Use an ISO 639 code"]);
    expect(e.fields).toEqual({ language: ["Use an ISO 639 code"] });
    expect(e.details).toEqual({ existingId: "d1" });
    expect(e.messageFor("language")).toBe("Use an ISO 639 code");
    expect(e.messageFor("title")).toBe(e.message);
  });

  it.each([
    ["an HTML error page", 502, "<html>Bad gateway</html>", "internal"],
    ["no body", 503, null, "unavailable"],
    ["an error without a message", 404, { error: { code: "not_found" } }, "not_found"],
    ["an empty message", 409, { error: { code: "duplicate", message: "  " } }, "duplicate"],
    ["an unknown code", 403, { error: { code: "teapot", message: "No." } }, "forbidden"],
    ["error that is a string", 429, { error: "slow down" }, "rate_limited"],
  ] as const)("falls back to the caller's sentence and the status's code for %s", (_what, status, body, code) => {
    const e = apiErrorOf(status, body, "Could not save.");
    expect(e.code).toBe(code);
    if (code === "forbidden") expect(e.message).toBe("No.");
    else expect(e.message).toBe("Could not save.");
    expect(e.fields).toEqual({});
  });

  it("shows an ApiError's message, never a programming error's", () => {
    expect(messageOf(new ApiError(409, "conflict", "Changed meanwhile."), "fallback")).toBe("Changed meanwhile.");
    expect(messageOf(new TypeError("x is undefined"), "Could not save.")).toBe("Could not save.");
  });
});

describe("apiRequest over real HTTP", () => {
  let server: Server;
  let base: string;
  const seen: { method: string; type?: string; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        seen.push({ method: req.method!, type: req.headers["content-type"], body });
        const send = (status: number, text: string, type = "application/json") => res.writeHead(status, { "content-type": type }).end(text);
        if (req.url === "/ok") return send(200, JSON.stringify({ taskId: "t1", created: true }));
        if (req.url === "/shape") return send(200, JSON.stringify({ taskId: 7 }));
        if (req.url === "/refused") return send(400, JSON.stringify({ error: { code: "validation_failed", message: "Invalid input — kind: Invalid option", fields: { kind: ["Invalid option"] } } }));
        if (req.url === "/proxy") return send(502, "<html>Bad gateway</html>", "text/html");
        return send(404, "");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const schema = z.object({ taskId: z.string(), created: z.boolean() });

  it("sends JSON and returns data typed and checked by the response schema", async () => {
    const data = await apiRequest(`${base}/ok`, { method: "PATCH", json: { kind: "content" }, schema, fallback: "x" });
    expect(data).toEqual({ taskId: "t1", created: true });
    expect(seen.at(-1)).toEqual({ method: "PATCH", type: "application/json", body: '{"kind":"content"}' });
  });

  it("turns a refusal into an ApiError with the server's fields", async () => {
    const e = await apiRequest(`${base}/refused`, { json: {}, schema, fallback: "Could not change the segment." }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 400, code: "validation_failed", fields: { kind: ["Invalid option"] } });
  });

  it("turns a proxy's HTML page and an empty 404 into the caller's sentence", async () => {
    await expect(apiRequest(`${base}/proxy`, { schema, fallback: "Could not load the import." })).rejects.toMatchObject({ status: 502, code: "internal", message: "Could not load the import." });
    await expect(apiRequest(`${base}/gone`, { schema, fallback: "Task not found." })).rejects.toMatchObject({ status: 404, code: "not_found", message: "Task not found." });
  });

  it("refuses a 2xx answer that does not match the response schema", async () => {
    await expect(apiRequest(`${base}/shape`, { schema, fallback: "Could not start." })).rejects.toMatchObject({ status: 200, code: "bad_response", message: "Could not start." });
  });

  it("reports no answer at all as a network error with the offline sentence", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(apiRequest(`http://127.0.0.1:${port}/x`, { schema, fallback: "x" })).rejects.toMatchObject({ status: 0, code: "network", message: OFFLINE_MESSAGE });
    await expect(apiRequest(`http://127.0.0.1:${port}/x`, { schema, fallback: "x", offline: "Your text is still here." })).rejects.toMatchObject({ message: "Your text is still here." });
  });
});
