import { defineConfig } from "@playwright/test";
import fs from "node:fs";

// Debian's Chromium (apt-get install chromium): Playwright's own browser download is not possible
// offline. CHROMIUM_PATH overrides the location.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  throw new Error(`No Chromium at ${chromium}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
}

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // A stray test.only must not pass CI with the rest of the suite skipped.
  forbidOnly: !!process.env.CI,
  workers: 1,
  // One retry on CI (Playwright's own default template uses two): a test that fails twice still
  // fails the run, and one that passes on its retry is listed as "flaky" in the report to be fixed.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "api", testMatch: /e2e\/api\/.*\.spec\.ts$/, dependencies: ["setup"] },
    { name: "ui", testMatch: /e2e\/ui\/.*\.spec\.ts$/, dependencies: ["setup"] },
  ],
  webServer: {
    command: "tsx scripts/e2e-server.ts",
    url: `${BASE_URL}/api/v1/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(PORT) },
  },
});
