import { describe, expect, it } from "vitest";
import {
  addEntity,
  addLifeExperience,
  addService,
  addStep,
  addWaiver,
  connectSteps,
  disconnectSteps,
  linkServices,
  parseCatalog,
  removeLink,
  removeService,
  removeStep,
  removeWaiver,
  safeParseCatalog,
  serializeCatalog,
  updateCatalog,
  updateLink,
  updateService,
  updateStep,
  type EditResult,
} from "../../src/index.js";
import { smallCatalog } from "../fixtures/small-catalog.js";

const base = parseCatalog(smallCatalog());
const snapshot = serializeCatalog(base);

function ok(result: EditResult) {
  expect(result.issues).toEqual([]);
  expect(result.success).toBe(true);
  // `ok` stays beside `success` for one minor version (deprecated).
  expect(result.ok).toBe(true);
  expect(Object.isFrozen(result.catalog)).toBe(true);
  // The result is a valid catalog in its own right.
  expect(safeParseCatalog(JSON.parse(JSON.stringify(result.catalog))).issues).toEqual([]);
  return result.catalog;
}

function refused(result: EditResult) {
  expect(result.success).toBe(false);
  expect(result.ok).toBe(false);
  expect(result.catalog).toBe(base);
  return result.issues.map((i) => `${i.code} ${i.path}${i.hint ? ` (${i.hint})` : ""}`);
}

describe("edits", () => {
  it("add a step connected after another, sharing unchanged parts", () => {
    const next = ok(addStep(base, "cms-enroll", { id: "check", name: "Check status", lane: "customer", customerMinutes: 5 }, { after: "enroll" }));
    const service = next.services[1]!;
    expect(service.steps.map((s) => s.id)).toEqual(["enroll", "check", "done"]);
    expect(service.steps[0]!.next.map((f) => f.to)).toEqual(["done", "check"]);
    expect(service.steps[1]!.tools).toEqual([]);
    expect(next.services[0]).toBe(base.services[0]);
  });

  it("refuse a step that would be unreachable, a duplicate id or a bad value, with paths", () => {
    expect(refused(addStep(base, "cms-enroll", { id: "lost", name: "Lost", lane: "customer" }))).toEqual([
      "unreachable_step services[1].steps[2] (add a flow to it from an earlier step's next, attach it with attachedTo, or mark it entry: true)",
    ]);
    expect(refused(addStep(base, "cms-enroll", { id: "done", name: "Again", lane: "customer" }, { after: "enroll" }))).toEqual([
      "duplicate_id services[1].steps[1].id (choose another id)",
    ]);
    expect(refused(addStep(base, "cms-enroll", { id: "x", name: "X", lane: "custom" } as never, { after: "enroll" }))).toEqual([
      "invalid_value services[1].steps[1].lane (did you mean 'customer'?)",
    ]);
    expect(refused(addStep(base, "cms-enrol", { id: "x", name: "X", lane: "customer" }))).toEqual([
      "unknown_reference services (did you mean 'cms-enroll'?)",
    ]);
  });

  it("update and remove steps, with and without cascade", () => {
    const updated = ok(updateStep(base, "cms-enroll", "enroll", { signature: "electronic", channel: "ssa-web" }));
    expect(updated.services[1]!.steps[0]!.signature).toBe("electronic");
    expect(refused(updateStep(base, "cms-enroll", "enroll", { channel: "fax" }))[0]).toMatch(/^unknown_reference services\[1\]\.steps\[0\]\.channel/);
    expect(refused(removeStep(base, "ssa-retire", "visit"))).toEqual(["unknown_reference services[0].steps[0].next[1].to (known steps: 'apply', 'letter', 'review')"]);
    const removed = ok(
      updateCatalog(base, (draft) => {
        draft.services[0]!.steps[0]!.next = [{ to: "review", kind: "sequence" }, { to: "visit", kind: "sequence" }];
      }),
    );
    const cascaded = ok(removeStep(removed, "ssa-retire", "visit", { cascade: true }));
    expect(cascaded.services[0]!.steps.map((s) => s.id)).toEqual(["apply", "review", "letter"]);
    const noLink = ok(removeStep(base, "ssa-retire", "letter", { cascade: true }));
    expect(noLink.lifeExperiences[0]!.links).toEqual([]);
  });

  it("connect and disconnect steps, keeping branch shares coherent", () => {
    expect(refused(connectSteps(base, "ssa-retire", "apply", "letter", { kind: "branch", share: 0.1 }))).toEqual([
      "branch_shares services[0].steps[0].next (make the shares of all branches out of a step add up to 1)",
    ]);
    const rework = ok(connectSteps(base, "ssa-retire", "review", "apply", { kind: "rework", share: 0.1 }));
    expect(rework.services[0]!.steps[2]!.next).toEqual([{ to: "letter", kind: "sequence" }, { to: "apply", kind: "rework", share: 0.1 }]);
    expect(refused(disconnectSteps(base, "cms-enroll", "enroll", "done"))).toEqual([
      "unreachable_step services[1].steps[1] (add a flow to it from an earlier step's next, attach it with attachedTo, or mark it entry: true)",
    ]);
  });

  it("add, update and remove services", () => {
    const added = ok(
      addService(base, {
        id: "irs-ein",
        name: "Get an EIN",
        agency: "ssa",
        kind: "administrative",
        occasion: { kind: "intent", story: "I am starting a business" },
        offering: { name: "EIN", kind: "credential" },
        steps: [{ id: "apply", name: "Apply", lane: "customer", outcome: "granted" }],
      }),
    );
    expect(added.services.map((s) => s.id)).toEqual(["ssa-retire", "cms-enroll", "irs-ein"]);
    const updated = ok(updateService(base, "cms-enroll", { designated: true, description: "Part B" }));
    expect(updated.services[1]!.designated).toBe(true);
    expect(updated.services[1]!.steps).toBe(base.services[1]!.steps);
    expect(refused(updateService(base, "cms-enroll", { agency: "irs" }))[0]).toMatch(/^unknown_reference services\[1\]\.agency/);
    expect(refused(removeService(base, "cms-enroll"))).toContain("unknown_reference lifeExperiences[0].services[1] (known services: 'ssa-retire')");
    const removed = ok(removeService(base, "cms-enroll", { cascade: true }));
    expect(removed.lifeExperiences[0]!.services).toEqual(["ssa-retire"]);
    expect(removed.waivers).toEqual([]);
  });

  it("link services across agencies and manage links", () => {
    const withExperience = ok(addLifeExperience(base, { id: "solo", name: "Solo", services: ["ssa-retire"] }));
    const linked = ok(
      linkServices(withExperience, "solo", {
        id: "share",
        kind: "data-share",
        data: ["ssn"],
        from: { service: "ssa-retire", step: "review" },
        to: { service: "cms-enroll", step: "enroll" },
      }),
    );
    expect(linked.lifeExperiences[1]!.services).toEqual(["ssa-retire", "cms-enroll"]);
    const updated = ok(updateLink(linked, "solo", "share", { kind: "notification", data: [] }));
    expect(updated.lifeExperiences[1]!.links[0]!.kind).toBe("notification");
    const removed = ok(removeLink(updated, "solo", "share"));
    expect(removed.lifeExperiences[1]!.links).toEqual([]);
    expect(refused(linkServices(base, "retire", { id: "bad", kind: "referral", from: { service: "ssa-retire", step: "nope" }, to: { service: "cms-enroll", step: "enroll" } }))).toEqual([
      "unknown_reference lifeExperiences[0].links[1].from.step (known steps of 'ssa-retire': 'apply', 'letter', 'review', 'visit')",
    ]);
  });

  it("add and remove waivers and entities", () => {
    const waived = ok(addWaiver(base, { id: "w1", rule: "travel-required", target: { service: "ssa-retire", step: "visit" }, justification: "program-integrity", note: "Originals must be seen" }));
    expect(waived.waivers).toHaveLength(2);
    expect(ok(removeWaiver(waived, "w1")).waivers).toHaveLength(1);
    expect(refused(addWaiver(base, { rule: "x", target: { service: "nope" }, justification: "other", note: "n" }))[0]).toMatch(/^unknown_reference waivers\[1\]\.target\.service/);
    const channel = ok(addEntity(base, "channels", { id: "ssa-phone", name: "SSA phone", kind: "phone" }));
    expect(channel.channels.map((c) => c.id)).toContain("ssa-phone");
    expect(refused(addEntity(base, "channels", { id: "mail", name: "Dup", kind: "paper" }))).toEqual(["duplicate_id channels[3].id (choose another id)"]);
  });

  it("never change their input", () => {
    expect(serializeCatalog(base)).toBe(snapshot);
  });
});
