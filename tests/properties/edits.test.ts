/**
 * Edits never mutate their input, never throw, and always return either a valid, frozen catalog or issues (with
 * the input handed back unchanged).
 */
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import {
  CATALOG_ISSUE_CODES,
  type Catalog,
  type EditResult,
  type EntityCollection,
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
  updateLink,
  updateService,
  updateStep,
} from "../../src/index.js";
import {
  arbAgency,
  arbCatalog,
  arbChannel,
  arbDataElement,
  arbDocumentType,
  arbLifeExperience,
  arbRole,
  arbService,
  arbSource,
  arbStep,
  arbTool,
  arbWaiver,
  assertDeepFrozen,
  assertValidCatalog,
} from "../../src/testing/index.js";

/** An edit as plain data, so fast-check can print and shrink it. */
interface Edit {
  readonly edit: string;
  readonly args: readonly unknown[];
}

/** Mostly an existing id, sometimes one that does not exist. */
function idFrom(ids: readonly string[]): fc.Arbitrary<string> {
  const missing = fc.constantFrom("nope", "ssa-retirment");
  return ids.length === 0 ? missing : fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 6 }, { arbitrary: missing, weight: 1 });
}

const cascade = fc.record({ cascade: fc.boolean() });
const flow = fc.oneof(
  fc.constant({}),
  fc.record({ kind: fc.constant("sequence" as const) }),
  fc.record({ kind: fc.constantFrom("branch" as const, "rework" as const), share: fc.double({ min: -0.5, max: 1.5, noNaN: true }) }),
);

/** Edits that make sense for this catalog, with arguments drawn from it. */
function arbEdit(c: Catalog): fc.Arbitrary<Edit> {
  const services = c.services.map((s) => s.id);
  const experiences = c.lifeExperiences.map((x) => x.id);
  const stepsOf = (id: string) => c.services.find((s) => s.id === id)?.steps.map((s) => s.id) ?? [];
  const serviceAndStep = idFrom(services).chain((service) => fc.tuple(fc.constant(service), idFrom(stepsOf(service))));
  const serviceAndTwoSteps = idFrom(services).chain((service) =>
    fc.tuple(fc.constant(service), idFrom(stepsOf(service)), idFrom(stepsOf(service))),
  );
  const linksOf = (id: string) => c.lifeExperiences.find((x) => x.id === id)?.links.map((l) => l.id) ?? [];
  const experienceAndLink = idFrom(experiences).chain((x) => fc.tuple(fc.constant(x), idFrom(linksOf(x))));
  const entity: fc.Arbitrary<[EntityCollection, unknown]> = fc.oneof(
    arbSource().map((v) => ["sources", v] as [EntityCollection, unknown]),
    arbAgency({ within: c }).map((v) => ["agencies", v] as [EntityCollection, unknown]),
    arbChannel({ within: c }).map((v) => ["channels", v] as [EntityCollection, unknown]),
    arbRole({ within: c }).map((v) => ["roles", v] as [EntityCollection, unknown]),
    arbTool({ within: c }).map((v) => ["tools", v] as [EntityCollection, unknown]),
    arbDataElement({ within: c }).map((v) => ["dataElements", v] as [EntityCollection, unknown]),
    arbDocumentType({ within: c }).map((v) => ["documentTypes", v] as [EntityCollection, unknown]),
    // Not an entity at all: the edit must refuse it with issues.
    fc.constant(["channels", { id: "1 bad", kind: "pigeon" }] as [EntityCollection, unknown]),
  );
  const edit = (name: string, args: fc.Arbitrary<readonly unknown[]>): fc.Arbitrary<Edit> => args.map((a) => ({ edit: name, args: a }));
  return fc.oneof(
    edit("addEntity", entity),
    edit("addService", fc.tuple(arbService({ within: c }))),
    edit(
      "updateService",
      fc.tuple(
        idFrom(services),
        fc.record({ name: fc.constantFrom("Renamed", ""), designated: fc.boolean(), agency: idFrom(c.agencies.map((a) => a.id)) }, { requiredKeys: [] }),
      ),
    ),
    edit("removeService", fc.tuple(idFrom(services), cascade)),
    edit(
      "addStep",
      serviceAndStep.chain(([service, after]) =>
        fc.tuple(
          fc.constant(service),
          arbStep({ within: c, stepIds: stepsOf(service) }),
          fc.record({ after: fc.constant(after), flow }, { requiredKeys: [] }),
        ),
      ),
    ),
    edit(
      "updateStep",
      serviceAndStep.chain(([service, step]) =>
        fc.tuple(
          fc.constant(service),
          fc.constant(step),
          fc.record(
            {
              name: fc.constantFrom("Renamed step", "  "),
              channel: fc.option(idFrom(c.channels.map((ch) => ch.id)), { nil: undefined }),
              customerMinutes: fc.integer({ min: -5, max: 120 }),
              lane: fc.constantFrom("customer", "backstage", "attic"),
            },
            { requiredKeys: [] },
          ),
        ),
      ),
    ),
    edit("removeStep", serviceAndStep.chain((pair) => fc.tuple(...pair.map((x) => fc.constant(x)), cascade))),
    edit("connectSteps", serviceAndTwoSteps.chain((triple) => fc.tuple(...triple.map((x) => fc.constant(x)), flow))),
    edit(
      "disconnectSteps",
      fc.oneof(
        serviceAndTwoSteps,
        // An existing flow: removing it succeeds unless it leaves a step unreachable.
        fc.constantFrom(
          ...c.services.flatMap((s) => s.steps.flatMap((step) => step.next.map((f) => [s.id, step.id, f.to] as const))),
          [services[0] ?? "nope", "nope", "nope"] as const,
        ),
      ),
    ),
    edit("addLifeExperience", fc.tuple(arbLifeExperience({ within: c }))),
    edit(
      "linkServices",
      fc.tuple(idFrom(experiences), arbLifeExperience({ within: c, minLinks: 1 }).map((x) => x.links[0] ?? { id: "x" })),
    ),
    edit(
      "updateLink",
      experienceAndLink.chain((pair) =>
        fc.tuple(...pair.map((x) => fc.constant(x)), fc.record({ share: fc.double({ min: -1, max: 2, noNaN: true }), label: fc.constant("Hand-off") }, { requiredKeys: [] })),
      ),
    ),
    edit("removeLink", experienceAndLink.chain((pair) => fc.tuple(...pair.map((x) => fc.constant(x)), cascade))),
    edit("addWaiver", fc.tuple(arbWaiver({ within: c }))),
    edit("removeWaiver", fc.tuple(fc.oneof(fc.integer({ min: -1, max: c.waivers.length }), idFrom(c.waivers.flatMap((w) => (w.id ? [w.id] : [])))))),
  );
}

const EDITS: Record<string, (catalog: Catalog, ...args: never[]) => EditResult> = {
  addEntity,
  addService,
  updateService,
  removeService,
  addStep,
  updateStep,
  removeStep,
  connectSteps,
  disconnectSteps,
  addLifeExperience,
  linkServices,
  updateLink,
  removeLink,
  addWaiver,
  removeWaiver,
};

function run(catalog: Catalog, { edit, args }: Edit): EditResult {
  return (EDITS[edit] as (catalog: Catalog, ...args: readonly unknown[]) => EditResult)(catalog, ...args);
}

/** A valid, frozen result; or issues, with the input handed back. */
function checkResult(input: Catalog, result: EditResult): void {
  if (result.success) {
    expect(assertValidCatalog(result.catalog)).toEqual(result.catalog);
    assertDeepFrozen(result.catalog, "the edited catalog");
    expect(result.issues).toEqual([]);
  } else {
    expect(result.catalog).toBe(input);
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(CATALOG_ISSUE_CODES).toContain(issue.code);
      expect(issue.message.length).toBeGreaterThan(0);
    }
  }
}

const catalogAndEdit = arbCatalog({ minServices: 1, maxStepsPerService: 6 }).chain((c) => fc.tuple(fc.constant(c), arbEdit(c)));

test.prop([catalogAndEdit], { numRuns: 150 })("an edit of a parsed catalog returns a valid catalog or issues, input untouched", ([generated, edit]) => {
  const catalog = parseCatalog(generated);
  const before = structuredClone(catalog);
  checkResult(catalog, run(catalog, edit));
  expect(catalog).toEqual(before);
});

test.prop([catalogAndEdit], { numRuns: 80 })("an edit never changes the content of an unfrozen input either", ([generated, edit]) => {
  const before = structuredClone(generated);
  checkResult(generated, run(generated, edit));
  expect(generated).toEqual(before);
});

/** Three edits in a row, each drawn from the catalog the previous one left. */
const catalogAndEdits = arbCatalog({ minServices: 2, maxStepsPerService: 5 }).chain((c) => {
  const start = parseCatalog(c);
  return arbEdit(start).chain((first) => {
    const one = run(start, first).catalog;
    return arbEdit(one).chain((second) => {
      const two = run(one, second).catalog;
      return arbEdit(two).map((third) => ({ start, edits: [first, second, third] }));
    });
  });
});

test.prop([catalogAndEdits], { numRuns: 40 })("a sequence of edits keeps every intermediate catalog valid", ({ start, edits }) => {
  let catalog = start;
  for (const edit of edits) {
    const result = run(catalog, edit);
    checkResult(catalog, result);
    catalog = result.catalog;
  }
});
