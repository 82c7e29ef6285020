import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a service whose occasion states no annual volume, so its burden cannot be counted in hours a year.
 *
 * @example
 * ```ts
 * import { missingAnnualVolume } from "service-blueprint";
 * missingAnnualVolume.meta.id; // "missing-annual-volume"
 * missingAnnualVolume.meta.category; // "structure"
 * ```
 */
export const missingAnnualVolume = defineRule({
  meta: {
    id: "missing-annual-volume",
    title: "Annual volume missing",
    category: "structure",
    categories: ["structure", "a11"],
    defaultSeverity: "warning",
    recommended: true,
    description: "A service has no `occasion.annualVolume`, so the hours a year its burden costs cannot be computed.",
    rationale:
      "A sludge audit turns minutes per step into hours a year by multiplying by how many people come; without the volume " +
      "every finding on the service costs zero hours and the service drops out of comparisons. A-11 asks agencies to know " +
      "the scale of demand of each service.",
    sources: [SOURCES.nswSludgeFinder, SOURCES.a11Handbook],
    remediation:
      "Add `occasion.annualVolume` (customers a year), from the service's A-11 feedback volumes, program data or an estimate.",
    options: z.strictObject({}),
  },
  check(ctx) {
    for (const service of ctx.catalog.services) {
      if (service.occasion.annualVolume !== undefined) continue;
      const reported = service.feedback.find((f) => f.volumes.customers !== undefined);
      const evidence = [`service '${service.id}' occasion.annualVolume: (not stated)`];
      if (reported) {
        evidence.push(
          `feedback FY${reported.fiscalYear} Q${reported.quarter} reports ${reported.volumes.customers} customers in the quarter`,
        );
      }
      ctx.report({
        target: { service: service.id },
        message: `Service '${service.id}' states no annual volume, so its burden cannot be counted in hours a year`,
        evidence,
      });
    }
  },
});

export default missingAnnualVolume;
