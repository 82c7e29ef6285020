#!/usr/bin/env node
// Before `npm test`: builds dist/ with tsup unless it is already newer than everything it is built from (src/,
// build/ (modules the bundle swaps in), tsup.config.ts, package.json, package-lock.json), so that the `dist` and `chromium` projects always test the
// current sources and a run right after `npm run build` (as CI does) does not build twice.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");

/** The newest modification time under `path` (a file or a folder), in ms; 0 where nothing is there. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** The oldest of the built entry points: a build is as old as its oldest output. */
const outputs = ["index.js", "index.cjs", "index.d.ts", "cli.js", "testing.js", "render.js", "import.js"].map((f) => join(root, "dist", f));
const built = outputs.every((f) => existsSync(f)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
const sources = Math.max(...["src", "build", "tsup.config.ts", "package.json", "package-lock.json"].map((p) => newest(join(root, p))));
if (built > sources) {
  console.error("dist/ is newer than its sources: not building again");
  process.exit(0);
}
const tsupDir = join(root, "node_modules", "tsup");
const tsup = join(tsupDir, JSON.parse(readFileSync(join(tsupDir, "package.json"), "utf8")).bin.tsup);
const run = spawnSync(process.execPath, [tsup, "--silent"], { cwd: root, stdio: "inherit" });
process.exit(run.status ?? 1);
