import { expect, test } from "@playwright/test";
import { BASE_URL } from "../../playwright.config";
import { DEMO_PASSWORD, ROLES } from "../fixtures";

// After sign-in the browser goes only to a path on this app, however `next` is spelled.
test.use({ storageState: { cookies: [], origins: [] } });

const HOSTILE = ["/\\evil.example/x", "//evil.example/x", "/\t/evil.example/x", "/.//evil.example/x", "https://evil.example/x", "/%5Cevil.example"];

for (const next of HOSTILE) {
  test(`next=${JSON.stringify(next)} stays on the app`, async ({ page }) => {
    const leaving: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(BASE_URL)) leaving.push(r.url());
    });
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(ROLES.manager);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    expect(new URL(page.url()).origin).toBe(new URL(BASE_URL).origin);
    expect(leaving).toEqual([]);
  });
}

test("a same-app next path is honoured", async ({ page }) => {
  await page.goto(`/login?next=${encodeURIComponent("/account")}`);
  await page.getByLabel("Email").fill(ROLES.manager);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
});
