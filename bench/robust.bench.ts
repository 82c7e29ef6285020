/**
 * Robust input at scale (issues 21 and 22), each figure next to its floor in the same run:
 *
 * 1. One typo in a large JSON catalog: validate time and peak memory of the 200,000-step synthetic catalog as
 *    written, and with one typo (an unknown key, or a reference to a step that does not exist) in its middle.
 * 2. Hostile input: a 50 MB label and a 10,000-deep nesting, refused; time and peak memory.
 * 3. The 1,000,000-step chain (one service, each step flowing to the next): `JSON.parse` of its text, validate,
 *    and lint, time and peak memory.
 *
 * Peak memory is the maximum resident set size of a fresh child process that reads the file and does one job
 * (`JSON.parse`, or `safeParseCatalogBytes` as the command line does, optionally followed by lint). `--size=small`
 * (CI) runs every case at a small size: 2,000 steps, a 2 MB label, a 10,000-step chain. `--only=typo`,
 * `--only=hostile` or `--only=chain` runs one part.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lintCatalog, safeParseCatalogBytes, safeParseCatalogText } from "../src/index.js";
import { SIZES, medianMs, syntheticCatalog, table } from "./synthetic.js";

const TODAY = "2026-12-01";

/**
 * The text of one service whose `steps` steps form a chain, written piece by piece (no catalog object is built).
 * Every step has a name, a lane, a channel, minutes and a flow to the next, like a real process.
 */
export function chainCatalogText(steps: number): string {
  const parts: string[] = [
    '{"version":1,"name":"A long chain","agencies":[{"id":"agency","name":"Agency"}],',
    '"channels":[{"id":"web","name":"Web","kind":"website","agency":"agency"},{"id":"office","name":"Office","kind":"in-person","agency":"agency"}],',
    '"services":[{"id":"chain","name":"A very long service","agency":"agency","kind":"benefits",',
    '"occasion":{"kind":"intent","story":"I need this"},"offering":{"name":"A benefit","kind":"benefit"},"channels":["web","office"],"steps":[',
  ];
  for (let i = 0; i < steps; i++) {
    const last = i === steps - 1;
    const next = last ? "" : `,"next":[{"to":"step-${i + 1}"}]`;
    const outcome = last ? ',"outcome":"granted"' : "";
    parts.push(
      `${i === 0 ? "" : ","}{"id":"step-${i}","name":"Step ${i} of the chain","lane":"${i % 3 === 0 ? "customer" : "backstage"}","channel":"${i % 2 === 0 ? "web" : "office"}","customerMinutes":${i % 17},"waitDays":${i % 5}${outcome}${next}}`,
    );
  }
  parts.push("]}]}");
  return parts.join("");
}

type Job = "parse" | "validate" | "lint";

// ── child mode: read one file, do one job, print the peak resident set size ───────────────────────────────────
const child = process.argv.find((a) => a.startsWith("--child="))?.slice("--child=".length) as Job | undefined;
if (child !== undefined) {
  const file = process.argv.find((a) => a.startsWith("--file="))!.slice("--file=".length);
  const bytes = readFileSync(file);
  let outcome: string;
  if (child === "parse") {
    JSON.parse(bytes.toString("utf8"));
    outcome = "parsed";
  } else {
    const result = safeParseCatalogBytes(bytes, { source: file });
    outcome = result.success ? "valid" : result.issues.map((i) => i.code).join(",");
    if (child === "lint" && result.success) outcome += ` ${lintCatalog(result.catalog, { preset: "all", today: TODAY }).findings.length} findings`;
  }
  process.stdout.write(JSON.stringify({ peak: process.resourceUsage().maxRSS, outcome }));
  process.exit(0);
}

/** Peak MB and outcome of a fresh process doing `job` on `file`. */
function peak(job: Job, file: string): { mb: number; outcome: string } {
  const run = spawnSync(process.execPath, ["--max-old-space-size=8192", process.argv[1]!, `--child=${job}`, `--file=${file}`], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`child ${job} ${file} failed: ${run.stderr}`);
  const { peak: kb, outcome } = JSON.parse(run.stdout) as { peak: number; outcome: string };
  return { mb: kb / 1024, outcome };
}

/** The text with the first occurrence of `from` at or after its middle replaced by `to`. */
function typoInMiddle(text: string, from: string, to: string): string {
  const at = text.indexOf(from, Math.floor(text.length / 2));
  if (at < 0) throw new Error(`no ${from} after the middle`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const small = process.argv.includes("--size=small");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const part = (name: string): boolean => only === undefined || only === name;
const dir = mkdtempSync(join(tmpdir(), "sb-robust-"));
const fmt = (ms: number) => ms.toFixed(0);
const mb = (text: string) => `${(text.length / 1e6).toFixed(1)} MB`;
try {
  // ── 1. one typo ───────────────────────────────────────────────────────────────────────────────────────────────
  if (part("typo")) {
    const { label, size } = small ? SIZES[0]! : SIZES[2]!;
    const valid = JSON.stringify(syntheticCatalog(size));
    const cases: [string, string][] = [
      ["as written (valid)", valid],
      ["one unknown key (`customerMinuts`)", typoInMiddle(valid, '"customerMinutes"', '"customerMinuts"')],
      ["one unknown step in a `next`", typoInMiddle(valid, '"to":"step-', '"to":"stepp-')],
    ];
    const runs = small ? 1 : 3;
    const rows: (string | number)[][] = [];
    let base: { ms: number; mb: number } | undefined;
    for (const [name, text] of cases) {
      const file = join(dir, "typo.json");
      writeFileSync(file, text);
      const ms = medianMs(runs, () => safeParseCatalogText(text, { format: "json" }));
      const memory = peak("validate", file);
      base ??= { ms, mb: memory.mb };
      rows.push([name, memory.outcome, fmt(ms), (ms / base.ms).toFixed(2), memory.mb.toFixed(0), (memory.mb / base.mb).toFixed(2)]);
    }
    console.log(`One typo in the ${label} synthetic catalog (JSON, ${mb(valid)}); validate = safeParseCatalogText, median of ${runs}.\n`);
    console.log(table(["catalog", "result", "validate ms", "÷ valid", "peak MB (read + validate)", "÷ valid"], rows));
  }

  // ── 2. hostile input ──────────────────────────────────────────────────────────────────────────────────────────
  if (part("hostile")) {
    const labelLength = small ? 2_000_000 : 50_000_000;
    const base = JSON.stringify(syntheticCatalog({ agencies: 2, services: 2, stepsPerService: 5, experiences: 0 }));
    const longLabel = base.replace('"name":"Step 1 of service 0"', `"name":"${"x".repeat(labelLength)}"`);
    const depth = 10_000;
    const deep = `${base.slice(0, -1)},"deep":${"[".repeat(depth)}${"]".repeat(depth)}}`;
    const rows: (string | number)[][] = [];
    for (const [name, text] of [
      [`a label of ${labelLength.toLocaleString("en-US")} characters`, longLabel],
      [`nesting ${depth.toLocaleString("en-US")} deep`, deep],
    ] as const) {
      const file = join(dir, "hostile.json");
      writeFileSync(file, text);
      const ms = medianMs(3, () => safeParseCatalogText(text, { format: "json" }));
      const floor = medianMs(3, () => JSON.parse(text));
      const memory = peak("validate", file);
      const parseMemory = peak("parse", file);
      rows.push([name, mb(text), memory.outcome, fmt(floor), fmt(ms), parseMemory.mb.toFixed(0), memory.mb.toFixed(0)]);
    }
    console.log("\nHostile input (JSON), refused before it is parsed; floor = JSON.parse of the same text.\n");
    console.log(table(["input", "text", "result", "JSON.parse ms", "validate ms", "JSON.parse peak MB", "validate peak MB"], rows));
  }

  // ── 3. the long chain ─────────────────────────────────────────────────────────────────────────────────────────
  if (part("chain")) {
    const steps = small ? 10_000 : 1_000_000;
    const text = chainCatalogText(steps);
    const file = join(dir, "chain.json");
    writeFileSync(file, text);
    const runs = small ? 1 : 1;
    const parseMs = medianMs(runs, () => JSON.parse(text));
    let catalog: ReturnType<typeof safeParseCatalogText> | undefined;
    const validateMs = medianMs(runs, () => (catalog = safeParseCatalogText(text, { format: "json" })));
    if (catalog === undefined || !catalog.success) throw new Error("the chain is invalid");
    const valid = catalog.catalog;
    const lintMs = medianMs(runs, () => lintCatalog(valid, { preset: "all", today: TODAY }));
    catalog = undefined;
    const parseMemory = peak("parse", file);
    const validateMemory = peak("validate", file);
    const lintMemory = peak("lint", file);
    console.log(`\nThe ${steps.toLocaleString("en-US")}-step chain (one service, JSON, ${mb(text)}); median of ${runs}; peak = a fresh process reading the file.\n`);
    console.log(
      table(
        ["job", "ms", "÷ JSON.parse", "peak MB", "÷ JSON.parse", "result"],
        [
          ["JSON.parse", fmt(parseMs), "1.00", parseMemory.mb.toFixed(0), "1.00", parseMemory.outcome],
          ["validate (safeParseCatalogBytes)", fmt(validateMs), (validateMs / parseMs).toFixed(2), validateMemory.mb.toFixed(0), (validateMemory.mb / parseMemory.mb).toFixed(2), validateMemory.outcome],
          ["validate + lint (preset all)", fmt(validateMs + lintMs), ((validateMs + lintMs) / parseMs).toFixed(2), lintMemory.mb.toFixed(0), (lintMemory.mb / parseMemory.mb).toFixed(2), lintMemory.outcome],
        ],
      ),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
