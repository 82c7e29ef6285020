import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Four projects, so that a change runs the fast part in seconds:
 * - `unit`: the library from its sources (model, graph, sludge, exporters' text, report HTML), and the command line
 *   run in-process (`runCliInProcess` of tests/cli/run.ts: src/cli's `runCli` with an io in memory);
 * - `deep`: the same sources held to more: property tests over generated catalogs (and the testing kit's own
 *   arbitraries), every bundled example end to end, and scale (large catalogs, the federal example's positions);
 * - `dist`: the built package and CLI as a user runs them (a few smoke tests of dist/cli.js in subprocesses, in
 *   tests/smoke/cli-binary.test.ts; the packed tarball; the README's commands);
 * - `chromium`: Mermaid output and the report rendered and measured in headless Chromium (Debian's package).
 * `npm test` runs all four; `npm test -- --project unit` runs one. The unit files share their workers' module
 * cache (`isolate: false`: none of them changes global state), which saves most of their start-up.
 */
const DEEP = [
  "tests/properties/**/*.test.ts",
  "tests/testing/**/*.test.ts",
  "tests/examples/**/*.test.ts",
  "tests/export/examples.test.ts",
  "tests/export/budget.test.ts",
  "tests/graph/scale.test.ts",
  "tests/model/source.test.ts",
  "tests/report/formatters/json-positions.test.ts",
  "tests/report/formatters/chunks.test.ts",
  "tests/report/html/report-cli.test.ts",
  "tests/cli/robust-input.test.ts",
];
const DIST = ["tests/consumer/**/*.test.ts", "tests/smoke/**/*.test.ts", "tests/readme.test.ts"];
const CHROMIUM = [
  "tests/cli/report-chromium.test.ts",
  "tests/examples/figures.test.ts",
  "tests/export/compare.test.ts",
  "tests/export/journey-render.test.ts",
  "tests/export/life-experience-measure.test.ts",
  "tests/export/measure.test.ts",
  "tests/export/measure-sludge.test.ts",
  "tests/properties/render.test.ts",
  "tests/export/render-svg.test.ts",
  "tests/export/render.test.ts",
  "tests/report/html/report-chromium.test.ts",
];

export default defineConfig({
  test: {
    // Vitest runs one worker less than the cores: on a 2-core CI machine that is one file at a time, while much of
    // the time goes to waiting on Chromium. Every core runs a worker.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Property tests (fast-check over generated catalogs) live in tests/properties/<area>.test.ts; other files mix in
    // a property where it states a unit's contract.
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: [...DEEP, ...DIST, ...CHROMIUM], isolate: false } },
      { extends: true, test: { name: "deep", include: DEEP, exclude: [...DIST, ...CHROMIUM], isolate: false } },
      { extends: true, test: { name: "dist", include: DIST, exclude: CHROMIUM } },
      { extends: true, test: { name: "chromium", include: CHROMIUM } },
    ],
  },
});
