#!/usr/bin/env node
// `npm run demo`: runs the built CLI (dist/cli.js; `npm run demo` builds it first) on every bundled example with an
// as-is catalog, and writes into out/<example>/: the diagrams (.mmd, and .svg when a Chromium is installed), the
// findings (stylish text and SARIF), the as-is → to-be comparison, and the HTML report.
// examples/federal-hisp-services (hundreds of imported services) is left out: it takes minutes to render.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const cli = join(root, "dist/cli.js");
const out = "out"; // relative to the repository root, the working directory of every run
if (!existsSync(cli)) {
  console.error("dist/cli.js is missing: run 'npm run build' first (npm run demo does)");
  process.exit(2);
}

const browsers = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];
const chromium = browsers.find((path) => path !== undefined && path !== "" && existsSync(path));
console.log(
  chromium !== undefined
    ? `Chromium found at ${chromium}: diagrams are rendered to SVG`
    : "No Chromium found (set CHROMIUM_PATH, or apt-get install chromium): diagrams are written as Mermaid text only, and the report shows their source",
);

/** Runs the CLI; `allowed` lists the exit codes that are not a failure of the demo. */
function run(args, { stdoutTo, allowed = [0] } = {}) {
  const shown = args.map((a) => (a.startsWith(root) ? relative(root, a) : a)).join(" ");
  console.log(`$ service-blueprint ${shown}${stdoutTo ? ` > ${relative(root, stdoutTo)}` : ""}`);
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...(chromium ? { CHROMIUM_PATH: chromium } : {}) },
  });
  if (!allowed.includes(result.status)) {
    console.error(result.stdout);
    console.error(`demo: 'service-blueprint ${shown}' exited with ${result.status}`);
    process.exit(1);
  }
  return result.stdout;
}

rmSync(join(root, out), { recursive: true, force: true });
const examples = readdirSync(join(root, "examples"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, "examples", entry.name, "as-is.yaml")))
  .map((entry) => entry.name)
  .sort();

for (const name of examples) {
  const dir = join(out, name);
  mkdirSync(join(root, dir), { recursive: true });
  const asIs = join("examples", name, "as-is.yaml");
  const toBe = join("examples", name, "to-be.yaml");
  const catalogs = existsSync(join(root, toBe)) ? [asIs, toBe] : [asIs];
  console.log(`\n## ${name}`);
  process.stdout.write(run(["validate", ...catalogs]));
  writeFileSync(join(root, dir, "findings.txt"), run(["lint", asIs, "--fail-on", "never"]));
  run(["lint", asIs, "--format", "sarif", "--output", join(dir, "findings.sarif"), "--fail-on", "never"]);
  const svg = chromium !== undefined ? ["--svg"] : [];
  // Blueprints as Mermaid text: the report renders every one of them, so rendering them here too would double the
  // time the demo spends in the browser.
  run(["diagram", asIs, "--view", "blueprint", "--sludge", "--out", join(dir, "diagrams")]);
  run(["diagram", asIs, "--view", "life-experience", "--sludge", "--out", join(dir, "diagrams"), ...svg]);
  run(["diagram", asIs, "--view", "journey", "--out", join(dir, "diagrams")]);
  if (catalogs.length === 2) {
    const text = run(["compare", asIs, toBe]);
    writeFileSync(join(root, dir, "compare.txt"), text);
    run(["compare", asIs, toBe, "--format", "markdown", "--output", join(dir, "compare.md")]);
    process.stdout.write(text.split("\n").slice(0, 5).join("\n") + "\n");
  }
  const compare = catalogs.length === 2 ? ["--compare", toBe] : [];
  run(["report", asIs, ...compare, "--out", join(dir, "report.html"), ...(chromium !== undefined ? [] : ["--no-svg"])]);
}
console.log(`\nDone: open out/<example>/report.html (${examples.map((n) => `out/${n}/report.html`).join(", ")})`);
