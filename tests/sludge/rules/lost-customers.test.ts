import { describe, expect, it } from "vitest";
import { type CatalogInput, type StepInput, CatalogSchema, lintCatalog, lostCustomers } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, exactly, oneService } from "./fixtures.js";

/**
 * A catalog through the schema only: validation refuses branch shares that do not add up to 1, but a catalog built
 * in code (or a share left short within the validator's tolerance) reaches the engine without it.
 */
function schemaOnly(steps: StepInput[]) {
  const valid = oneService([{ id: "x", lane: "customer", channel: "web" }]);
  return CatalogSchema.parse({ ...(valid as unknown as CatalogInput), services: [{ ...valid.services[0]!, steps }] } as CatalogInput);
}

// By hand: 1,000 register; 25% must fix their application (fix-up, rework only); the inspection after registration
// then counts 750 customers instead of 1,000: 250 lost, 25% of the service's customers.
const reworkOnly = oneService([
  {
    id: "register",
    lane: "customer",
    channel: "web",
    customerMinutes: 30,
    next: [
      { to: "inspect", kind: "branch", share: 0.75 },
      { to: "fix", kind: "branch", share: 0.25 },
    ],
  },
  { id: "fix", lane: "customer", channel: "web", customerMinutes: 20, next: [{ to: "register", kind: "rework", share: 1 }] },
  { id: "inspect", lane: "customer", channel: "office", customerMinutes: 60, outcome: "completed" },
]);
// The fix: a way forward beside the rework flow.
const fixed = oneService([
  ...reworkOnly.services[0]!.steps.filter((s) => s.id !== "fix"),
  { id: "fix", lane: "customer", channel: "web", customerMinutes: 20, next: [{ to: "inspect" }, { to: "register", kind: "rework", share: 1 }] },
]);
const unstated = schemaOnly([
  { id: "check", name: "Check", lane: "backstage", next: [{ to: "a", kind: "branch", share: 0.5 }, { to: "b", kind: "branch" }] },
  { id: "a", name: "A", lane: "customer", channel: "web", outcome: "granted" },
  { id: "b", name: "B", lane: "customer", channel: "web", next: [{ to: "c", kind: "branch", share: 0.9995 }] },
  { id: "c", name: "C", lane: "customer", channel: "web", outcome: "completed" },
  { id: "note", name: "Note", lane: "frontstage", channel: "web", attachedTo: "b" },
]);

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(lostCustomers, {
  valid: [
    { name: "a fix-up with a way forward beside its rework flow", catalog: fixed },
    { name: "unstated branch shares (they share what is left), outcomes and attached steps", catalog: unstated },
  ],
  invalid: [
    {
      // By hand: 1,000 customers; check sends 60% to approve and 15% to appeal: 25% (250 a year) go nowhere.
      name: "branch shares that add up to less than 1, with the share lost",
      catalog: schemaOnly([
        {
          id: "check",
          name: "Check",
          lane: "backstage",
          next: [
            { to: "approve", kind: "branch", share: 0.6 },
            { to: "appeal", kind: "branch", share: 0.15 },
          ],
        },
        { id: "approve", name: "Approve", lane: "physical-evidence", channel: "mail", outcome: "granted" },
        { id: "appeal", name: "Appeal", lane: "customer", channel: "web", outcome: "referred" },
      ]),
      findings: [
        {
          target: atStep("check"),
          message: "Step 'check' passes on only 75% of its customers: 25% of the customers reaching it (25% of the service's customers) vanish from the flow",
          evidence: [exactly("customers lost: 25% of the customers reaching it (25% of the service's customers, 250 a year)")],
        },
      ],
    },
    {
      name: "a fix-up whose only way on is a rework flow: its customers count at no later step",
      catalog: reworkOnly,
      findings: [
        {
          target: atStep("fix"),
          message: exactly("Step 'fix' has no way on but a rework flow: 100% of the customers reaching it (25% of the service's customers) are counted at no later step"),
        },
      ],
    },
    { name: "a share 0.05% short when minShare is 0", catalog: unstated, options: { minShare: 0 }, findings: [{ target: atStep("b") }] },
  ],
});

describe("lost-customers and the burden", () => {
  it("counts everyone at the inspection once the fix-up has a way forward", () => {
    const inspect = lintCatalog(fixed, { rules: {} }).burden.services[0]!.steps.find((s) => s.step === "inspect")!;
    expect(inspect.customersPerYear).toBe(1000);
  });
});
