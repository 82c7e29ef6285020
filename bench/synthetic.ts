/**
 * A deterministic generator of synthetic catalogs for benchmarks: agencies, channels, services with branching,
 * rework and cross-lane steps, life experiences that cross agencies, and a realistic mix of sludge.
 */
import type { CatalogInput, ChannelKind, StepInput } from "../src/index.js";

/** Sizes of a synthetic catalog. */
export interface SyntheticSize {
  readonly agencies: number;
  readonly services: number;
  readonly stepsPerService: number;
  readonly experiences: number;
  readonly seed?: number;
}

/** mulberry32: a tiny, fast, seeded PRNG, so every run builds the same catalog. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: readonly ChannelKind[] = ["website", "phone", "in-person", "paper", "postal-mail", "mobile-app", "email", "fax"];
const LANES = ["customer", "customer", "frontstage", "backstage", "support", "physical-evidence"] as const;

/**
 * Builds a catalog of about `services × stepsPerService` steps.
 *
 * @param size - the sizes
 * @returns a catalog document (valid: it passes safeParseCatalog)
 */
export function syntheticCatalog(size: SyntheticSize): CatalogInput {
  const random = prng(size.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const agencies = Array.from({ length: size.agencies }, (_, i) => ({
    id: `agency-${i}`,
    name: `Agency ${i}`,
    acronym: `A${i}`,
    hisp: i % 3 === 0,
  }));
  const channels = agencies.flatMap((agency) =>
    KINDS.map((kind) => ({ id: `${agency.id}-${kind}`, name: `${agency.name} ${kind}`, kind, agency: agency.id })),
  );
  const dataElements = Array.from({ length: 40 }, (_, i) => ({
    id: `data-${i}`,
    name: `Data element ${i}`,
    sensitive: i % 5 === 0,
    heldBy: i % 4 === 0 ? [`agency-${i % size.agencies}`] : [],
  }));
  const documentTypes = Array.from({ length: 15 }, (_, i) => ({ id: `doc-${i}`, name: `Document ${i}`, heldBy: i % 3 === 0 ? ["agency-0"] : [] }));
  const tools = [
    { id: "login", name: "Shared credential", kind: "identity-verification" as const },
    { id: "notify", name: "Notifications", kind: "notification" as const },
  ];
  const roles = agencies.map((agency) => ({ id: `${agency.id}-staff`, name: `${agency.name} staff`, agency: agency.id }));

  const services = Array.from({ length: size.services }, (_, s) => {
    const agency = agencies[s % agencies.length]!;
    const n = size.stepsPerService;
    const steps: StepInput[] = [];
    for (let i = 0; i < n; i++) {
      const last = i === n - 1;
      const lane = i === 0 || last ? "customer" : pick(LANES);
      const kind = pick(KINDS);
      const step: StepInput = {
        id: `step-${i}`,
        name: `Step ${i} of service ${s}`,
        lane,
        channel: `${agency.id}-${kind}`,
        customerMinutes: lane === "customer" ? Math.round(random() * 60) : 0,
        waitDays: lane === "backstage" ? Math.round(random() * 30) : 0,
        travelMinutes: kind === "in-person" ? 45 : 0,
        holdMinutes: kind === "phone" ? Math.round(random() * 40) : 0,
        signature: kind === "paper" && random() < 0.5 ? "wet" : "none",
        notarization: random() < 0.01,
        fee: random() < 0.03 ? 25 : 0,
        dataAsked: lane === "customer" ? [`data-${Math.floor(random() * 40)}`, `data-${Math.floor(random() * 40)}`].filter((v, k, a) => a.indexOf(v) === k) : [],
        documentsAsked: lane === "customer" && random() < 0.2 ? [`doc-${Math.floor(random() * 15)}`] : [],
        identityProofing: i === 0 ? "remote" : "none",
        credential: i === 0 && random() < 0.5 ? "login" : undefined,
        languages: random() < 0.7 ? ["en"] : ["en", "es"],
        outcome: last ? "granted" : undefined,
        next: [],
      };
      if (!last) {
        // Every fifth step branches two ways (both rejoin the main line), every seventh sends some back.
        if (i % 5 === 0 && i + 2 < n) {
          step.next = [
            { to: `step-${i + 1}`, kind: "branch", share: 0.7 },
            { to: `step-${i + 2}`, kind: "branch", share: 0.3 },
          ];
        } else step.next = [{ to: `step-${i + 1}` }];
        if (i % 7 === 6 && i > 2) step.next.push({ to: `step-${i - 2}`, kind: "rework", share: 0.1 });
      }
      steps.push(step);
    }
    return {
      id: `service-${s}`,
      name: `Service ${s}`,
      agency: agency.id,
      kind: "benefits" as const,
      designated: s % 4 === 0,
      occasion: { kind: "life-event" as const, story: `Story of service ${s}`, annualVolume: 10_000 + Math.floor(random() * 1_000_000) },
      offering: { name: `Offering ${s}`, kind: "benefit" as const },
      channels: KINDS.map((kind) => `${agency.id}-${kind}`),
      steps,
    };
  });

  const perExperience = Math.max(2, Math.min(6, size.services));
  const lifeExperiences = Array.from({ length: Math.min(size.experiences, Math.floor(size.services / 2)) }, (_, e) => {
    const members = Array.from({ length: perExperience }, (_, k) => services[(e * perExperience + k) % services.length]!.id);
    const unique = [...new Set(members)];
    const links = unique.slice(1).map((to, k) => ({
      id: `link-${k}`,
      kind: k % 2 === 0 ? ("customer-carries" as const) : ("data-share" as const),
      from: { service: unique[k]!, step: `step-${size.stepsPerService - 1}` },
      to: { service: to, step: "step-0" },
      data: k % 2 === 0 ? [] : ["data-1"],
    }));
    return { id: `experience-${e}`, name: `Life experience ${e}`, services: unique, links };
  });

  return {
    version: 1,
    name: `Synthetic catalog (${size.services} services × ${size.stepsPerService} steps)`,
    agencies,
    channels,
    roles,
    tools,
    dataElements,
    documentTypes,
    services,
    lifeExperiences,
  };
}

/** The standard benchmark sizes; `--size=small` keeps only the first. */
export const SIZES: readonly { readonly label: string; readonly size: SyntheticSize }[] = [
  { label: "2k steps", size: { agencies: 5, services: 40, stepsPerService: 50, experiences: 5 } },
  { label: "20k steps", size: { agencies: 15, services: 200, stepsPerService: 100, experiences: 20 } },
  { label: "200k steps", size: { agencies: 35, services: 1000, stepsPerService: 200, experiences: 50 } },
];

/** The sizes selected by the command line (`--size=small` runs only the smallest, `--size=large` only the largest). */
export function selectedSizes(argv: readonly string[] = process.argv): typeof SIZES {
  if (argv.includes("--size=small")) return SIZES.slice(0, 1);
  return argv.includes("--size=large") ? SIZES.slice(-1) : SIZES;
}

/** A full garbage collection when the process runs with `--expose-gc` (as `npm run bench` starts it). */
function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Median wall time of `runs` calls, in milliseconds (after one warm-up call). The heap is collected before each
 * call, outside the timing, so a call does not pay for the garbage of the one before.
 */
export function medianMs(runs: number, fn: () => unknown): number {
  collect();
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Median wall time of `runs` calls of `fn` on a fresh input each (made by `make`, outside the timing), in
 * milliseconds, after one warm-up call: for work on a catalog whose memoised index (and everything it keeps) must
 * not come from the run before.
 */
export function freshMedianMs<T>(runs: number, make: () => T, fn: (input: T) => unknown): number {
  fn(make());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = make();
    collect();
    const start = performance.now();
    fn(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Formats a Markdown table. */
export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map(String).join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}
