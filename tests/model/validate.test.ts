import { describe, expect, it } from "vitest";
import {
  CatalogValidationError,
  type CatalogInput,
  parseCatalog,
  safeParseCatalog,
} from "../../src/index.js";
import { smallCatalog } from "../fixtures/small-catalog.js";

type Mutable = any; // fixtures are edited freely before validation

function issuesOf(doc: unknown) {
  const result = safeParseCatalog(doc);
  expect(result.success).toBe(false);
  return result.issues.map((i) => ({ code: i.code, path: i.path, hint: i.hint }));
}

describe("safeParseCatalog", () => {
  it("accepts a sound cross-agency catalog and fills defaults", () => {
    const result = safeParseCatalog(smallCatalog());
    expect(result.issues).toEqual([]);
    expect(result.success).toBe(true);
    const catalog = result.catalog!;
    expect(catalog.services[1]!.steps[0]!.tools).toEqual([]);
    expect(catalog.services[1]!.steps[0]!.evidence).toBe("assumed");
    expect(Object.isFrozen(catalog)).toBe(true);
    expect(Object.isFrozen(catalog.services[0]!.steps[0]!.next)).toBe(true);
  });

  it("reports every schema problem at once with paths and did-you-mean hints", () => {
    const doc: Mutable = smallCatalog();
    doc.services[0].kind = "benefit";
    doc.services[0].steps[2].lane = "back-stage";
    doc.services[0].steps[0].customerMinuts = 3;
    doc.services[1].steps[0].customerMinutes = -5;
    delete doc.services[1].offering;
    expect(issuesOf(doc)).toEqual([
      { code: "invalid_value", path: "services[0].kind", hint: "did you mean 'benefits'?" },
      { code: "unrecognized_key", path: "services[0].steps[0].customerMinuts", hint: "did you mean 'customerMinutes'?" },
      { code: "invalid_value", path: "services[0].steps[2].lane", hint: "did you mean 'backstage'?" },
      { code: "missing_field", path: "services[1].offering", hint: "add offering: <object>" },
      { code: "too_small", path: "services[1].steps[0].customerMinutes", hint: undefined },
    ]);
  });

  it("reports a missing enum field as missing, with the values to choose from", () => {
    const doc: Mutable = smallCatalog();
    delete doc.services[0].steps[1].lane;
    expect(issuesOf(doc)).toEqual([
      {
        code: "missing_field",
        path: "services[0].steps[1].lane",
        hint: "set lane to one of 'physical-evidence', 'customer', 'frontstage', 'backstage', 'support'",
      },
    ]);
  });

  it("reports dangling references with the nearest id", () => {
    const doc: Mutable = smallCatalog();
    doc.services[0].steps[0].channel = "ssa-webb";
    doc.services[0].steps[0].dataAsked = ["ssn", "zzz-unknown"];
    doc.services[1].agency = "cmss";
    doc.lifeExperiences[0].links[0].to.step = "enrol";
    const issues = issuesOf(doc);
    expect(issues).toEqual([
      { code: "unknown_reference", path: "lifeExperiences[0].links[0].to.step", hint: "did you mean 'enroll'?" },
      { code: "unknown_reference", path: "services[0].steps[0].channel", hint: "did you mean 'ssa-web'?" },
      {
        code: "unknown_reference",
        path: "services[0].steps[0].dataAsked[1]",
        hint: "known dataElements: 'dob', 'ssn'",
      },
      { code: "unknown_reference", path: "services[1].agency", hint: "did you mean 'cms'?" },
    ]);
  });

  it("finds duplicate ids per kind, unreachable steps and bad branch shares", () => {
    const doc: Mutable = smallCatalog();
    doc.channels.push({ id: "mail", name: "Mail again", kind: "paper" });
    doc.services[0].steps[0].next[1].share = 0.3;
    doc.services[1].steps.push({ id: "orphan", name: "Orphan", lane: "support" });
    doc.services[1].steps.push({ id: "done", name: "Again", lane: "customer" });
    const issues = issuesOf(doc).map((i) => `${i.code} ${i.path}`);
    expect(issues).toEqual([
      "duplicate_id channels[3].id",
      "branch_shares services[0].steps[0].next",
      "unreachable_step services[1].steps[2]",
      "duplicate_id services[1].steps[3].id",
    ]);
  });

  it("checks flows: missing share, mixed kinds, self sequence, links across one service", () => {
    const doc: Mutable = smallCatalog();
    doc.services[0].steps[0].next = [{ to: "review", kind: "branch" }, { to: "visit" }];
    doc.services[0].steps[1].next = [{ to: "visit" }];
    doc.lifeExperiences[0].links.push({ id: "self", kind: "referral", from: { service: "cms-enroll", step: "enroll" }, to: { service: "cms-enroll", step: "done" } });
    const issues = issuesOf(doc).map((i) => `${i.code} ${i.path}`);
    expect(issues).toContain("branch_shares services[0].steps[0].next[0].share");
    expect(issues).toContain("invalid_flow services[0].steps[0].next");
    expect(issues).toContain("invalid_flow services[0].steps[1].next[0].to");
    expect(issues).toContain("invalid_link lifeExperiences[0].links[1].to.service");
  });

  it("checks waiver targets", () => {
    const doc: Mutable = smallCatalog();
    doc.waivers.push({ rule: "x", target: { step: "enroll" }, justification: "other", note: "n" });
    doc.waivers.push({ rule: "x", target: { service: "cms-enroll", step: "enrol" }, justification: "other", note: "n" });
    const issues = issuesOf(doc).map((i) => `${i.code} ${i.path} ${i.hint ?? ""}`);
    expect(issues).toEqual([
      "invalid_waiver_target waivers[1].target ",
      "unknown_reference waivers[2].target.step did you mean 'enroll'?",
    ]);
  });

  it("refuses a waiver id used twice, and names the first", () => {
    const doc: Mutable = smallCatalog();
    doc.waivers.push({ id: "w1", rule: "x", target: { service: "cms-enroll" }, justification: "other", note: "n" });
    doc.waivers.push({ rule: "x", target: { service: "cms-enroll" }, justification: "other", note: "n" });
    doc.waivers.push({ id: "w1", rule: "y", target: { service: "cms-enroll" }, justification: "other", note: "n" });
    const result = safeParseCatalog(doc);
    expect(result.success).toBe(false);
    const issues = result.issues.filter((i) => i.code === "duplicate_id");
    expect(issues.map((i) => `${i.path} ${i.message}`)).toEqual([`waivers[${doc.waivers.length - 1}].id waiver id 'w1' is already used at waivers[${doc.waivers.length - 3}]`]);
  });

  it("refuses prototype keys, absurd depth and size without throwing", () => {
    const polluted = JSON.parse('{"version":1,"name":"x","agencies":[{"__proto__":{"admin":true},"id":"a","name":"A"}]}');
    expect(issuesOf(polluted)).toEqual([
      { code: "forbidden_key", path: "agencies[0].__proto__", hint: "remove this key: it can pollute object prototypes" },
    ]);
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(issuesOf({ version: 1, name: "x", description: deep }).map((i) => i.code)).toEqual(["document_too_deep"]);
    const big = { version: 1, name: "x", sources: Array.from({ length: 50 }, (_, i) => ({ id: `s${i}`, title: "t" })) };
    const result = safeParseCatalog(big, { limits: { maxNodes: 100 } });
    expect(result.issues.map((i) => i.code)).toEqual(["document_too_large"]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("explains version problems", () => {
    expect(issuesOf({ name: "x" })).toEqual([{ code: "missing_field", path: "version", hint: "add version: 1 at the top of the catalog" }]);
    expect(issuesOf({ version: 9, name: "x" })[0]!.code).toBe("unsupported_version");
    expect(issuesOf({ version: "1", name: "x" })[0]!.code).toBe("unsupported_version");
    expect(issuesOf([])[0]!.code).toBe("invalid_type");
    expect(issuesOf(null)[0]!.code).toBe("invalid_type");
  });

  it("parseCatalog throws a CatalogValidationError carrying every issue", () => {
    const doc: Mutable = smallCatalog();
    doc.services[0].agency = "nope";
    doc.services[1].agency = "nope2";
    try {
      parseCatalog(doc);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogValidationError);
      const e = error as CatalogValidationError;
      expect(e.code).toBe("invalid_catalog");
      expect(e.issues).toHaveLength(2);
      expect(e.message).toContain("services[0].agency");
    }
    const ok: CatalogInput = smallCatalog();
    expect(parseCatalog(ok).name).toBe("Small test catalog");
  });

  it("gives the same issues in the same order for the same document", () => {
    const doc: Mutable = smallCatalog();
    doc.services[0].steps[3].channel = "x";
    doc.channels[0].kind = "web";
    const a = safeParseCatalog(doc).issues;
    const b = safeParseCatalog(structuredClone(doc)).issues;
    expect(a).toEqual(b);
  });
});
