import { expect, test } from "@playwright/test";

test.use({ storageState: { cookies: [], origins: [] } });

// Node's default keeps idle connections 5 s; clients that reuse a pooled socket the server is just
// closing get ECONNRESET. The server advertises its (longer) idle timeout on every response.
test("idle keep-alive connections stay open longer than Node's 5 s default", async ({ request }) => {
  const res = await request.get("/api/v1/health");
  expect(res.status()).toBe(200);
  const advertised = /timeout=(\d+)/.exec(res.headers()["keep-alive"] ?? "");
  expect(advertised, `Keep-Alive header: ${res.headers()["keep-alive"]}`).not.toBeNull();
  expect(Number(advertised![1])).toBeGreaterThan(60);
});
