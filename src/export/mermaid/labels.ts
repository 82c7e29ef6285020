/**
 * Label text for steps and flows, shared by the views.
 */
import type { CatalogIndex } from "../../model/index-lookup.js";
import type { Flow, Step } from "../../model/schema.js";
import { cleanText } from "./escape.js";
import type { Label, LabelLine, LabelSpan } from "./flowchart.js";
import { formatDays, formatMinutes, formatMoney, formatShare } from "./format.js";
import { findingLine, type FindingSummary } from "./overlay.js";

const WAIT_WORDS = {
  opaque: "no status",
  "status-on-request": "status on request",
  "proactive-updates": "proactive updates",
} as const;

const PROOFING_WORDS = {
  none: "",
  "knowledge-based": "knowledge-based ID check",
  remote: "remote ID check",
  "in-person": "in-person ID check",
} as const;

/**
 * A name that has something to show: the name itself, or the fallback (built from ids, which are always
 * printable) when the name holds only characters that cannot be shown (controls, for example).
 */
export function visibleName(name: string, fallback: string): string {
  return cleanText(name, false) === "" ? fallback : name;
}

/** The channel of a step as text: `my Social Security (website)`, or `undefined`. */
export function channelText(index: CatalogIndex, step: Step): string | undefined {
  if (step.channel === undefined) return undefined;
  const channel = index.channels.get(step.channel);
  if (channel === undefined) return step.channel;
  return `${channel.name} (${channel.kind})`;
}

/** What a step asks of the customer: effort, hold, travel, fee, signatures, ID checks. */
function effortParts(step: Step): string[] {
  const parts: string[] = [];
  if (step.customerMinutes > 0) parts.push(formatMinutes(step.customerMinutes));
  if (step.holdMinutes > 0) parts.push(`on hold ${formatMinutes(step.holdMinutes)}`);
  if (step.travelMinutes > 0) parts.push(`travel ${formatMinutes(step.travelMinutes)}`);
  if (step.fee > 0) parts.push(`fee ${formatMoney(step.fee)}`);
  if (step.signature === "wet") parts.push("wet signature");
  if (step.notarization) parts.push("notarized");
  const proofing = PROOFING_WORDS[step.identityProofing];
  if (proofing !== "") parts.push(proofing);
  return parts;
}

/** Options of {@link stepLabel}. */
export interface StepLabelOptions {
  /** Show details under the name. */
  readonly details: boolean;
  /** Show the channel line even when details are off (life-experience view). */
  readonly channel: boolean;
  /** Show the role (blueprints; the life-experience view leaves it out to stay compact). */
  readonly role: boolean;
  /** The step's findings, if any. */
  readonly findings: FindingSummary | undefined;
}

/**
 * The label of a step: its name in bold, then (with details) channel and role, effort, wait, fail point and
 * outcome, then its findings.
 *
 * @param index - lookups over the catalog
 * @param step - the step
 * @param options - what to show
 * @returns the label
 */
export function stepLabel(index: CatalogIndex, step: Step, options: StepLabelOptions): Label {
  const lines: LabelLine[] = [[{ text: visibleName(step.name, `step ${step.id}`), strong: true }]];
  const channel = channelText(index, step);
  const who: string[] = [];
  if ((options.details || options.channel) && channel !== undefined) who.push(channel);
  if (options.details && options.role && step.role !== undefined) who.push(index.roles.get(step.role)?.name ?? step.role);
  if (who.length > 0) lines.push([{ text: who.join(" · "), em: true }]);
  if (options.details) {
    const effort = effortParts(step);
    if (effort.length > 0) lines.push([{ text: effort.join(" · ") }]);
    if (step.waitDays > 0) {
      const seen = step.waitVisibility === undefined ? "" : `, ${WAIT_WORDS[step.waitVisibility]}`;
      lines.push([{ text: "WAIT", strong: true }, { text: `${formatDays(step.waitDays)}${seen}` }]);
    }
    if (step.failPoint !== undefined) {
      const share = step.failPoint.share === undefined ? "" : ` (${formatShare(step.failPoint.share)})`;
      lines.push([{ text: "FAIL POINT", strong: true }, { text: `${step.failPoint.description}${share}` }]);
    }
    if (step.outcome !== undefined) lines.push([{ text: "Outcome:", strong: true }, { text: step.outcome }]);
  }
  if (options.findings !== undefined) lines.push(findingLine(options.findings));
  return lines;
}

/**
 * A step's figures on one line, most telling first: the customer's minutes, time on hold and travelling, the
 * wait, the fee, the share that fails, the outcome. `undefined` when the step has none. The rest (channel, role,
 * ID checks, what the fail point is) is in the report's tables.
 *
 * @param step - the step
 * @returns `45 min · hold 1 h · wait 30 days · fails 8%`, or `undefined`
 */
export function figureLine(step: Step): string | undefined {
  const parts: string[] = [];
  if (step.customerMinutes > 0) parts.push(formatMinutes(step.customerMinutes));
  if (step.holdMinutes > 0) parts.push(`hold ${formatMinutes(step.holdMinutes)}`);
  if (step.travelMinutes > 0) parts.push(`travel ${formatMinutes(step.travelMinutes)}`);
  if (step.waitDays > 0) parts.push(`wait ${formatDays(step.waitDays)}`);
  if (step.fee > 0) parts.push(formatMoney(step.fee));
  if (step.failPoint?.share !== undefined) parts.push(`fails ${formatShare(step.failPoint.share)}`);
  if (step.outcome !== undefined) parts.push(`→ ${step.outcome}`);
  return parts.length === 0 ? undefined : parts.join(" · ");
}

/** The number of findings a summary counts. */
export function findingCount(summary: FindingSummary): number {
  return summary.counts.error + summary.counts.warning + summary.counts.info;
}

/**
 * The compact label of a blueprint step: its name in bold, with a badge (`⚠ 3`) when it has findings, and (with
 * details) one line of figures (see {@link figureLine}).
 *
 * @param step - the step
 * @param options - whether to show the figures, and the step's findings
 * @returns the label
 */
export function compactStepLabel(step: Step, options: { readonly details: boolean; readonly findings: FindingSummary | undefined }): Label {
  const title: LabelSpan[] = [{ text: visibleName(step.name, `step ${step.id}`), strong: true }];
  if (options.findings !== undefined) title.push({ text: `⚠ ${findingCount(options.findings)}`, strong: true });
  const lines: LabelLine[] = [title];
  const figures = options.details ? figureLine(step) : undefined;
  if (figures !== undefined) lines.push([{ text: figures }]);
  return lines;
}

/**
 * The label of a flow: branch shares, rework, the author's label, or the hidden steps a bridge passes.
 *
 * @param flow - the flow, or `undefined` for a bridge
 * @param hidden - hidden steps a bridge passes
 * @returns the label, or `undefined` for none
 */
export function flowLabel(flow: Flow | undefined, hidden: number): Label | undefined {
  if (flow === undefined) return [[{ text: `via ${hidden} hidden step${hidden === 1 ? "" : "s"}`, em: true }]];
  const parts: LabelSpan[] = [];
  if (flow.kind === "rework") parts.push({ text: "rework", strong: true });
  if (flow.label !== undefined) parts.push({ text: flow.label });
  if (flow.share !== undefined && flow.kind !== "sequence") parts.push({ text: formatShare(flow.share) });
  if (parts.length === 0) return undefined;
  return [parts.map((span, i) => (i === 0 ? span : { ...span, text: `· ${span.text}` }))];
}
