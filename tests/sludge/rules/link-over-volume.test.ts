import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintCatalog, linkOverVolume, parseCatalogText, toGraph } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { catalog, service } from "./fixtures.js";

/**
 * SSA's claim (10,000 a year) ends in a letter that 100% reach; SSA's card (5,000 a year, of its own agency) ends in
 * a notice; both lead by links into CMS's enrolment of `cmsVolume` a year. `letterShare` / `noticeShare` are the
 * links' stated shares (none when undefined).
 */
function twoLinks(cmsVolume: number, letterShare?: number, noticeShare?: number) {
  return catalog({
    services: [
      service("ssa-claim", [{ id: "apply", lane: "customer", channel: "web", customerMinutes: 30 }, { id: "letter", lane: "physical-evidence", channel: "mail" }], {
        occasion: { kind: "intent", story: "claim", annualVolume: 10_000 },
      }),
      service("ssa-card", [{ id: "order", lane: "customer", channel: "web", customerMinutes: 10 }, { id: "notice", lane: "physical-evidence", channel: "mail" }], {
        occasion: { kind: "intent", story: "card", annualVolume: 5_000 },
      }),
      service("cms-enroll", [{ id: "enroll", lane: "customer", channel: "web", customerMinutes: 20, dataAsked: ["income"] }], {
        agency: "cms",
        occasion: { kind: "life-event", story: "65", annualVolume: cmsVolume },
      }),
    ],
    lifeExperiences: [
      {
        id: "retire",
        name: "Approaching retirement",
        services: ["ssa-claim", "ssa-card", "cms-enroll"],
        links: [
          { id: "letter-to-cms", kind: "customer-carries", from: { service: "ssa-claim", step: "letter" }, to: { service: "cms-enroll", step: "enroll" }, ...(letterShare === undefined ? {} : { share: letterShare }) },
          { id: "notice-to-cms", kind: "customer-carries", from: { service: "ssa-card", step: "notice" }, to: { service: "cms-enroll", step: "enroll" }, ...(noticeShare === undefined ? {} : { share: noticeShare }) },
        ],
      },
    ],
  });
}

const retire = { experience: "retire" };
const unknown = twoLinks(3_000);
const withoutSource = {
  ...unknown,
  services: unknown.services.map((s) => (s.id === "ssa-card" ? { ...s, occasion: { kind: s.occasion.kind, story: s.occasion.story } } : s)),
} as typeof unknown;

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(linkOverVolume, {
  valid: [
    { name: "links that fit the volume (15,000 into 15,000)", catalog: twoLinks(15_000) },
    { name: "stated shares that fit the volume", catalog: twoLinks(3_000, 0.2, 0.2) },
    { name: "a link whose source's volume is unknown", catalog: withoutSource },
  ],
  invalid: [
    {
      // By hand: the letter carries 10,000 and the notice 5,000 (no share: everyone), 15,000 into a service of
      // 3,000. Each link gets 3,000 ÷ 15,000 = 20%.
      name: "links without a share that would carry more people than the service serves, with the shares the figures use",
      catalog: twoLinks(3_000),
      findings: [
        {
          target: retire,
          message:
            "Links 'letter-to-cms', 'notice-to-cms' would carry 15,000 people a year into service 'cms-enroll' of life experience 'retire', which serves 3,000 (no link states share): the figures use 20% for 'letter-to-cms', 20% for 'notice-to-cms'",
          burden: { annualHours: 0 },
        },
      ],
    },
    {
      // By hand: the letter states 10% (1,000 people); the notice states none (5,000): 6,000 into 3,000. The notice
      // gets (3,000 − 1,000) ÷ 5,000 = 40%; the letter keeps 10%.
      name: "a stated share left alone, the unstated link given what it leaves",
      catalog: twoLinks(3_000, 0.1),
      findings: [{ target: retire, message: "('notice-to-cms' states no share): the figures use 10% for 'letter-to-cms', 40% for 'notice-to-cms'" }],
    },
    {
      // By hand: the letter states 50% (5,000 people), the notice none (5,000): 10,000 into a service of 2,000, and
      // the stated share alone is over it. Every link is scaled by 2,000 ÷ 10,000: the letter 50% × 0.2 = 10%, the
      // notice 20%.
      name: "every link scaled alike when the stated shares alone reach the volume, so that no link carries no one",
      catalog: twoLinks(2_000, 0.5),
      findings: [{ target: retire, message: "the figures use 10% for 'letter-to-cms', 20% for 'notice-to-cms'" }],
    },
  ],
});

describe("link-over-volume beyond the rule's findings", () => {
  it("gives the courier figures and the serialised graph the implied shares", () => {
    // The courier figures use the implied share: 10,000 × 20% = 2,000 carry the letter, 5,000 × 20% = 1,000 the notice.
    const config = { today: "2026-12-01", preset: [], rules: { "customer-as-courier": "warning" } } as const;
    const carriers = lintCatalog(twoLinks(3_000), config).findings.map((f) => [f.target.link, f.burden.customersPerYear]);
    expect(carriers).toEqual([
      ["letter-to-cms", 2_000],
      ["notice-to-cms", 1_000],
    ]);
    // The serialised graph says which shares are implied.
    const link = toGraph(twoLinks(3_000), { experience: "retire" }).edges.find((e) => e.attributes.link === "letter-to-cms")!;
    expect(link.attributes).toMatchObject({ share: 0.2, shareImplied: true });
  });

  it("flags the documented sludgy example and passes the fixed one", () => {
    const page = readFileSync(join(import.meta.dirname, "../../../docs/rules/link-over-volume.md"), "utf8");
    const sludgy = /## Sludgy example\n\n```yaml\n([\s\S]*?)```/.exec(page)![1]!;
    const config = { preset: [], rules: { "link-over-volume": "warning" as const }, today: "2026-12-01" };
    const before = lintCatalog(parseCatalogText(sludgy, { format: "yaml" }), config).findings;
    expect(before.map((f) => f.message)).toEqual([
      "Links 'letter-to-cms' would carry 1,000,000 people a year into service 'state-rebuild' of life experience 'disaster', which serves 20,000 (no link states share): the figures use 2% for 'letter-to-state'".replace(
        "'letter-to-cms'",
        "'letter-to-state'",
      ),
    ]);
    const fixed = sludgy.replace("documents: [fema-letter]\n", "documents: [fema-letter]\n        share: 0.02\n");
    expect(fixed).not.toBe(sludgy);
    expect(lintCatalog(parseCatalogText(fixed, { format: "yaml" }), config).findings).toEqual([]);
  });
});
