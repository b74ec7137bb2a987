import { expect, test, type Route } from "@playwright/test";
import { as } from "../api/helpers";
import { storageStateOf } from "../fixtures";

test.use({ storageState: storageStateOf("manager") });

// A slow network or CPU hydrates the settings page late: what a manager types before then must
// not be reset by the form filling its fields at hydration.
test("the project settings form takes no input before it has hydrated, then keeps what is typed", async ({ page, request }) => {
  const created = await request.post("/api/v1/projects", { headers: as("admin"), data: { name: `Hydration ${Date.now()}` } });
  expect(created.status()).toBe(201);
  const projectId = ((await created.json()) as { id: string }).id;
  const member = await request.post(`/api/v1/projects/${projectId}/members`, { headers: as("admin"), data: { email: "manager@example.com", roles: ["MANAGER"] } });
  expect(member.status()).toBe(201);

  // Hold the page's scripts back until the server-rendered form has been looked at.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held = async (route: Route) => {
    await gate;
    await route.continue();
  };
  await page.route("**/_next/static/chunks/**", held);
  await page.goto(`/projects/${projectId}/settings`, { waitUntil: "commit" });
  const name = page.getByTestId("settings-form").getByLabel("Name", { exact: true });
  await expect(name).toBeVisible();
  await expect(name).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save settings" })).toBeDisabled();

  release();
  const renamed = `Hydrated ${Date.now()}`;
  await name.fill(renamed);
  await expect(page.getByTestId("settings-fields")).toHaveAttribute("data-hydrated", "true");
  await expect(name).toHaveValue(renamed);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  const stored = await request.get(`/api/v1/projects/${projectId}`, { headers: as("manager") });
  expect(((await stored.json()) as { name: string }).name).toBe(renamed);

  // Bad input after hydration still shows its message at the field.
  await name.fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator("#settings-name-error")).toBeVisible();
});
