/**
 * Rendering Mermaid text to SVG in a headless Chromium, with the network shut off.
 *
 * This is the only module of the library that loads `playwright-core` (an optional peer dependency), and only
 * when called, by dynamic `import()`. Mermaid itself is not imported into Node: its browser bundle is served to the
 * page from the installed `mermaid` package (also an optional peer). Every other request the page makes is
 * aborted and recorded, so a diagram can never reach the network (for example through an `<img>` in a label).
 */

import { ServiceBlueprintError } from "../internal/error.js";

/**
 * Options of {@link renderSvg} and {@link createSvgRenderer}.
 *
 * @example
 * ```ts
 * import { renderSvg } from "service-blueprint/render";
 * const svg = await renderSvg(text, { executablePath: "/usr/bin/chromium", theme: "neutral" });
 * ```
 */
export interface RenderSvgOptions {
  /**
   * The Chromium (or Chrome) to run. Default: `$CHROMIUM_PATH`, else the first of `/usr/bin/chromium`,
   * `/usr/bin/chromium-browser`, `/usr/bin/google-chrome`, `/usr/bin/google-chrome-stable` that exists, else the
   * browser Playwright installed.
   */
  readonly executablePath?: string | undefined;
  /** Mermaid's `maxEdges` (default 500). */
  readonly maxEdges?: number | undefined;
  /**
   * The longest text rendered (default 50,000, Mermaid's own `maxTextSize`). Longer text is refused with a
   * `text_too_large` error, because Mermaid would silently draw an error picture instead.
   */
  readonly maxTextSize?: number | undefined;
  /** Mermaid theme (default `default`). */
  readonly theme?: "default" | "neutral" | "dark" | "forest" | "base" | undefined;
  /** Longest time one render may take, in milliseconds (default 60,000). */
  readonly timeoutMs?: number | undefined;
}

/**
 * Codes of {@link RenderSvgError}.
 *
 * @example
 * ```ts
 * import type { RenderSvgErrorCode } from "service-blueprint/render";
 * const setupProblems: RenderSvgErrorCode[] = ["missing_dependency", "missing_browser"];
 * ```
 */
export type RenderSvgErrorCode =
  /** `playwright-core` or `mermaid` is not installed. */
  | "missing_dependency"
  /** No Chromium could be found or started. */
  | "missing_browser"
  /** The text is longer than `maxTextSize`. */
  | "text_too_large"
  /** Mermaid refused the text (syntax error, edge limit) or the render failed. */
  | "render_failed";

/**
 * Thrown by {@link renderSvg} and {@link createSvgRenderer}; `hint` says how to fix it.
 *
 * @example
 * ```ts
 * import { renderSvg, RenderSvgError } from "service-blueprint/render";
 * try {
 *   await renderSvg(text);
 * } catch (error) {
 *   if (error instanceof RenderSvgError && error.code === "missing_browser") console.error(error.hint);
 * }
 * ```
 */
export class RenderSvgError extends ServiceBlueprintError {
  /** What went wrong. */
  readonly code: RenderSvgErrorCode;
  /** How to fix it. */
  readonly hint: string;

  constructor(code: RenderSvgErrorCode, message: string, hint: string, options?: { cause?: unknown }) {
    super(`${message} (${hint})`, options);
    this.name = "RenderSvgError";
    this.code = code;
    this.hint = hint;
  }
}

/**
 * A Chromium page with Mermaid loaded, for rendering many diagrams without starting a browser each time.
 *
 * @example
 * ```ts
 * import { createSvgRenderer } from "service-blueprint/render";
 * const renderer = await createSvgRenderer();
 * try {
 *   for (const diagram of diagrams) await writeFile(`${diagram.id}.svg`, await renderer.render(diagram.text));
 * } finally {
 *   await renderer.close();
 * }
 * ```
 */
export interface SvgRenderer {
  /**
   * Renders Mermaid text to an SVG document (as text).
   *
   * @param text - Mermaid text
   * @returns the SVG
   */
  render(text: string): Promise<string>;
  /**
   * Renders Mermaid text and takes a PNG picture of the diagram at its natural size.
   *
   * @param text - Mermaid text
   * @returns the PNG bytes
   */
  renderPng(text: string): Promise<Uint8Array>;
  /** Addresses the page tried to reach and was refused (anything but the Mermaid bundle), in order. */
  readonly blockedRequests: readonly string[];
  /** Closes the browser. */
  close(): Promise<void>;
}

/** The subset of playwright-core this module uses (kept local so that no Playwright type is public). */
interface PwRoute {
  request(): { url(): string };
  abort(): Promise<void>;
  fulfill(response: { contentType: string; body: string | Uint8Array }): Promise<void>;
}
interface PwLocator {
  screenshot(options?: { type?: "png" }): Promise<Uint8Array>;
}
interface PwPage {
  route(url: string, handler: (route: PwRoute) => Promise<void>): Promise<void>;
  goto(url: string): Promise<unknown>;
  evaluate<R, A>(expression: string, arg: A): Promise<R>;
  locator(selector: string): PwLocator;
  setDefaultTimeout(ms: number): void;
}
interface PwBrowser {
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<PwPage>;
  close(): Promise<void>;
}
interface PwModule {
  chromium: {
    launch(options: { executablePath?: string; headless: boolean; args: string[] }): Promise<PwBrowser>;
    executablePath(): string;
  };
}

const ORIGIN = "http://mermaid.invalid";

/** Runs in the page: loads Mermaid from the served bundle, renders into the page, sizes the SVG for pictures. */
const BROWSER_SCRIPT = `
globalThis.sbSetup = async (config) => {
  const { default: mermaid } = await import("/mermaid.esm.min.mjs");
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict", deterministicIds: true, handDrawnSeed: 1, ...config });
  globalThis.sbMermaid = mermaid;
};
globalThis.sbRender = async (source, id) => {
  const { svg } = await globalThis.sbMermaid.render(id, source);
  // Put it in the page, as a reader's browser would, and let any image it holds try to load.
  const holder = document.getElementById("diagram");
  holder.innerHTML = svg;
  await Promise.all([...holder.querySelectorAll("img, image")].map((img) => (img.decode ? img.decode().catch(() => undefined) : undefined)));
  await new Promise((resolve) => setTimeout(resolve, 20));
  // As XML, not as the HTML string Mermaid returns: its HTML labels hold <br> and &nbsp;, which no XML parser
  // accepts, so that string would neither open as an .svg file nor load in an <img>.
  return new XMLSerializer().serializeToString(holder.querySelector("svg"));
};
globalThis.sbNaturalSize = () => {
  const svg = document.querySelector("#diagram svg");
  if (!svg) return;
  const box = svg.viewBox.baseVal;
  svg.style.maxWidth = "none";
  svg.setAttribute("width", String(box.width));
  svg.setAttribute("height", String(box.height));
};
`;
const BROWSER_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

async function findBrowser(explicit: string | undefined, playwright: PwModule): Promise<string> {
  const { access } = await import("node:fs/promises");
  const exists = async (path: string): Promise<boolean> =>
    access(path).then(
      () => true,
      () => false,
    );
  const wanted = explicit ?? process.env.CHROMIUM_PATH;
  if (wanted !== undefined && wanted !== "") {
    if (await exists(wanted)) return wanted;
    throw new RenderSvgError("missing_browser", `no browser at ${wanted}`, "pass executablePath (or set CHROMIUM_PATH) to an installed Chromium or Chrome");
  }
  for (const path of CANDIDATES) if (await exists(path)) return path;
  let bundled = "";
  try {
    bundled = playwright.chromium.executablePath();
  } catch {
    bundled = "";
  }
  if (bundled !== "" && (await exists(bundled))) return bundled;
  throw new RenderSvgError(
    "missing_browser",
    "no Chromium found",
    "install one (Debian: apt-get install chromium) or pass executablePath / set CHROMIUM_PATH",
  );
}

/**
 * Where to resolve the optional `mermaid` peer from: the working directory (a project that depends on this
 * library has its peers there, or in a parent), the running script (a global install of the CLI has them beside
 * it), and, in the CommonJS build, this module. `import.meta` is not used: it is a syntax error in CommonJS.
 */
function resolutionBases(cwd: string, join: (...parts: string[]) => string): string[] {
  const bases = [join(cwd, "package.json")];
  if (typeof process.argv[1] === "string" && process.argv[1] !== "") bases.push(process.argv[1]);
  if (typeof __filename === "string") bases.push(__filename);
  return bases;
}

async function mermaidDist(): Promise<string> {
  const { createRequire } = await import("node:module");
  const { dirname, join } = await import("node:path");
  for (const base of resolutionBases(process.cwd(), join)) {
    try {
      return dirname(createRequire(base).resolve("mermaid"));
    } catch {
      // try the next base
    }
  }
  throw new RenderSvgError("missing_dependency", "the mermaid package is not installed", "npm install --save-dev mermaid@^11.17");
}

/**
 * Starts a headless Chromium with Mermaid loaded and every other request blocked.
 *
 * @param options - browser and Mermaid settings
 * @returns a renderer; close it when done
 * @throws RenderSvgError `missing_dependency` (playwright-core or mermaid not installed) or `missing_browser`
 * @example
 * ```ts
 * import { createSvgRenderer } from "service-blueprint/render";
 * import { toMermaid } from "service-blueprint";
 * const renderer = await createSvgRenderer({ theme: "neutral" });
 * const svg = await renderer.render(toMermaid(catalog, { view: "blueprint", service: "ssa-retirement" }).diagrams[0].text);
 * await renderer.close();
 * ```
 */
export async function createSvgRenderer(options: RenderSvgOptions = {}): Promise<SvgRenderer> {
  let playwright: PwModule;
  try {
    playwright = (await import("playwright-core")) as unknown as PwModule;
  } catch (cause) {
    throw new RenderSvgError("missing_dependency", "the playwright-core package is not installed", "npm install --save-dev playwright-core", { cause });
  }
  const distDir = await mermaidDist();
  const executablePath = await findBrowser(options.executablePath, playwright);
  const { readFile } = await import("node:fs/promises");
  const { join, normalize, sep } = await import("node:path");
  let browser: PwBrowser;
  try {
    browser = await playwright.chromium.launch({ executablePath, headless: true, args: BROWSER_ARGS });
  } catch (cause) {
    throw new RenderSvgError("missing_browser", `could not start ${executablePath}`, "check that it is a working Chromium or Chrome", { cause });
  }
  const blocked: string[] = [];
  const maxTextSize = options.maxTextSize ?? 50_000;
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(options.timeoutMs ?? 60_000);
    await page.route("**/*", async (route) => {
      const href = route.request().url();
      const url = new URL(href);
      if (url.origin !== ORIGIN) {
        blocked.push(href);
        return route.abort();
      }
      if (url.pathname === "/") {
        return route.fulfill({ contentType: "text/html", body: '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#fff"><div id="diagram"></div></body></html>' });
      }
      const file = normalize(join(distDir, decodeURIComponent(url.pathname)));
      if (!file.startsWith(distDir + sep)) {
        blocked.push(href);
        return route.abort();
      }
      return route.fulfill({ contentType: "text/javascript", body: await readFile(file) });
    });
    await page.goto(`${ORIGIN}/`);
    // Browser-side code is sent as text: bundlers and test runners rewrite `import()` in functions they see.
    await page.evaluate(
      `${BROWSER_SCRIPT}\nsbSetup(${JSON.stringify({ maxEdges: options.maxEdges ?? 500, maxTextSize, theme: options.theme ?? "default" })})`,
      undefined,
    );
    let count = 0;
    const render = async (text: string): Promise<string> => {
      if (typeof text !== "string") throw new TypeError("text must be a string");
      if (text.length > maxTextSize) {
        throw new RenderSvgError(
          "text_too_large",
          `the text is ${text.length} characters, over maxTextSize ${maxTextSize}`,
          "split the diagram (toMermaid does with its maxTextSize option) or raise maxTextSize",
        );
      }
      count += 1;
      try {
        return await page.evaluate<string, undefined>(`sbRender(${JSON.stringify(text)}, ${JSON.stringify(`sb-diagram-${count}`)})`, undefined);
      } catch (cause) {
        const message = cause instanceof Error ? cause.message.split("\n").slice(0, 3).join(" ") : String(cause);
        throw new RenderSvgError("render_failed", `Mermaid could not render the text: ${message}`, "check the text with mermaid.parse; for too many edges raise maxEdges or split the diagram", { cause });
      }
    };
    return {
      render,
      async renderPng(text: string): Promise<Uint8Array> {
        await render(text);
        await page.evaluate("sbNaturalSize()", undefined);
        return page.locator("#diagram svg").screenshot({ type: "png" });
      },
      blockedRequests: blocked,
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Renders Mermaid text to SVG in a headless Chromium (started and closed for this call), with every network
 * request blocked. Needs the optional peers `mermaid` and `playwright-core`, and a Chromium or Chrome.
 *
 * @param text - Mermaid text, e.g. one diagram of `toMermaid`
 * @param options - browser and Mermaid settings
 * @returns the SVG document as text
 * @throws RenderSvgError when a dependency or the browser is missing, the text is too large, or Mermaid refuses it
 * @example
 * ```ts
 * import { renderSvg } from "service-blueprint/render";
 * import { toMermaid } from "service-blueprint";
 * const [diagram] = toMermaid(catalog, { view: "journey", service: "ssa-retirement" }).diagrams;
 * const svg = await renderSvg(diagram.text);
 * ```
 */
export async function renderSvg(text: string, options: RenderSvgOptions = {}): Promise<string> {
  // Refuse an oversized text before starting a browser for it.
  const maxTextSize = options.maxTextSize ?? 50_000;
  if (typeof text === "string" && text.length > maxTextSize) {
    throw new RenderSvgError(
      "text_too_large",
      `the text is ${text.length} characters, over maxTextSize ${maxTextSize}`,
      "split the diagram (toMermaid does with its maxTextSize option) or raise maxTextSize",
    );
  }
  const renderer = await createSvgRenderer(options);
  try {
    return await renderer.render(text);
  } finally {
    await renderer.close();
  }
}
