import * as fc from "fast-check";
import type { Source } from "../../model/schema.js";
import type { TextStyle } from "../constraints.js";
import { textStyle } from "../internal/context.js";
import { idArbitrary, isoDateArbitrary, nameArbitrary, textArbitrary, urlArbitrary } from "../internal/strings.js";

/**
 * Options of {@link arbSource}.
 *
 * @example
 * ```ts
 * import { arbSource, type SourceConstraints } from "service-blueprint/testing";
 * const constraints: SourceConstraints = { text: "realistic" };
 * arbSource(constraints);
 * ```
 */
export interface SourceConstraints {
  /** How ids, titles and notes look (default `mixed`). */
  readonly text?: TextStyle | undefined;
}

/** @internal Raw choices for one source. */
export interface SourcePlan {
  readonly id: string;
  readonly title: string;
  readonly url: string | undefined;
  readonly publisher: string | undefined;
  readonly date: string | undefined;
  readonly note: string | undefined;
}

const TITLES = [
  "OMB Circular A-11, Section 280",
  "Executive Order 14058",
  "Program operations manual",
  "Customer interviews, spring round",
  "Call-center listening sessions",
  "Paperwork Reduction Act burden statement",
] as const;

/** @internal */
export function sourcePlan(text: TextStyle): fc.Arbitrary<SourcePlan> {
  return fc.record({
    id: idArbitrary(text),
    title: nameArbitrary(text, TITLES),
    url: fc.option(urlArbitrary(), { nil: undefined }),
    publisher: fc.option(nameArbitrary(text, ["Office of Management and Budget", "GSA", "The agency"]), { nil: undefined, freq: 2 }),
    date: fc.option(isoDateArbitrary(2015, 2026), { nil: undefined, freq: 2 }),
    note: fc.option(textArbitrary(text), { nil: undefined, freq: 3 }),
  });
}

/** @internal */
export function buildSource(plan: SourcePlan, id: string): Source {
  const source: Source = { id, title: plan.title };
  if (plan.url !== undefined) source.url = plan.url;
  if (plan.publisher !== undefined) source.publisher = plan.publisher;
  if (plan.date !== undefined) source.date = plan.date;
  if (plan.note !== undefined) source.note = plan.note;
  return source;
}

/**
 * Generates a public source a model rests on (a law, a policy page, a study), valid against `SourceSchema`.
 *
 * @param constraints - how text looks
 * @returns an arbitrary of sources
 * @remarks URLs are `https://www.<word>.gov/...`; dates are ISO dates from 2015 to 2026.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { SourceSchema } from "service-blueprint";
 * import { arbSource } from "service-blueprint/testing";
 * fc.assert(fc.property(arbSource(), (source) => SourceSchema.safeParse(source).success));
 * ```
 */
export function arbSource(constraints: SourceConstraints = {}): fc.Arbitrary<Source> {
  return sourcePlan(textStyle(constraints.text)).map((plan) => buildSource(plan, plan.id));
}
