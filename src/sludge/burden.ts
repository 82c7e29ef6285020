/**
 * Burden in numbers: customer minutes, waits, fees and annual burden hours per step, service, life experience
 * and catalog, split into the learning, compliance and psychological costs of administrative burden.
 *
 * The arithmetic (NSW Sludge Finder): a step's annual hours = its minutes × the service's annual volume × the
 * step's visits per customer (the share reaching it, plus the repeats rework sends customers back for) ÷ 60;
 * cost = hours × the value of an hour + fees paid.
 */
import { stepMinutes } from "../graph/build.js";
import { type CatalogIndex, indexCatalog } from "../model/index-lookup.js";
import type { Catalog, Step } from "../model/schema.js";
import { DEFAULT_HOUR_VALUE } from "./config.js";
import { catalogPeople, experiencePeople, reachOf, visitsOf } from "./internal/reach.js";

export { experiencePeople, reachOf } from "./internal/reach.js";

/**
 * Annual customer hours split by the three costs of administrative burden (Herd and Moynihan):
 * - `learning`: the customer minutes of steps whose activity is `learn` (finding out about a program and its rules);
 * - `psychological`: minutes on hold or in a queue (`holdMinutes`): time spent waiting with no control over when it
 *   ends, the stress and loss of autonomy Herd and Moynihan count as psychological cost;
 * - `compliance`: everything else: the customer minutes of every other step, and travel.
 * Waits in days are reported beside the hours (`waitDays`), not converted into them.
 *
 * @example
 * ```ts
 * import type { BurdenSplit } from "service-blueprint";
 * const split: BurdenSplit = { learning: 120, compliance: 3400, psychological: 800 };
 * ```
 */
export interface BurdenSplit {
  /** Hours a year of learning cost. */
  readonly learning: number;
  /** Hours a year of compliance cost. */
  readonly compliance: number;
  /** Hours a year of psychological cost. */
  readonly psychological: number;
}

/**
 * The burden totals of a service, an experience or the catalog.
 *
 * @example
 * ```ts
 * import { computeBurden } from "service-blueprint";
 * const total = computeBurden(catalog).total;
 * console.log(`${Math.round(total.annualHours)} hours a year, $${Math.round(total.annualCost)}`);
 * ```
 */
export interface BurdenTotals {
  /**
   * Customers a year: for a service its annual volume (0 when unknown); for a life experience the people who enter
   * it; for the catalog the people served, each counted once (see {@link BurdenReport.total}).
   */
  readonly customersPerYear: number;
  /** Expected minutes per customer: each step's minutes × the share reaching it, summed. */
  readonly minutesPerCustomer: number;
  /** Expected days of waiting per customer, likewise. */
  readonly waitDaysPerCustomer: number;
  /** Expected fees per customer, in dollars (to the cent), likewise. */
  readonly feePerCustomer: number;
  /** Customer hours a year. */
  readonly annualHours: number;
  /** Fees paid a year, in dollars (to the cent). */
  readonly annualFees: number;
  /** Hours × hour value + fees, in dollars a year (to the cent). */
  readonly annualCost: number;
  /** The hours split by cost. */
  readonly split: BurdenSplit;
}

/**
 * The burden of one step.
 *
 * @example
 * ```ts
 * import { computeBurden } from "service-blueprint";
 * const step = computeBurden(catalog).services[0]?.steps[0];
 * step?.annualHours;
 * ```
 */
export interface StepBurden {
  /** The step id. */
  readonly step: string;
  /** Its path, `services[i].steps[j]`. */
  readonly path: string;
  /** Share of the service's customers reaching it. */
  readonly reach: number;
  /** Expected times a customer does it: `reach` plus rework repeats. */
  readonly visits: number;
  /** Customers a year reaching it. */
  readonly customersPerYear: number;
  /** The step's own customer minutes. */
  readonly customerMinutes: number;
  /** Its minutes on hold or in a queue. */
  readonly holdMinutes: number;
  /** Its travel minutes. */
  readonly travelMinutes: number;
  /** customer + hold + travel minutes. */
  readonly minutes: number;
  /** Its wait in days. */
  readonly waitDays: number;
  /** Its fee in dollars. */
  readonly fee: number;
  /** minutes × annual volume × visits ÷ 60. */
  readonly annualHours: number;
  /** fee × customers, to the cent. */
  readonly annualFees: number;
  /** hours × hour value + fees, to the cent. */
  readonly annualCost: number;
  /** The hours split by cost. */
  readonly split: BurdenSplit;
}

/**
 * The burden of one service: its totals and its steps.
 *
 * @example
 * ```ts
 * import { computeBurden } from "service-blueprint";
 * for (const service of computeBurden(catalog).services) console.log(service.service, service.annualHours);
 * ```
 */
export interface ServiceBurden extends BurdenTotals {
  /** The service id. */
  readonly service: string;
  /** Its path, `services[i]`. */
  readonly path: string;
  /** Whether `occasion.annualVolume` is stated (without it the yearly figures are 0). */
  readonly volumeKnown: boolean;
  /** Every step, in order (made when first read). */
  readonly steps: readonly StepBurden[];
}

/**
 * The burden of one life experience: the sum over its (distinct, known) services.
 *
 * @example
 * ```ts
 * import { computeBurden } from "service-blueprint";
 * computeBurden(catalog).experiences.find((e) => e.experience === "retirement")?.annualHours;
 * ```
 */
export interface ExperienceBurden extends BurdenTotals {
  /** The life experience id. */
  readonly experience: string;
  /** Its path, `lifeExperiences[i]`. */
  readonly path: string;
  /** The services summed. */
  readonly services: readonly string[];
}

/**
 * The burden report of a catalog.
 *
 * @example
 * ```ts
 * import { computeBurden } from "service-blueprint";
 * const report = computeBurden(catalog, { hourValue: 40 });
 * report.total.annualHours;
 * ```
 */
export interface BurdenReport {
  /** Dollars per hour used for costs. */
  readonly hourValue: number;
  /** Every service, in catalog order. */
  readonly services: readonly ServiceBurden[];
  /** Every life experience, in catalog order. */
  readonly experiences: readonly ExperienceBurden[];
  /**
   * The catalog: hours, costs and minutes summed over services (each counted once); `customersPerYear` counts
   * people, not service uses: the people entering each life experience (its entry services' volumes) plus the
   * customers of services outside any, so someone who goes from FEMA to SBA is one customer, not two.
   */
  readonly total: BurdenTotals;
}

/**
 * Options of {@link computeBurden}.
 *
 * @example
 * ```ts
 * import type { ComputeBurdenOptions } from "service-blueprint";
 * const options: ComputeBurdenOptions = { hourValue: 40 };
 * ```
 */
export interface ComputeBurdenOptions {
  /** Dollars per hour of customer time (default {@link DEFAULT_HOUR_VALUE}). */
  readonly hourValue?: number | undefined;
}

/** Rounds away floating-point noise so sums in another order give the same figures. @internal */
export function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Dollars, rounded to the cent: sums of thousands of products carry noise past the sixth decimal at a billion
 * dollars (1040553333.333345), which a report should not show. @internal
 */
export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A step's minutes of learning cost: its customer minutes when its activity is `learn`. */
function learningMinutes(step: Step): number {
  return step.activity === "learn" ? step.customerMinutes : 0;
}

/** A step's minutes of compliance cost: its other customer minutes, and travel (hold minutes are psychological). */
function complianceMinutes(step: Step): number {
  return step.customerMinutes - learningMinutes(step) + step.travelMinutes;
}

/** The burden of one step, reached by `share` of the service's `volume` customers a year, done `visits` times each. */
function stepBurden(step: Step, path: string, volume: number | undefined, share: number, visits: number, hourValue: number): StepBurden {
  const customers = (volume ?? 0) * share;
  const done = (volume ?? 0) * visits;
  const minutes = stepMinutes(step);
  const hours = (minutes * done) / 60;
  return Object.freeze({
    step: step.id,
    path,
    reach: tidy(share),
    visits: tidy(visits),
    customersPerYear: tidy(customers),
    customerMinutes: step.customerMinutes,
    holdMinutes: step.holdMinutes,
    travelMinutes: step.travelMinutes,
    minutes,
    waitDays: step.waitDays,
    fee: step.fee,
    annualHours: tidy(hours),
    annualFees: cents(step.fee * done),
    annualCost: cents(hours * hourValue + step.fee * done),
    split: Object.freeze({
      learning: tidy((learningMinutes(step) * done) / 60),
      compliance: tidy((complianceMinutes(step) * done) / 60),
      psychological: tidy((step.holdMinutes * done) / 60),
    }),
  });
}

/**
 * A service's burden, frozen, with `steps` made when first read (then kept): the totals need no object per step, and
 * a lint of 200,000 steps whose step rows nobody reads does not build them. `steps` is an enumerable getter, so
 * `JSON.stringify`, spreading and deep equality see it as a plain property.
 */
function withSteps(totals: Omit<ServiceBurden, "steps">, steps: () => StepBurden[]): ServiceBurden {
  let made: readonly StepBurden[] | undefined;
  Object.defineProperty(totals, "steps", { enumerable: true, get: () => (made ??= Object.freeze(steps())) });
  return Object.freeze(totals) as ServiceBurden;
}

class Accumulator {
  customers = 0;
  minutes = 0;
  waitDays = 0;
  fee = 0;
  hours = 0;
  fees = 0;
  learning = 0;
  compliance = 0;
  psychological = 0;

  add(totals: BurdenTotals): void {
    this.customers += totals.customersPerYear;
    this.minutes += totals.minutesPerCustomer;
    this.waitDays += totals.waitDaysPerCustomer;
    this.fee += totals.feePerCustomer;
    this.hours += totals.annualHours;
    this.fees += totals.annualFees;
    this.learning += totals.split.learning;
    this.compliance += totals.split.compliance;
    this.psychological += totals.split.psychological;
  }

  totals(hourValue: number): BurdenTotals {
    const annualHours = tidy(this.hours);
    const annualFees = cents(this.fees);
    return {
      customersPerYear: tidy(this.customers),
      minutesPerCustomer: tidy(this.minutes),
      waitDaysPerCustomer: tidy(this.waitDays),
      feePerCustomer: cents(this.fee),
      annualHours,
      annualFees,
      annualCost: cents(this.hours * hourValue + this.fees),
      split: Object.freeze({ learning: tidy(this.learning), compliance: tidy(this.compliance), psychological: tidy(this.psychological) }),
    };
  }
}

/** The burden report of an indexed catalog (the lint's, at its configured hour value). @internal */
export function burdenReport(index: CatalogIndex, hourValue: number): BurdenReport {
  const catalog = index.catalog;
  const byService = new Map<string, ServiceBurden>();
  const total = new Accumulator();
  const services = catalog.services.map((service, si) => {
    const volume = service.occasion.annualVolume;
    const reach = reachOf(index, service.id);
    const visits = visitsOf(index, service.id);
    const sum = new Accumulator();
    for (const step of service.steps) {
      const share = visits.get(step.id) ?? 0;
      const customers = (volume ?? 0) * share;
      const minutes = stepMinutes(step);
      sum.minutes += minutes * share;
      sum.waitDays += step.waitDays * share;
      sum.fee += step.fee * share;
      sum.hours += (minutes * customers) / 60;
      sum.fees += step.fee * customers;
      sum.learning += (learningMinutes(step) * customers) / 60;
      sum.compliance += (complianceMinutes(step) * customers) / 60;
      sum.psychological += (step.holdMinutes * customers) / 60;
    }
    sum.customers = volume ?? 0;
    const result: ServiceBurden = withSteps(
      { service: service.id, path: `services[${si}]`, volumeKnown: volume !== undefined, ...sum.totals(hourValue) },
      () =>
        service.steps.map((step, sti) =>
          stepBurden(step, `services[${si}].steps[${sti}]`, volume, reach.get(step.id) ?? 0, visits.get(step.id) ?? 0, hourValue),
        ),
    );
    if (!byService.has(service.id)) {
      byService.set(service.id, result);
      total.add(result);
    }
    return result;
  });
  const experiences = catalog.lifeExperiences.map((experience, ei): ExperienceBurden => {
    const sum = new Accumulator();
    const ids: string[] = [];
    for (const id of experience.services) {
      const service = byService.get(id);
      if (service === undefined || ids.includes(id)) continue;
      ids.push(id);
      sum.add(service);
    }
    // People entering the experience, each counted once (not a sum over its services).
    sum.customers = experiencePeople(index, experience);
    return Object.freeze({ experience: experience.id, path: `lifeExperiences[${ei}]`, services: Object.freeze(ids), ...sum.totals(hourValue) });
  });
  // People served, each counted once: those entering a life experience and the customers of services outside any.
  total.customers = catalogPeople(index);
  return Object.freeze({
    hourValue,
    services: Object.freeze(services),
    experiences: Object.freeze(experiences),
    total: Object.freeze(total.totals(hourValue)),
  });
}

/**
 * Computes the burden of a catalog: per step, service, life experience and in total.
 *
 * @param catalog - a parsed catalog
 * @param options - the value of an hour
 * @returns the burden report (frozen)
 * @example
 * ```ts
 * import { computeBurden } from "service-blueprint";
 * const report = computeBurden(catalog, { hourValue: 35 });
 * for (const service of report.services) {
 *   console.log(`${service.service}: ${service.annualHours.toFixed(0)} h/yr (${service.split.learning.toFixed(0)} learning)`);
 * }
 * ```
 */
export function computeBurden(catalog: Catalog, options: ComputeBurdenOptions = {}): BurdenReport {
  return burdenReport(indexCatalog(catalog), options.hourValue ?? DEFAULT_HOUR_VALUE);
}
