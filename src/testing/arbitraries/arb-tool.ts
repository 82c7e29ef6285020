import * as fc from "fast-check";
import type { Tool } from "../../model/schema.js";
import { TOOL_KINDS } from "../../model/vocabulary.js";
import type { CommonConstraints, TextStyle } from "../constraints.js";
import { pick, poolsFrom, textStyle } from "../internal/context.js";
import { idArbitrary, nameArbitrary, textArbitrary } from "../internal/strings.js";

/**
 * Options of {@link arbTool}.
 *
 * @example
 * ```ts
 * import { arbTool, type ToolConstraints } from "service-blueprint/testing";
 * const constraints: ToolConstraints = { text: "realistic" };
 * arbTool(constraints);
 * ```
 */
export interface ToolConstraints extends CommonConstraints {}

/** @internal Raw choices for one tool. */
export interface ToolPlan {
  readonly id: string;
  readonly name: string;
  readonly kind: Tool["kind"];
  readonly agency: number | undefined;
  readonly description: string | undefined;
}

const TOOL_NAMES = [
  "Login.gov",
  "ID.me",
  "Case management system",
  "Notification platform",
  "Online form builder",
  "Pay.gov",
  "Appointment scheduler",
  "Status tracker",
] as const;

/** @internal */
export function toolPlan(text: TextStyle): fc.Arbitrary<ToolPlan> {
  return fc.record({
    id: idArbitrary(text),
    name: nameArbitrary(text, TOOL_NAMES),
    kind: fc.constantFrom(...TOOL_KINDS),
    agency: fc.option(fc.nat(), { nil: undefined, freq: 2 }),
    description: fc.option(textArbitrary(text), { nil: undefined, freq: 3 }),
  });
}

/** @internal */
export function buildTool(plan: ToolPlan, id: string, agencies: readonly string[]): Tool {
  const tool: Tool = { id, name: plan.name, kind: plan.kind };
  const agency = plan.agency === undefined ? undefined : pick(agencies, plan.agency);
  if (agency !== undefined) tool.agency = agency;
  if (plan.description !== undefined) tool.description = plan.description;
  return tool;
}

/**
 * Generates a tool (a building block of delivery, such as identity verification), valid against `ToolSchema`.
 *
 * @param constraints - how text looks, and the agencies a tool may belong to (`within.agencies`)
 * @returns an arbitrary of tools
 * @remarks Kinds cover every `TOOL_KINDS` value; steps use `identity-verification` tools as shared credentials.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { ToolSchema } from "service-blueprint";
 * import { arbTool } from "service-blueprint/testing";
 * fc.assert(fc.property(arbTool(), (tool) => ToolSchema.safeParse(tool).success));
 * ```
 */
export function arbTool(constraints: ToolConstraints = {}): fc.Arbitrary<Tool> {
  const agencies = poolsFrom(constraints.within).agencies;
  return toolPlan(textStyle(constraints.text)).map((plan) => buildTool(plan, plan.id, agencies));
}
