import type { CatalogInput, LinkInput, ServiceInput, StepInput } from "../../src/index.js";

/** Shape of a generated catalog. */
export interface GeneratedShape {
  readonly services: number;
  readonly stepsPerService: number;
  readonly agencies: number;
  /** Extra text in every step name, to make labels long. */
  readonly nameSuffix?: string;
}

const LANE_CYCLE = ["customer", "frontstage", "backstage", "customer", "support", "physical-evidence", "backstage"] as const;

/**
 * A deterministic catalog of any size, shaped like real services: moments with attached steps in other lanes,
 * a branch every ninth step (with a rework loop back), waits and fail points, and one life experience that
 * chains every service with alternating data-share and customer-carries hand-offs.
 */
export function generatedCatalog(shape: GeneratedShape): CatalogInput {
  const agencies = Array.from({ length: shape.agencies }, (_, a) => ({ id: `agency-${a}`, name: `Agency number ${a}`, acronym: `AG${a}` }));
  const channels = agencies.flatMap((agency, a) => [
    { id: `web-${a}`, name: `${agency.acronym} website`, kind: "website" as const, agency: agency.id },
    { id: `office-${a}`, name: `${agency.acronym} office`, kind: "in-person" as const, agency: agency.id },
    { id: `phone-${a}`, name: `${agency.acronym} phone line`, kind: "phone" as const, agency: agency.id },
  ]);
  const services: ServiceInput[] = [];
  for (let s = 0; s < shape.services; s++) {
    const a = s % shape.agencies;
    const steps: StepInput[] = [];
    const n = shape.stepsPerService;
    for (let i = 0; i < n; i++) {
      const lane = LANE_CYCLE[i % LANE_CYCLE.length]!;
      const step: StepInput = {
        id: `st${i}`,
        name: `Step ${i} of service ${s}${shape.nameSuffix ?? ""}`,
        lane,
        ...(lane === "customer" || lane === "frontstage" || lane === "physical-evidence" ? { channel: [`web-${a}`, `office-${a}`, `phone-${a}`][i % 3]! } : {}),
        customerMinutes: lane === "customer" ? 5 + (i % 40) : 0,
        ...(i % 11 === 5 ? { waitDays: 1 + (i % 30), waitVisibility: "opaque" as const } : {}),
        ...(i % 13 === 7 ? { failPoint: { description: `Fail point ${i}`, share: 0.1 } } : {}),
        next: [],
      };
      // Every fourth step is attached to the one before (same moment, another lane) and has no flow of its own.
      const attached = i % 4 === 3 && i > 0;
      if (attached) step.attachedTo = `st${i - 1}`;
      steps.push(step);
    }
    // Flows: the main line skips attached steps; every ninth main step branches to the next two main steps.
    const main = steps.map((_, i) => i).filter((i) => !(i % 4 === 3 && i > 0));
    for (let k = 0; k < main.length - 1; k++) {
      const from = steps[main[k]!]!;
      const next = from.next as { to: string; kind?: "sequence" | "branch" | "rework"; share?: number }[];
      if (k % 9 === 4 && k + 2 < main.length) {
        next.push({ to: `st${main[k + 1]}`, kind: "branch", share: 0.7 }, { to: `st${main[k + 2]}`, kind: "branch", share: 0.3 });
      } else {
        next.push({ to: `st${main[k + 1]}` });
      }
      if (k % 17 === 10 && k >= 3) next.push({ to: `st${main[k - 3]}`, kind: "rework", share: 0.05 });
    }
    const last = steps[main[main.length - 1]!]!;
    last.outcome = "granted";
    services.push({
      id: `svc-${s}`,
      name: `Service ${s}`,
      agency: `agency-${a}`,
      kind: "benefits",
      occasion: { kind: "intent", story: `I need service ${s}`, annualVolume: 10_000 },
      offering: { name: `Offering ${s}`, kind: "benefit" },
      steps,
    });
  }
  const links: LinkInput[] = [];
  for (let s = 0; s + 1 < shape.services; s++) {
    const lastMain = lastMainStep(shape.stepsPerService);
    links.push({
      id: `link-${s}`,
      kind: s % 2 === 0 ? "data-share" : "customer-carries",
      from: { service: `svc-${s}`, step: `st${lastMain}` },
      to: { service: `svc-${s + 1}`, step: "st0" },
    });
  }
  return {
    version: 1,
    name: `Generated ${shape.services} x ${shape.stepsPerService}`,
    agencies,
    channels,
    services,
    lifeExperiences: shape.services > 0 ? [{ id: "everything", name: "Every service", services: services.map((s) => s.id), links }] : [],
  };
}

function lastMainStep(n: number): number {
  for (let i = n - 1; i >= 0; i--) if (!(i % 4 === 3 && i > 0)) return i;
  return 0;
}
