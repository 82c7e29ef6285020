import { describe, expect, it } from "vitest";
import { MermaidExportError, toMermaid, type MermaidOptions, type MermaidView } from "../../src/export/mermaid/index.js";
import { retirementCatalog } from "./fixtures.js";

const catalog = retirementCatalog();
const blueprint: MermaidView = { view: "blueprint", service: "ssa-retire" };

function failure(run: () => unknown): MermaidExportError {
  try {
    run();
  } catch (error) {
    if (error instanceof MermaidExportError) return error;
    throw error;
  }
  throw new Error("expected a MermaidExportError");
}

describe("options checking", () => {
  it.each([
    [{ lane: ["customer"] }, "options.lane", "did you mean 'lanes'?"],
    [{ lanes: ["custmer"] }, "options.lanes[0]", "did you mean 'customer'?"],
    [{ agencies: ["ssa", "irz"] }, "options.agencies[1]", "did you mean 'irs'?"],
    [{ channels: ["websit"] }, "options.channels[0]", "did you mean 'website'?"],
    [{ collapse: ["cms-enrol"] }, "options.collapse[0]", "did you mean 'cms-enroll'?"],
    [{ maxEdges: 10 }, "options.maxEdges", "got 10"],
    [{ maxTextSize: 1.5 }, "options.maxTextSize", "got 1.5"],
    [{ defaultScore: 6 }, "options.defaultScore", "got 6"],
    [{ layout: "elk" }, "options.layout", undefined],
    [{ details: "yes" }, "options.details", undefined],
    [{ findings: {} }, "options.findings", undefined],
  ])("refuses %j at %s", (options, path, hint) => {
    const error = failure(() => toMermaid(catalog, blueprint, options as unknown as MermaidOptions));
    expect(error.code).toBe("invalid_option");
    expect(error.path).toBe(path);
    expect(error.hint).toBe(hint);
  });

  it("refuses an unknown view", () => {
    const error = failure(() => toMermaid(catalog, { view: "sequence", service: "x" } as unknown as MermaidView));
    expect(error.code).toBe("invalid_view");
    expect(error.path).toBe("view.view");
  });

  it("accepts channel ids, kinds and groups alike", () => {
    for (const channel of ["ssa-office", "in-person"]) {
      expect(toMermaid(catalog, blueprint, { channels: [channel] }).diagrams[0]!.text).toContain("Bring documents to the office");
    }
  });

  it("says when an option does not apply to the view", () => {
    const result = toMermaid(catalog, { view: "life-experience", experience: "retire" }, { layout: "swimlane" });
    expect(result.warnings).toContainEqual({ code: "option_ignored", message: "options.layout applies to blueprints only" });
  });

  it("cuts long labels to maxLabelLength", () => {
    const text = toMermaid(catalog, blueprint, { maxColumns: 100, maxLabelLength: 12 }).diagrams[0]!.text;
    expect(text).toContain("**Apply online**");
    expect(text).toContain("**Bring docum…**");
  });

  it("leaves details out when asked", () => {
    const text = toMermaid(catalog, blueprint, { maxColumns: 100, details: false }).diagrams[0]!.text;
    expect(text).not.toContain("WAIT");
    expect(text).toContain("**Verify earnings record**");
  });
});
