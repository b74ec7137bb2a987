import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-redirect";

const BASE = new URL("http://localhost:3000");

describe("safeNextPath", () => {
  it("keeps paths on the app, with query and fragment", () => {
    expect(safeNextPath("/projects/abc/documents?state=signed_off#top", BASE)).toBe("/projects/abc/documents?state=signed_off#top");
    expect(safeNextPath("/account", BASE)).toBe("/account");
  });

  it.each([
    "/\\evil.example/x",
    "//evil.example/x",
    "/\t/evil.example",
    "/\n/evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "http://localhost:3000.evil.example/",
    "javascript:alert(1)",
    "/.//evil.example",
    "",
    "projects",
  ])("refuses %j", (next) => {
    const result = safeNextPath(next, BASE);
    expect(new URL(result, BASE).origin).toBe(BASE.origin);
    expect(result.startsWith("//")).toBe(false);
  });

  it("falls back to /projects for anything off the app", () => {
    expect(safeNextPath("/\\evil.example/x", BASE)).toBe("/projects");
    expect(safeNextPath("//evil.example/x", BASE)).toBe("/projects");
    expect(safeNextPath("/.//evil.example", BASE)).toBe("/projects");
    expect(safeNextPath(undefined, BASE)).toBe("/projects");
  });
});
