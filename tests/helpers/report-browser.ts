/**
 * A Chromium browser (Debian's, through playwright-core) for the tests that open the HTML report as a page.
 *
 * Where no Chromium is installed, {@link reportBrowser} prints a notice and `present` is false, so the file's tests
 * can be skipped; in CI (`CI=true`) a missing browser is an error, so they are never skipped silently there.
 *
 * Usage:
 * ```ts
 * const chromium = reportBrowser();
 * describe.skipIf(!chromium.present)("the report", () => {
 *   it("opens", async () => {
 *     const page = await chromium.browser().newPage();
 *   });
 * });
 * ```
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";

type Browser = import("playwright-core").Browser;

/** The browser of a test file: launched before its tests, closed after them. */
export interface ReportBrowser {
  /** The Chromium executable. */
  readonly path: string;
  /** Whether it is installed. */
  readonly present: boolean;
  /** The launched browser (only inside tests, and only when `present`). */
  browser(): Browser;
}

/** Registers `beforeAll` / `afterAll` hooks that launch and close Chromium for the calling test file. */
export function reportBrowser(): ReportBrowser {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const present = existsSync(path);
  if (!present && process.env.CI === "true") throw new Error(`Chromium not found at ${path}: CI must run the report browser tests`);
  if (!present) console.warn(`\n[skip] Chromium not found at ${path}: report browser tests skipped\n`);
  let launched: Browser | undefined;
  beforeAll(async () => {
    if (!present) return;
    const { chromium } = await import("playwright-core");
    launched = await chromium.launch({ executablePath: path, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  });
  afterAll(async () => {
    await launched?.close();
  });
  return {
    path,
    present,
    browser() {
      if (launched === undefined) throw new Error("the browser is not launched (Chromium missing, or used outside a test)");
      return launched;
    },
  };
}
