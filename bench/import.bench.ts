/**
 * A-11 feedback import: the real FY2021-FY2023 HISP file (481 rows, 1 MB), cold and warm, split into its phases
 * (csv-parse alone, the whole import, of which the final validation), merge mode, and summarizing every service;
 * then the same rows replicated as more services, to show the import grows linearly.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { safeParseCatalog, serializeCatalog, summarizeFeedback } from "../src/index.js";
import { importA11Feedback } from "../src/import.js";
import { medianMs, table } from "./synthetic.js";

const small = process.argv.includes("--size=small");
// The runner bundles this file elsewhere and runs it from the repository root.
const csvPath = resolve("examples/federal-hisp-services/hisp-cx-data-2023-05-21.csv");
const text = readFileSync(csvPath, "utf8");
const fmt = (ms: number) => ms.toFixed(1);

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The real rows `copies` times, each copy as services of its own (ids and slugs suffixed). */
function replicated(copies: number): string {
  const records = parse(text) as string[][];
  const header = records[0]!;
  const idColumn = header.indexOf("id");
  const serviceColumn = header.indexOf("attributes_service_id");
  const slugColumn = header.indexOf("attributes_service_slug");
  const lines = [header.map(quote).join(",")];
  for (let copy = 0; copy < copies; copy++) {
    for (const record of records.slice(1)) {
      const row = [...record];
      row[idColumn] = `${row[idColumn]}-${copy}`;
      row[serviceColumn] = `${row[serviceColumn]}${copy === 0 ? "" : `-${copy}`}`;
      if (row[slugColumn] !== "" && copy > 0) row[slugColumn] = `${row[slugColumn]}-copy-${copy}`;
      lines.push(row.map(quote).join(","));
    }
  }
  return `${lines.join("\n")}\n`;
}

// Cold: the first import in this process (module JIT, regex compilation), on the real file.
const coldStart = performance.now();
const first = importA11Feedback(text);
const cold = performance.now() - coldStart;
if (first.report.imported.length !== 481) throw new Error("the real file did not import whole");

const runs = small ? 1 : 9;
const csvOnly = medianMs(runs, () => parse(text, { info: true, bom: true, skip_empty_lines: true }));
const whole = medianMs(runs, () => importA11Feedback(text));
const validation = medianMs(runs, () => safeParseCatalog(JSON.parse(JSON.stringify(first.catalog))));
const jsonRoundTrip = medianMs(runs, () => JSON.parse(JSON.stringify(first.catalog)));
const target = first.catalog;
const merge = medianMs(runs, () => importA11Feedback(text, { merge: { catalog: target } }));
const summarize = medianMs(runs, () => {
  for (const service of target.services) summarizeFeedback(service);
});
const yaml = medianMs(small ? 1 : 3, () => serializeCatalog(target, { format: "yaml" }));

console.log("### The real file: 481 rows, 0.99 MB, 47 services\n");
console.log(
  table(
    ["step", "ms"],
    [
      ["importA11Feedback, cold (first call in the process)", fmt(cold)],
      ["importA11Feedback, warm (median)", fmt(whole)],
      ["  of which: csv-parse alone", fmt(csvOnly)],
      ["  of which, about: final validation (safeParseCatalog, less a JSON round trip)", fmt(Math.max(0, validation - jsonRoundTrip))],
      ["merge mode into the imported catalog (every row replaces its collection)", fmt(merge)],
      ["summarizeFeedback over all 47 services", fmt(summarize)],
      ["serializeCatalog to YAML (for comparison)", fmt(yaml)],
    ],
  ),
);

if (!small) {
  const rows: (string | number)[][] = [];
  for (const copies of [1, 10, 50]) {
    const big = copies === 1 ? text : replicated(copies);
    const ms = medianMs(copies >= 50 ? 3 : 5, () => importA11Feedback(big));
    const result = importA11Feedback(big);
    const heap = process.memoryUsage().heapUsed / 1e6;
    rows.push([
      copies * 481,
      result.catalog.services.length,
      `${(big.length / 1e6).toFixed(1)} MB`,
      fmt(ms),
      ((ms / (copies * 481)) * 1000).toFixed(0),
      `${heap.toFixed(0)} MB`,
    ]);
  }
  console.log("\n### Replicated rows (each copy as new services)\n");
  console.log(table(["rows", "services", "CSV", "import ms", "µs per row", "heap after"], rows));
}
