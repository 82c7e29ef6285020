import { describe, expect, it } from "vitest";
import { catalog, service } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

function experience(kind: "customer-carries" | "data-share", documents: string[] = [], share?: number, cmsVolume: number | null = 400) {
  return catalog({
    services: [
      service("ssa-retire", [{ id: "apply", lane: "customer", channel: "web" }, { id: "letter", lane: "physical-evidence", channel: "mail" }]),
      service("cms-enroll", [{ id: "enroll", lane: "customer", channel: "web" }], { agency: "cms", occasion: { kind: "life-event", story: "65", ...(cmsVolume === null ? {} : { annualVolume: cmsVolume }) } }),
    ],
    lifeExperiences: [
      {
        id: "retire",
        name: "Approaching retirement",
        services: ["ssa-retire", "cms-enroll"],
        links: [
          { id: "to-medicare", kind, from: { service: "ssa-retire", step: "letter" }, to: { service: "cms-enroll", step: "enroll" }, documents, waitDays: 7, ...(share === undefined ? {} : { share }) },
        ],
      },
    ],
  });
}

describe("customer-as-courier", () => {
  it("flags a hand-off the customer carries, counting the documents and the customers who follow the link", () => {
    // By hand: 1,000 SSA customers reach the letter; 40% follow the link and carry two documents:
    // 400 customers × (15 + 2 × 5) minutes ÷ 60 = 166.67 hours.
    const findings = lintRule("customer-as-courier", experience("customer-carries", ["birth-cert", "tax-return"], 0.4));
    expectFindings(findings, [{ target: { experience: "retire", link: "to-medicare" }, message: "carry the hand-off from SSA to CMS" }]);
    const [finding] = findings;
    expect(finding!.burden).toMatchObject({ minutesPerCustomer: 25, waitDays: 7, customersPerYear: 400 });
    expect(finding!.burden.annualHours).toBeCloseTo((400 * 25) / 60, 6);
    // Without a share, the link cannot carry more people than CMS serves (400 a year): its share is implied,
    // 400 ÷ 1,000 = 40%, and said so in the evidence.
    const implied = lintRule("customer-as-courier", experience("customer-carries", ["birth-cert"]))[0]!;
    expect(implied.burden.customersPerYear).toBe(400);
    expect(implied.evidence).toContain("share of the customers at 'letter' who follow it: 0.4, implied by the volume of service 'cms-enroll' (the link states none)");
    // Without a share and with no volume at CMS, every customer at the letter follows it: 1,000.
    expect(lintRule("customer-as-courier", experience("customer-carries", ["birth-cert"], undefined, null))[0]!.burden.customersPerYear).toBe(1000);
    expect(finding!.evidence).toContain("documents carried: 'birth-cert', 'tax-return'");
  });

  it("passes a hand-off by data sharing", () => {
    expect(lintRule("customer-as-courier", experience("data-share"))).toEqual([]);
  });

  it("reads its minutes", () => {
    const [finding] = lintRule("customer-as-courier", experience("customer-carries", ["birth-cert"]), { carryMinutes: 0, minutesPerDocument: 30 });
    expect(finding?.burden.minutesPerCustomer).toBe(30);
  });
});
