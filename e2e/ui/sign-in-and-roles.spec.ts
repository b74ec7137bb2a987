import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, ROLES, type RoleName } from "../fixtures";

test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(page: Page, email: string, password = DEMO_PASSWORD, expectSuccess = true) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (expectSuccess) await expect(page).toHaveURL(/\/projects$/);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

async function openDemoProject(page: Page) {
  await page.goto("/projects");
  await page.getByRole("link", { name: "Russia–China coverage" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Russia–China coverage" })).toBeVisible();
}

test("a signed-out visit redirects to /login", async ({ page }) => {
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong password shows an error and does not sign in", async ({ page }) => {
  await signIn(page, ROLES.manager, "definitely wrong", false);
  await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password.");
  await expect(page).toHaveURL(/\/login$/);
});

test("client-side validation names the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address");
});

// What each role may see: the project tabs, the settings page and the admin pages.
const EXPECTATIONS: Record<RoleName, { tabs: string[]; settings: boolean; admin: boolean }> = {
  admin: { tabs: ["Documents", "Import", "Suggestions", "Search", "Analysis", "Agreement", "Exports", "Speakers", "Members", "Settings"], settings: true, admin: true },
  manager: { tabs: ["Documents", "Import", "Suggestions", "Search", "Analysis", "Agreement", "Exports", "Speakers", "Members", "Settings"], settings: true, admin: false },
  annotator1: { tabs: ["Documents", "My work", "Search", "Analysis", "Speakers", "Members"], settings: false, admin: false },
  annotator2: { tabs: ["Documents", "My work", "Search", "Analysis", "Speakers", "Members"], settings: false, admin: false },
  reviewer: { tabs: ["Documents", "My work", "Search", "Analysis", "Agreement", "Speakers", "Members"], settings: false, admin: false },
};

for (const [role, expected] of Object.entries(EXPECTATIONS) as [RoleName, (typeof EXPECTATIONS)[RoleName]][]) {
  test(`${role} sees exactly their pages, then signs out`, async ({ page }) => {
    await signIn(page, ROLES[role]);
    await expect(page.getByTestId("signed-in-as")).toContainText(ROLES[role]);
    await openDemoProject(page);
    const tabs = page.getByRole("navigation", { name: "Project" }).getByRole("link");
    await expect(tabs).toHaveText(expected.tabs);
    // Annotators and reviewers land on their own work; a title there opens the work itself.
    const works = role.startsWith("annotator") || role === "reviewer";
    const title = page.getByTestId(works ? "my-work-table" : "documents-table").getByRole("link", { name: "Moscow and Beijing are global partners" }).first();
    await expect(title).toBeVisible();
    if (works) {
      await expect(page).toHaveURL(/\/my-work$/);
      await expect(title).toHaveAttribute("href", new RegExp(`/${role === "reviewer" ? "review" : "annotate"}$`));
    }

    const projectUrl = page.url().replace(/\/my-work$/, "");
    const settings = await page.goto(`${projectUrl}/settings`);
    if (expected.settings) {
      expect(settings?.status()).toBe(200);
      await expect(page.getByTestId("settings-form")).toBeVisible();
    } else {
      expect(settings?.status()).toBe(403);
      await expect(page.getByTestId("forbidden")).toBeVisible();
    }

    const admin = await page.goto("/admin/users");
    if (expected.admin) {
      await expect(page.getByTestId("users-table")).toContainText("annotator1@example.com");
    } else {
      expect(admin?.status()).toBe(403);
    }
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(expected.admin ? 1 : 0);

    await signOut(page);
    await page.goto("/projects");
    await expect(page).toHaveURL(/\/login$/);
  });
}

test("a project the user is not a member of is a 404", async ({ page, request }) => {
  // A brand-new user who belongs to no project tries the demo project's URL.
  const adminToken = await request.post("/api/v1/auth/token", { data: { email: ROLES.admin, password: DEMO_PASSWORD } });
  const { token } = (await adminToken.json()) as { token: string };
  const email = `lonely-${Date.now()}@example.com`;
  await request.post("/api/v1/users", { headers: { Authorization: `Bearer ${token}` }, data: { email, name: "Lonely", password: DEMO_PASSWORD } });
  await signIn(page, ROLES.manager);
  await openDemoProject(page);
  const projectUrl = page.url();
  await signOut(page);

  await signIn(page, email);
  await expect(page.getByText("You are not a member of any project yet")).toBeVisible();
  const res = await page.goto(projectUrl);
  expect(res?.status()).toBe(404);
});

test("manager edits settings; a server-side validation error shows next to the field", async ({ page }) => {
  await signIn(page, ROLES.manager);
  await openDemoProject(page);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Description", { exact: true }).fill("Edited in the e2e test");
  await page.getByRole("button", { name: "Add target" }).click();
  await page.getByLabel("Target 4", { exact: true }).fill("Ukraine");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("settings-form").getByRole("alert")).toContainText("Targets must be unique");
  await page.getByLabel("Target 4", { exact: true }).fill("European Union");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Target 4", { exact: true })).toHaveValue("European Union");
  await expect(page.getByLabel("Description", { exact: true })).toHaveValue("Edited in the e2e test");
});

test("a user changes their password and can sign in with the new one", async ({ page, request }) => {
  const adminToken = await request.post("/api/v1/auth/token", { data: { email: ROLES.admin, password: DEMO_PASSWORD } });
  const { token } = (await adminToken.json()) as { token: string };
  const email = `pw-${Date.now()}@example.com`;
  await request.post("/api/v1/users", { headers: { Authorization: `Bearer ${token}` }, data: { email, name: "Pw", password: DEMO_PASSWORD } });
  await signIn(page, email);
  await page.getByRole("link", { name: "Account" }).click();
  await page.getByLabel("Current password").fill("wrong current");
  await page.getByLabel("New password", { exact: true }).fill("a new password");
  await page.getByLabel("Repeat new password").fill("a new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#current-password-error")).toHaveText("Your current password is not correct");
  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();
  await signOut(page);
  await signIn(page, email, "a new password");
});
