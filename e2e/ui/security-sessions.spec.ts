import crypto from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { as, bearer } from "../api/helpers";
import { DEMO_PASSWORD, storageStateOf } from "../fixtures";
import { SAME_ORIGIN } from "../security-helpers";

// Sessions end when the password changes or is reset and when the account is deactivated; reset
// and deactivation also revoke API tokens; every admin action lands in the administration log.
test.use({ storageState: { cookies: [], origins: [] } });
// Several sign-ins (bcrypt) and page loads per test: more than the default minute on a busy machine.
test.setTimeout(180_000);

async function newUser(request: import("@playwright/test").APIRequestContext) {
  const email = `sess-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const res = await request.post("/api/v1/users", { headers: as("admin"), data: { email, name: "Session test", password: DEMO_PASSWORD } });
  expect(res.status()).toBe(201);
  const token = ((await (await request.post("/api/v1/auth/token", { data: { email, password: DEMO_PASSWORD } })).json()) as { token: string }).token;
  return { email, id: ((await res.json()) as { id: string }).id, token };
}

async function signedInPage(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  return page;
}

const apiStatus = async (page: Page) => (await page.request.get("/api/v1/projects")).status();

test("a password change ends the user's other sessions and keeps this one", async ({ browser, request }) => {
  const user = await newUser(request);
  const here = await signedInPage(browser, user.email);
  const elsewhere = await signedInPage(browser, user.email);
  await here.goto("/account");
  await here.getByLabel("Current password").fill(DEMO_PASSWORD);
  await here.getByLabel("New password", { exact: true }).fill("a fresh password");
  await here.getByLabel("Repeat new password").fill("a fresh password");
  await here.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByText("Password changed.")).toBeVisible();

  expect(await apiStatus(elsewhere)).toBe(401);
  await elsewhere.goto("/projects");
  await expect(elsewhere).toHaveURL(/\/login$/);
  expect(await apiStatus(here)).toBe(200);
  await here.goto("/projects");
  await expect(here.getByTestId("signed-in-as")).toContainText(user.email);
  // Own API tokens stay (the Account page lists and revokes them).
  expect((await request.get("/api/v1/projects", { headers: bearer(user.token) })).status()).toBe(200);
});

test("an admin's password reset ends the user's sessions and revokes their tokens", async ({ browser, request }) => {
  const user = await newUser(request);
  const victim = await signedInPage(browser, user.email);
  const admin = await (await browser.newContext({ storageState: storageStateOf("admin") })).newPage();
  await admin.goto("/admin/users");
  admin.once("dialog", (dialog) => void dialog.accept("reset by the admin"));
  await admin.getByTestId("users-table").getByRole("row", { name: new RegExp(user.email) }).getByRole("button", { name: "Reset password" }).click();
  await expect(admin.getByText("Password reset.")).toBeVisible();

  expect(await apiStatus(victim)).toBe(401);
  expect((await request.get("/api/v1/projects", { headers: bearer(user.token) })).status()).toBe(401);
  await admin.reload();
  await expect(admin.getByTestId("admin-log").locator('tr[data-action="user.password_reset"]').first()).toContainText(user.email);
  await expect(admin.getByTestId("admin-log").locator('tr[data-action="user.create"]').filter({ hasText: user.email })).toHaveCount(1);
});

test("deactivation ends sessions and tokens; reactivating revives neither", async ({ browser, request }) => {
  const user = await newUser(request);
  const victim = await signedInPage(browser, user.email);
  const admin = await (await browser.newContext({ storageState: storageStateOf("admin") })).newPage();
  await admin.goto("/admin/users");
  const row = admin.getByTestId("users-table").getByRole("row", { name: new RegExp(user.email) });
  admin.once("dialog", (dialog) => void dialog.accept()); // deactivation asks first
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByText("deactivated", { exact: true })).toBeVisible();
  expect(await apiStatus(victim)).toBe(401);
  await row.getByRole("button", { name: "Activate" }).click();
  await expect(row.getByText("active", { exact: true })).toBeVisible();
  expect(await apiStatus(victim)).toBe(401);
  expect((await request.get("/api/v1/projects", { headers: bearer(user.token) })).status()).toBe(401);
  await admin.reload();
  for (const action of ["user.deactivate", "user.activate"]) {
    await expect(admin.getByTestId("admin-log").locator(`tr[data-action="${action}"]`).filter({ hasText: user.email })).toHaveCount(1);
  }
});

test("a server action without an Origin header is refused; with the app's own it runs", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: storageStateOf("reviewer") })).newPage();
  await page.goto("/account");
  const name = `action-${Date.now()}`;
  const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByLabel("New token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const action = await captured;
  await expect(page.getByTestId("tokens-table")).toContainText(name);
  const headers = Object.fromEntries(Object.entries(await action.allHeaders()).filter(([k]) => !k.startsWith(":") && !["origin", "cookie", "content-length", "host"].includes(k)));
  const replay = (extra: Record<string, string>) => page.request.post(action.url(), { headers: { ...headers, ...extra }, data: action.postDataBuffer() ?? "" });

  const refused = await replay({});
  expect(await refused.text()).toContain('"code":"csrf"');
  const accepted = await replay(SAME_ORIGIN);
  expect(await accepted.text()).toContain('"ok":true');
  await page.reload();
  // The original and the replay with the app's Origin: two tokens with this name, not three.
  await expect(page.getByTestId("tokens-table").getByRole("row", { name: new RegExp(name) })).toHaveCount(2);
});
