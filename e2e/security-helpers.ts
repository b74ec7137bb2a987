import type { Page } from "@playwright/test";
import { BASE_URL } from "../playwright.config";

// Cookie-authenticated writes must come from the app's own origin. Playwright's request context
// sends no Origin by itself, so tests that write with a signed-in cookie send the app's, as the
// browser does.
export const SAME_ORIGIN = { Origin: new URL(BASE_URL).origin };

/**
 * Records, from before the first script of every document, CSP violations, script errors and
 * anything an injected payload could do (window.__xss), so a test can assert none happened.
 */
export async function watchPage(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    // A failed load is reported below with its URL.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    // There is no favicon; everything else a page loads must exist.
    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  return {
    problems,
    async violations(): Promise<string[]> {
      return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
    },
    async xssRan(): Promise<unknown> {
      return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
    },
  };
}
