/**
 * Every error the library throws is a ServiceBlueprintError with a snake_case code, recognised by
 * isServiceBlueprintError (issue 20: one base error class with a code and a cross-realm guard).
 */
import { describe, expect, it } from "vitest";
import {
  CatalogValidationError,
  FormatError,
  GraphAnalysisError,
  LintConfigError,
  MermaidExportError,
  RuleDefinitionError,
  ServiceBlueprintError,
  formatFindings,
  isServiceBlueprintError,
  lintCatalog,
  parseCatalog,
  parseLintConfig,
  toMermaid,
  defineRule,
  analyzeService,
} from "../src/index.js";
import { RenderSvgError } from "../src/render.js";
import { A11ImportError, importA11Feedback } from "../src/import.js";
import { CliError } from "../src/cli/errors.js";

/** What a function throws. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected it to throw");
}

const catalog = parseCatalog({ version: 1, name: "Errors", agencies: [{ id: "ssa", name: "Social Security Administration" }] });

describe("library errors", () => {
  const cases: [string, () => unknown, abstract new (...args: never[]) => Error, string][] = [
    ["parseCatalog", () => parseCatalog({ version: 1 }), CatalogValidationError, "invalid_catalog"],
    ["parseLintConfig", () => parseLintConfig({ rules: { "no-such-rule": "error" } }), LintConfigError, "invalid_config"],
    ["defineRule", () => defineRule({ meta: { id: "Bad Id" } } as never), RuleDefinitionError, "invalid_rule"],
    ["toMermaid", () => toMermaid(catalog, { view: "blueprint", service: "nope" }), MermaidExportError, "unknown_service"],
    ["formatFindings", () => formatFindings(lintCatalog(catalog), "yaml" as never), FormatError, "unknown_format"],
    ["analyzeService", () => analyzeService(catalog, "nope"), GraphAnalysisError, "unknown_service"],
    ["importA11Feedback", () => importA11Feedback("not,a,feedback,file\n1,2,3,4\n"), A11ImportError, "missing_column"],
  ];
  for (const [name, run, type, code] of cases) {
    it(`${name} throws a ${type.name} that is a ServiceBlueprintError with a code`, () => {
      const error = thrown(run);
      expect(error).toBeInstanceOf(type);
      expect(error).toBeInstanceOf(ServiceBlueprintError);
      expect(isServiceBlueprintError(error)).toBe(true);
      expect((error as ServiceBlueprintError).code).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
      expect(isServiceBlueprintError(error, code)).toBe(true);
    });
  }

  it("the renderer's and the CLI's errors share the base", () => {
    expect(isServiceBlueprintError(new RenderSvgError("render_failed", "m", "h"), "render_failed")).toBe(true);
    expect(isServiceBlueprintError(new CliError("usage", "m"), "usage")).toBe(true);
  });

  it("recognises nothing else", () => {
    for (const value of [new Error("x"), { code: "invalid_catalog" }, null, undefined, "invalid_catalog", Object.create(null)]) {
      expect(isServiceBlueprintError(value)).toBe(false);
    }
  });
});
