import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("paper-channel", () => {
  it("flags customer and frontstage steps on paper, post or fax", () => {
    const catalog = oneService([
      { id: "form", lane: "customer", channel: "paper" },
      { id: "post", lane: "customer", channel: "mail" },
      { id: "fax-request", lane: "frontstage", channel: "fax" },
      { id: "letter", lane: "physical-evidence", channel: "mail" },
    ]);
    const findings = lintRule("paper-channel", catalog);
    expectFindings(findings, [
      { target: { service: "svc", step: "form" }, message: "runs on paper (channel 'paper' (paper))" },
      { target: { service: "svc", step: "post" }, message: "'mail' (postal-mail)" },
      { target: { service: "svc", step: "fax-request" }, message: "'fax' (fax)" },
    ]);
    expect(findings.map((f) => f.burden.minutesPerCustomer)).toEqual([10, 10, 10]);
  });

  it("passes digital, phone and in-person steps", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", channel: "web" },
      { id: "call", lane: "customer", channel: "phone" },
      { id: "visit", lane: "customer", channel: "office" },
    ]);
    expect(lintRule("paper-channel", catalog)).toEqual([]);
  });

  it("checks the lanes it is given", () => {
    const catalog = oneService([{ id: "letter", lane: "physical-evidence", channel: "mail" }]);
    expectFindings(lintRule("paper-channel", catalog, { lanes: ["physical-evidence"], paperMinutes: 3 }), [
      { target: { service: "svc", step: "letter" }, message: "runs on paper" },
    ]);
  });
});
