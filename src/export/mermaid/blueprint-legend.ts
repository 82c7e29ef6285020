/**
 * The blueprint's legend: its keys, each drawn as the encoding it explains, and their classes.
 */
import type { FlowNode, Label } from "./flowchart.js";
import { helperNodeId } from "./ids.js";
import { SEVERITY_ORDER, type Severity } from "./overlay.js";

/** Class definitions of the legend. */
export const LEGEND_CLASS_DEFS: readonly (readonly [string, string])[] = [
  ["legend", "fill:#ffffff,stroke:#94a3b8"],
  ["legendnote", "fill:#ffffff,stroke:#94a3b8,color:#334155"],
];

/** What a part's legend explains besides the borders every blueprint uses. */
export interface LegendNeeds {
  /** The part has continuation stubs. */
  readonly stubs: boolean;
  /** The part has flows through hidden steps. */
  readonly bridged: boolean;
  /** Findings were given (`--sludge`). */
  readonly overlay: boolean;
  /** Findings on the part's steps, by severity. */
  readonly severities: Readonly<Record<Severity, number>>;
  /** Rules with findings on the service as a whole. */
  readonly serviceRules: readonly string[];
}

/**
 * The legend's keys, each drawn as the encoding it explains: the fail point's red border, the wait's dashed border,
 * the outcome's rounded heavy border, the flows (solid arrows with shares; rework dotted orange and labelled; the
 * continuation stubs), and with findings the badge. At most five keys, so the legend is never wider than the lanes.
 */
export function legendKeys(needs: LegendNeeds): FlowNode[] {
  const keys: { label: Label; shape: FlowNode["shape"]; classes: string[] }[] = [
    { label: [[{ text: "Fail point", strong: true }], [{ text: "red border" }]], shape: "rect", classes: ["legendkey", "fail"] },
    { label: [[{ text: "Wait", strong: true }], [{ text: "dashed border" }]], shape: "rect", classes: ["legendkey", "wait"] },
    { label: [[{ text: "Outcome", strong: true }], [{ text: "rounded border" }]], shape: "round", classes: ["legendkey", "outcome"] },
    {
      label: [
        [{ text: "→ next step · share" }],
        [{ text: "⇢ orange: rework" }],
        ...(needs.bridged ? [[{ text: "⇢ grey: via hidden steps" }]] : []),
        ...(needs.stubs ? [[{ text: "▭ dashed: other part", em: true }]] : []),
      ],
      shape: "rect",
      classes: ["legendnote"],
    },
  ];
  if (needs.overlay) {
    const counts = SEVERITY_ORDER.filter((s) => needs.severities[s] > 0).map((s) => `${needs.severities[s]} ${s}${needs.severities[s] === 1 ? "" : "s"}`);
    // Two lines, like the other keys: the rules are named in the report's tables.
    const service = needs.serviceRules.length > 0 ? `; service: ${needs.serviceRules.length}` : "";
    keys.push({
      label: [[{ text: "⚠ n", strong: true }, { text: "sludge findings" }], [{ text: `${counts.length === 0 ? "none here" : counts.join(", ")}${service}` }]],
      shape: "rect",
      classes: ["legendnote"],
    });
  }
  return keys.map((key, i) => ({ id: helperNodeId("key", i), ...key }));
}
