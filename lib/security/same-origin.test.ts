import { describe, expect, it } from "vitest";
import { checkSameOrigin } from "./same-origin";

const TRUSTED = ["https://bench.example.org"];
const h = (headers: Record<string, string>) => new Headers(headers);

describe("checkSameOrigin", () => {
  it("accepts the app's own origin, also with a default port or a trailing slash", () => {
    expect(checkSameOrigin(h({ origin: "https://bench.example.org" }), TRUSTED).ok).toBe(true);
    expect(checkSameOrigin(h({ origin: "https://bench.example.org:443" }), TRUSTED).ok).toBe(true);
  });

  it.each([
    ["a foreign site", "https://evil.example"],
    ["the null origin", "null"],
    ["another port on the same host", "https://bench.example.org:8443"],
    ["a sibling subdomain", "https://other.example.org"],
    ["plain http of the same host", "http://bench.example.org"],
    ["garbage", "not a url"],
  ])("refuses %s", (_label, origin) => {
    expect(checkSameOrigin(h({ origin, "sec-fetch-site": "same-origin" }), TRUSTED).ok).toBe(false);
  });

  it("falls back to Sec-Fetch-Site only when Origin is missing", () => {
    expect(checkSameOrigin(h({ "sec-fetch-site": "same-origin" }), TRUSTED).ok).toBe(true);
    expect(checkSameOrigin(h({ "sec-fetch-site": "same-site" }), TRUSTED).ok).toBe(false);
    expect(checkSameOrigin(h({ "sec-fetch-site": "cross-site" }), TRUSTED).ok).toBe(false);
    expect(checkSameOrigin(h({}), TRUSTED).ok).toBe(false);
  });

  it("refuses a missing Origin outright when it is required (server actions)", () => {
    expect(checkSameOrigin(h({ "sec-fetch-site": "same-origin" }), TRUSTED, { requireOrigin: true })).toEqual({ ok: false, reason: "no Origin header" });
    expect(checkSameOrigin(h({ origin: "https://bench.example.org" }), TRUSTED, { requireOrigin: true }).ok).toBe(true);
  });
});
