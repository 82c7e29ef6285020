import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("language-gap", () => {
  it("flags customer-facing steps offered in one language, letters included", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", channel: "web", languages: ["en"] },
      { id: "dialects", lane: "customer", channel: "web", languages: ["en-US", "en-GB"] },
      { id: "letter", lane: "physical-evidence", channel: "mail", languages: ["en"] },
      { id: "review", lane: "backstage", languages: ["en"] },
    ]);
    expectFindings(lintRule("language-gap", catalog), [
      { target: { service: "svc", step: "apply" }, message: "offered only in en" },
      { target: { service: "svc", step: "dialects" }, message: "offered only in en" },
      { target: { service: "svc", step: "letter" }, message: "offered only in en" },
    ]);
  });

  it("passes steps in several languages and steps that state none", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", channel: "web", languages: ["en", "es-US"] },
      { id: "call", lane: "customer", channel: "phone" },
    ]);
    expect(lintRule("language-gap", catalog)).toEqual([]);
  });

  it("checks required languages and, when asked, steps that state no languages", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", channel: "web", languages: ["en", "zh"] },
      { id: "call", lane: "customer", channel: "phone" },
    ]);
    expectFindings(lintRule("language-gap", catalog, { requiredLanguages: ["es"], flagUndeclared: true }), [
      { target: { service: "svc", step: "apply" }, message: "is not offered in 'es' (offered in en, zh)" },
      { target: { service: "svc", step: "call" }, message: "states no languages" },
    ]);
  });
});
