import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { API_OPERATIONS } from "./route-catalog";
import { assertSafeQuery, parseRouteParams, PATH_PARAM_SCHEMAS } from "./route-params";

const statusOf = (fn: () => void): number | "ok" => {
  try {
    fn();
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.status;
    throw error;
  }
};

describe("path parameters", () => {
  it("every parameter of the catalog has its own schema (an id, or one listed by name)", () => {
    const names = new Set(API_OPERATIONS.flatMap((op) => [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)));
    for (const name of names) expect(name.endsWith("Id") || name in PATH_PARAM_SCHEMAS, name).toBe(true);
  });

  it("accepts cuids, UUIDs, sentence indexes, version numbers and dataset file names", () => {
    expect(statusOf(() => parseRouteParams({ projectId: "cmabc123def456ghi789jkl0", annotationId: "0b6f1c1e-8a8e-4c43-9a57-3e0c7a1d9f10" }))).toBe("ok");
    expect(statusOf(() => parseRouteParams({ documentId: "cmabc123def456ghi789jkl0", index: "12" }))).toBe("ok");
    expect(statusOf(() => parseRouteParams({ relationId: "0b6f1c1e-8a8e-4c43-9a57-3e0c7a1d9f10" }))).toBe("ok");
    expect(statusOf(() => parseRouteParams({ version: "3", name: "brat%2Fa.ann" }))).toBe("ok");
    expect(statusOf(() => parseRouteParams({ name: "hf/data/train.jsonl" }))).toBe("ok");
  });

  it.each([
    ["a NUL byte", { documentId: "\u0000" }],
    ["a NUL inside an id", { documentId: "abc\u0000def" }],
    ["a newline", { projectId: "abc\ndef" }],
    ["a lone surrogate", { taskId: "\ud800" }],
    ["a quote", { annotationId: "x'--" }],
    ["an over-long id", { commentId: "a".repeat(65) }],
    ["a quote in a relation id", { relationId: "r'; DROP TABLE x" }],
    ["an empty id", { entityId: "" }],
    ["a negative index", { index: "-1" }],
    ["a fractional version", { version: "1.5" }],
    ["an encoded NUL in a file name", { name: "a%00.txt" }],
    ["a broken escape in a file name", { name: "%E0%A4%A" }],
    ["an array where a string goes", { documentId: ["a", "\u0000"] }],
  ])("refuses %s with 404", (_label, params) => {
    expect(statusOf(() => parseRouteParams(params))).toBe(404);
  });
});

describe("query strings", () => {
  it("passes ordinary parameters", () => {
    expect(statusOf(() => assertSafeQuery(new URL("http://x/api?limit=10&state=signed_off&layer=user:abc")))).toBe("ok");
  });

  it.each(["?documentId=%00", "?cursor=a%0Db", "?layer=%7F", `?q=${"a".repeat(3000)}`, `?${"a=1&".repeat(60)}`, "?%00=1"])("refuses %s with 400", (query) => {
    expect(statusOf(() => assertSafeQuery(new URL(`http://x/api${query}`)))).toBe(400);
  });
});
