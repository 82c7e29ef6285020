/**
 * The pictures under docs/images/ and the links of the documentation pages this area owns: every figure of
 * scripts/render-figures.mjs comes from a valid example as one diagram and is committed; where Chromium is
 * installed, rendering it again gives the committed bytes (so the pictures are deterministic and up to date);
 * every relative link and image of the pages resolves to a file.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import { openChromium } from "../helpers/chromium.js";
// @ts-expect-error -- a plain ESM script without types; the test reads its figure list and its render function.
import { FIGURES, figurePath, renderFigure } from "../../scripts/render-figures.mjs";

interface Figure {
  readonly name: string;
  readonly catalog: string;
  readonly view: lib.MermaidView;
  readonly caption: string;
  readonly findings?: boolean;
  readonly options?: lib.MermaidOptions;
  readonly part?: number;
}

const root = join(import.meta.dirname, "..", "..");
const figures = FIGURES as readonly Figure[];
const chromium = await openChromium();
afterAll(() => chromium?.close());

describe("documentation figures", () => {
  it("lists figures with unique names", () => {
    expect(figures.length).toBeGreaterThan(0);
    expect(new Set(figures.map((f) => f.name)).size).toBe(figures.length);
  });

  for (const figure of figures) {
    describe(figure.name, () => {
      it("draws one diagram of a valid example, and the picture is committed with its labels", () => {
        const catalog = lib.parseCatalogText(readFileSync(join(root, figure.catalog), "utf8"), { format: "yaml" });
        const result = lib.toMermaid(catalog, figure.view, figure.options ?? {});
        if (figure.part === undefined) expect(result.diagrams).toHaveLength(1);
        else expect(result.diagrams.length).toBeGreaterThanOrEqual(figure.part);
        const path = figurePath(figure) as string;
        expect(existsSync(path), path).toBe(true);
        const svg = readFileSync(path, "utf8");
        expect(svg.startsWith("<svg")).toBe(true);
        const view = figure.view;
        const subject =
          view.view === "life-experience"
            ? catalog.lifeExperiences.find((x) => x.id === view.experience)!.name
            : catalog.services.find((s) => s.id === view.service)!.name;
        expect(svg).toContain(subject.replace(/&/g, "&amp;"));
        expect(svg).not.toMatch(/<script/i);
      });

      it.skipIf(chromium === null)("renders to the committed bytes (run `npm run figures` after changing an example)", async () => {
        const svg = (await renderFigure(lib, chromium, figure)) as string;
        expect(svg === readFileSync(figurePath(figure) as string, "utf8"), `${figure.name}.svg is out of date`).toBe(true);
        expect(chromium!.blockedRequests).toEqual([]);
      }, 60_000);
    });
  }
});

/** Relative link and image targets of a Markdown page (code blocks skipped), without their #fragment. */
function relativeTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, "");
  const targets: string[] = [];
  for (const match of withoutCode.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1]!;
    if (/^[a-z]+:/i.test(target) || target.startsWith("#")) continue;
    targets.push(target.split("#")[0]!);
  }
  return targets;
}

const PAGES = [
  "docs/README.md",
  "docs/getting-started.md",
  "docs/concepts.md",
  "docs/modeling.md",
  "examples/README.md",
  "examples/facing-a-financial-shock/README.md",
  "examples/having-a-child/README.md",
  "examples/transitioning-to-civilian-life/README.md",
  "examples/starting-a-small-business/README.md",
];

describe("documentation links", () => {
  for (const page of PAGES) {
    it(`${page}: every relative link and image resolves`, () => {
      const text = readFileSync(join(root, page), "utf8");
      const missing = relativeTargets(text).filter((target) => !existsSync(join(root, dirname(page), target)));
      expect(missing).toEqual([]);
    });
  }
});
