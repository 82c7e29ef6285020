/**
 * Cold start: the wall time of fresh processes of the built binary (`dist/cli.js`) against a bare `node -e 0`, in
 * the same run. Each round starts every command once, in turn, so that a change in the machine's load touches all
 * of them alike; the table gives the median and the fastest of the rounds, and each median as a multiple of the
 * bare Node start's. Aims (issue 19): `--version` under 1.3 times a bare Node start, `validate` under 2 times.
 *
 * `npm run build` first. Options: `--runs=N` (default 21, 5 with `--size=small`); `--root=DIR` measures the build of
 * another checkout (for a before/after comparison: `git archive <commit> | tar -x -C DIR`, link node_modules, build);
 * `--before=DIR` measures that other build in the same rounds as this one, each of its processes started just
 * before this build's, so that before and after see the same load (its rows are marked "before").
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { table } from "./synthetic.js";

const small = process.argv.includes("--size=small");
const option = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const runs = Number(option("runs") ?? (small ? 2 : 21));
// The runner bundles this file elsewhere and runs it from the repository root.
const root = resolve(option("root") ?? ".");
const beforeRoot = option("before") === undefined ? undefined : resolve(option("before")!);

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  /** The multiple of a bare Node start the issue aims for. */
  readonly aim?: number;
}

// The starter catalog `init` writes, for the fixed cost of `validate` apart from reading a larger file.
const scratch = mkdtempSync(join(tmpdir(), "sb-cold-start-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

/** The processes measured for the build in `dir`, their names ending in `suffix`. */
function casesOf(dir: string, suffix: string): Case[] {
  const cli = join(dir, "dist/cli.js");
  // The smallest bundled example (3 services, 39 steps, 23 KB of YAML).
  const example = join(dir, "examples/transitioning-to-civilian-life/as-is.yaml");
  for (const file of [cli, example]) {
    if (!existsSync(file)) {
      console.error(`${file} is missing (run \`npm run build\` in ${dir})`);
      process.exit(1);
    }
  }
  const starter = join(mkdtempSync(join(scratch, "init-")), "catalog.yaml");
  const init = spawnSync(process.execPath, [cli, "init", starter], { cwd: scratch, encoding: "utf8" });
  if (init.status !== 0) throw new Error(`init exited ${init.status}: ${init.stderr}`);
  return [
    { name: `\`service-blueprint --version\`${suffix}`, args: [cli, "--version"], aim: 1.3 },
    { name: `\`service-blueprint validate\` (the smallest bundled example, 23 KB)${suffix}`, args: [cli, "validate", example], aim: 2 },
    { name: `\`service-blueprint validate\` (the starter catalog \`init\` writes, 3 KB)${suffix}`, args: [cli, "validate", starter] },
    { name: `\`service-blueprint lint\` (the same example)${suffix}`, args: [cli, "lint", example, "--fail-on", "never"] },
    { name: `\`import\` of the library (ESM)${suffix}`, args: ["--input-type=module", "-e", `await import(${JSON.stringify(pathToFileURL(join(dir, "dist/index.js")).href)})`] },
    { name: `\`require\` of the library (CommonJS)${suffix}`, args: ["-e", `require(${JSON.stringify(join(dir, "dist/index.cjs"))})`] },
  ];
}

const after = casesOf(root, "");
const before = beforeRoot === undefined ? [] : casesOf(beforeRoot, ", before");
// With a before build, each of its processes runs right before the same process of this build.
const cases: readonly Case[] = [
  { name: "`node -e 0` (bare Node)", args: ["-e", "0"] },
  ...after.flatMap((c, i) => (before[i] === undefined ? [c] : [before[i]!, c])),
];

function once(args: readonly string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr.toString()}`);
  return ms;
}

// One warm-up round: the files are in the page cache before anything is timed.
for (const c of cases) once(c.args);
const times = cases.map(() => [] as number[]);
for (let round = 0; round < runs; round++) cases.forEach((c, i) => times[i]!.push(once(c.args)));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bare = median(times[0]!);

const builds = `${root === resolve(".") ? "this checkout" : root}${beforeRoot === undefined ? "" : `; before: ${beforeRoot}`}`;
console.log(`### Cold start, median of ${runs} rounds (${builds})\n`);
console.log(
  table(
    ["process", "median ms", "fastest ms", "÷ bare Node", "aim"],
    cases.map((c, i) => {
      const m = median(times[i]!);
      const ratio = m / bare;
      const aim = c.aim === undefined ? "" : `< ${c.aim}× ${ratio < c.aim ? "(met)" : "(missed)"}`;
      return [c.name, m.toFixed(0), Math.min(...times[i]!).toFixed(0), ratio.toFixed(2), aim];
    }),
  ),
);
