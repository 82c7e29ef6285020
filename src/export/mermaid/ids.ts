/**
 * Mermaid ids. They are generated from positions in the catalog, never from user text, so no id can be a keyword
 * (`end`, `graph`, `style`...), start an edge token (`o`, `x`) or hold a character the grammar reads.
 *
 * Every node id starts with a lower-case letter other than `g`, `o` and `x`; every subgraph id starts with `g_`.
 * A node id and a subgraph id therefore never collide, and neither depends on the labels.
 */

/** The node of step `stepIndex` of service `serviceIndex` (indexes into the catalog): `s3_n4`. */
export function stepNodeId(serviceIndex: number, stepIndex: number): string {
  return `s${serviceIndex}_n${stepIndex}`;
}

/** The single node a collapsed service is drawn as: `s3_all`. */
export function serviceNodeId(serviceIndex: number): string {
  return `s${serviceIndex}_all`;
}

/** The single node an agency is drawn as in an agency-level overview: `a2_all`. */
export function agencyNodeId(agencyKey: number): string {
  return `a${agencyKey}_all`;
}

/** The subgraph of a service: `g_s3`. */
export function serviceClusterId(serviceIndex: number): string {
  return `g_s${serviceIndex}`;
}

/** The subgraph of an agency (its position in the catalog, or a key past the end for "no agency"): `g_a2`. */
export function agencyClusterId(agencyKey: number): string {
  return `g_a${agencyKey}`;
}

/** The subgraph of a blueprint lane (its position in `LANES`): `g_l1`. */
export function laneClusterId(laneIndex: number): string {
  return `g_l${laneIndex}`;
}

/** The subgraph that holds one blueprint line (0 interaction, 1 visibility, 2 internal interaction): `g_b0`. */
export function lineClusterId(lineIndex: number): string {
  return `g_b${lineIndex}`;
}

/** The legend subgraph. */
export const LEGEND_CLUSTER_ID = "g_legend";

/** A helper node the exporter adds for layout, a legend entry or a continuation: `h_<role><n>`. */
export function helperNodeId(role: "start" | "end" | "head" | "tail" | "line" | "linetail" | "key" | "more" | "pad", n = 0): string {
  return `h_${role}${n}`;
}
