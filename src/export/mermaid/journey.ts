/**
 * The journey view: a Mermaid `journey` of the paths a customer takes through one service. The main path (at each
 * branch the flow most customers take) comes first, in sections by channel; every other branch follows as an
 * alternative ("Or: applies by phone (12%)"), so exclusive branches are never drawn as one sequence.
 *
 * Tasks are the customer's steps, the frontstage steps they meet, and the waits they live through (a step of any
 * other lane with `waitDays`). Each task shows its customer minutes (effort, hold, travel) and its days of waiting.
 *
 * Scores. A task takes the feedback collections that name its step (`transactionPoint` or `stage` equal to the
 * step's id or name), else those on its channel; of those, the latest quarter. Each v1 question gives its mean (as
 * given, or computed from its counts) mapped from its own scale to 1..5 (`1 + (mean - 1) * 4 / (scale - 1)`); a v2
 * collection gives its trust question's positive share mapped to 1..5 (`1 + 4 * positive / (positive + negative)`).
 * The score is the mean of those values, to one decimal. A task with no feedback of its own is scored from its
 * effort by {@link effortScore} and marked "derived score"; a warning says how many were.
 *
 * Sludge findings cannot be coloured in a journey (it has no classes), so a task with findings gets one actor per
 * rule, "Sludge, <severity>: <rule id>", which the journey's legend lists. Every actor has a colour of its own
 * (Mermaid's default palette has six and repeats them).
 */
import { type CompiledGraph, type GraphEdge, serviceGraph } from "../../graph/build.js";
import { type FlowModel, flowModel } from "../../graph/flow.js";
import { isForward } from "../../graph/order.js";
import { branchRemainder, carriedShare } from "../../graph/reach.js";
import type { FeedbackCollection, Service, Step } from "../../model/schema.js";
import { budgetTooSmall, settleWindows, type Budget } from "./budget.js";
import { agencyName, requireService, type ViewContext } from "./context.js";
import { cleanText, escapeJourneyText, escapeText } from "./escape.js";
import { stepShown } from "./filters.js";
import { formatDays, formatMinutes, formatScore, formatShare } from "./format.js";
import { channelText, visibleName } from "./labels.js";
import { stepKey, type FindingSummary } from "./overlay.js";
import { breakLongWords, shortenToFit, textWidth, wrapLines } from "./text-width.js";
import type { MermaidDiagram } from "./types.js";
import { known } from "../../internal/invariant.js";

interface Task {
  readonly section: string;
  /** The step's name (or "Wait for ..."), which may be shortened to fit the task's box. */
  readonly name: string;
  /** Customer minutes and days of waiting, always drawn whole after the name. */
  readonly figures: string;
  readonly score: number;
  readonly actors: readonly string[];
}

/** The mean answer of a v1 question on its own scale, or `undefined` without data. */
function questionMean(question: { readonly mean?: number | undefined; readonly counts?: readonly number[] | undefined }): number | undefined {
  if (question.mean !== undefined) return question.mean;
  if (question.counts === undefined) return undefined;
  let total = 0;
  let sum = 0;
  question.counts.forEach((count, point) => {
    total += count;
    sum += count * (point + 1);
  });
  return total === 0 ? undefined : sum / total;
}

/** Values (each on 1..5) that one collection gives. */
function collectionValues(collection: FeedbackCollection): number[] {
  if (collection.survey === "v1") {
    const values: number[] = [];
    for (const question of collection.questions) {
      const mean = questionMean(question);
      if (mean === undefined) continue;
      const mapped = 1 + ((mean - 1) * 4) / (question.scale - 1);
      values.push(Math.min(5, Math.max(1, mapped)));
    }
    return values;
  }
  const trust = collection.trust;
  if (trust === undefined || trust.positive + trust.negative === 0) return [];
  return [1 + (4 * trust.positive) / (trust.positive + trust.negative)];
}

/** The mean of the latest quarter's values of the usable collections, to one decimal, or `undefined`. */
function latestMean(collections: readonly FeedbackCollection[]): number | undefined {
  const usable = collections.filter((c) => collectionValues(c).length > 0);
  if (usable.length === 0) return undefined;
  const latest = Math.max(...usable.map((c) => c.fiscalYear * 4 + c.quarter));
  const values = usable.filter((c) => c.fiscalYear * 4 + c.quarter === latest).flatMap(collectionValues);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.round(mean * 10) / 10;
}

/** The collections about one step: those naming it, else those on its channel. */
function ownCollections(service: Service, step: Step): readonly (readonly FeedbackCollection[])[] {
  const same = (value: string | undefined): boolean => {
    if (value === undefined) return false;
    const v = value.trim().toLowerCase();
    return v === step.id.toLowerCase() || v === step.name.trim().toLowerCase();
  };
  return [
    service.feedback.filter((c) => same(c.transactionPoint) || same(c.stage)),
    step.channel === undefined ? [] : service.feedback.filter((c) => c.channel === step.channel),
  ];
}

/**
 * The A-11 score of a step on the journey's 1..5 scale, or `undefined` when the service has no usable feedback:
 * the step's own collections, else its channel's, else all of the service's.
 *
 * @param service - the service
 * @param step - the step
 * @returns the score to one decimal, or `undefined`
 */
export function feedbackScore(service: Service, step: Step): number | undefined {
  return stepFeedbackScore(service, step) ?? latestMean(service.feedback);
}

/**
 * The A-11 score of a step from feedback about that step only (collections naming it, else on its channel), or
 * `undefined`. Service-wide feedback is not used: it would give every step of the service the same score.
 *
 * @param service - the service
 * @param step - the step
 * @returns the score to one decimal, or `undefined`
 */
export function stepFeedbackScore(service: Service, step: Step): number | undefined {
  for (const tier of ownCollections(service, step)) {
    const score = latestMean(tier);
    if (score !== undefined) return score;
  }
  return undefined;
}

/** One deduction of {@link effortScore}: points off when a figure reaches a threshold. */
interface Deduction {
  readonly figure: "customerMinutes" | "holdMinutes" | "travelMinutes" | "waitDays";
  readonly atLeast: number;
  readonly points: number;
}

/** The deductions of {@link effortScore}, cumulative per figure (documented in docs/diagrams.md). */
const DEDUCTIONS: readonly Deduction[] = [
  { figure: "customerMinutes", atLeast: 30, points: 1 },
  { figure: "customerMinutes", atLeast: 120, points: 1 },
  { figure: "holdMinutes", atLeast: 15, points: 1 },
  { figure: "holdMinutes", atLeast: 60, points: 1 },
  { figure: "travelMinutes", atLeast: 1, points: 1 },
  { figure: "travelMinutes", atLeast: 60, points: 1 },
  { figure: "waitDays", atLeast: 7, points: 1 },
  { figure: "waitDays", atLeast: 30, points: 1 },
];

/** Points off per sludge finding on the step, and the most they can take off together. */
const FINDING_POINTS = 0.5;
const FINDING_POINTS_MAX = 2;

/**
 * The journey score of a step without feedback of its own, derived from its effort: start at 5 and take off
 * 1 point at 30 and 1 more at 120 customer minutes; 1 at 15 and 1 more at 60 minutes on hold; 1 for any travel
 * and 1 more at 60 minutes of it; 1 at 7 and 1 more at 30 days of waiting; 0.5 per sludge finding on the step
 * (at most 2); then clamp to 1..5.
 *
 * @param step - the step's figures (`waitDays` alone for a wait task)
 * @param findings - how many sludge findings point at the step
 * @returns the score, 1 to 5 in steps of 0.5
 */
export function effortScore(step: Pick<Step, "customerMinutes" | "holdMinutes" | "travelMinutes" | "waitDays">, findings: number): number {
  let score = 5;
  for (const d of DEDUCTIONS) if (step[d.figure] >= d.atLeast) score -= d.points;
  score -= Math.min(FINDING_POINTS_MAX, findings * FINDING_POINTS);
  return Math.min(5, Math.max(1, score));
}

/**
 * The actor that names a task's findings (`Sludge, error: in-person-only`, `Sludge, warning: wet-signature and 2
 * more`): the journey's legend lists actors, so this is where a journey can say which rules fire where without
 * crowding the task boxes. One actor per task, so that a part stays within {@link MAX_ACTORS_PER_PART}.
 */
function sludgeActors(summary: FindingSummary | undefined): string[] {
  if (summary === undefined) return [];
  const [first, ...rest] = summary.rules;
  if (first === undefined) return [];
  return [`Sludge, ${summary.severity}: ${first}${rest.length > 0 ? ` and ${rest.length} more` : ""}`];
}

/** A walk along one path: its nodes, and the edges it left aside (alternatives to draw later). */
interface Walk {
  readonly nodes: number[];
  readonly aside: GraphEdge[];
}

/** The flows a path can take out of a node: forward sequence and branch flows that carry someone. */
function pathEdges(model: FlowModel, v: number): { edges: GraphEdge[]; remainder: number } {
  const outs = model.graph.out[v]!;
  const remainder = branchRemainder(outs);
  const edges = outs.filter((e) => (e.kind === "sequence" || e.kind === "branch") && isForward(model.order, e) && carriedShare(e, remainder) > 0);
  return { edges, remainder };
}

/**
 * Follows the path from `start`: at each node the flow carrying the highest share (ties: the target's step id,
 * the graph's node order), until a node already drawn (`stop`) or the end. The other flows are set aside.
 */
function walkPath(model: FlowModel, start: number, stop: ReadonlySet<number>): Walk {
  const nodes: number[] = [];
  const aside: GraphEdge[] = [];
  const seen = new Set<number>();
  let v: number | undefined = start;
  while (v !== undefined && !stop.has(v) && !seen.has(v)) {
    seen.add(v);
    nodes.push(v);
    const { edges, remainder } = pathEdges(model, v);
    let best: GraphEdge | undefined;
    for (const e of edges) {
      if (best === undefined || carriedShare(e, remainder) > carriedShare(best, remainder)) best = e;
    }
    for (const e of edges) if (e !== best) aside.push(e);
    v = best?.to;
  }
  return { nodes, aside };
}

/** The main path and the alternatives of a service, as runs of nodes; each alternative with its section title. */
interface JourneyPaths {
  readonly main: readonly number[];
  readonly alternatives: readonly { readonly title: string; readonly nodes: readonly number[] }[];
}

/**
 * Splits a service's flow into the main path and alternatives. The main path starts at the first entry (in the
 * service's step order); a flow it sets aside starts an alternative that runs until it rejoins a drawn node. An
 * exclusive branch is titled "Or: <label> (<share of all customers>)"; a second sequence flow (everyone does both)
 * or another entry is titled "Also: ...".
 */
function journeyPaths(model: FlowModel, service: Service): JourneyPaths {
  const { graph } = model;
  const stepOrder = new Map(service.steps.map((s, i) => [s, i]));
  const entries = [...graph.entries].sort((a, b) => known(stepOrder, graph.nodes[a]!.step) - known(stepOrder, graph.nodes[b]!.step));
  const drawn = new Set<number>();
  if (entries.length === 0) return { main: [], alternatives: [] };
  const main = walkPath(model, entries[0]!, drawn);
  for (const v of main.nodes) drawn.add(v);
  const queue: { title: string; start: number }[] = [];
  const enqueue = (aside: readonly GraphEdge[]): void => {
    for (const edge of aside) {
      const remainder = branchRemainder(graph.out[edge.from]!);
      const share = model.reach[edge.from]! * carriedShare(edge, remainder);
      const flow = graph.nodes[edge.from]!.step.next.find((f) => f.to === graph.nodes[edge.to]!.step.id && f.kind === edge.kind);
      const name = cleanText(flow?.label ?? "", false) || visibleName(graph.nodes[edge.to]!.step.name, `step ${graph.nodes[edge.to]!.step.id}`);
      queue.push({ title: edge.kind === "branch" ? `Or: ${name} (${formatShare(share)})` : `Also: ${name}`, start: edge.to });
    }
  };
  for (const entry of entries.slice(1)) {
    queue.push({ title: `Also: ${visibleName(graph.nodes[entry]!.step.name, `step ${graph.nodes[entry]!.step.id}`)}`, start: entry });
  }
  enqueue(main.aside);
  const alternatives: { title: string; nodes: number[] }[] = [];
  for (let i = 0; i < queue.length; i++) {
    const { title, start } = queue[i]!;
    if (drawn.has(start)) continue;
    const walk = walkPath(model, start, drawn);
    for (const v of walk.nodes) drawn.add(v);
    alternatives.push({ title, nodes: walk.nodes });
    enqueue(walk.aside);
  }
  return { main: main.nodes, alternatives };
}

/** The steps attached to a node (in the service's step order), which a path meets with their host. */
function attachedTo(graph: CompiledGraph, v: number, stepOrder: ReadonlyMap<Step, number>): number[] {
  return graph.out[v]!.filter((e) => e.kind === "attached")
    .map((e) => e.to)
    .sort((a, b) => known(stepOrder, graph.nodes[a]!.step) - known(stepOrder, graph.nodes[b]!.step));
}

/** The actor that marks a task scored from its effort (the legend explains it beside the people). */
export const DERIVED_ACTOR = "Score derived from effort";

/** The longest task title, in characters (the figures follow it): four lines of a task box at most. */
const TASK_TITLE_LENGTH = 60;

/** The tasks of a service's journey: the main path, then the alternatives. */
function journeyTasks(context: ViewContext, service: Service): { tasks: Task[]; derived: number } {
  const { index, options } = context;
  const model = flowModel(serviceGraph(service));
  const { graph } = model;
  const stepOrder = new Map(service.steps.map((s, i) => [s, i]));
  const paths = journeyPaths(model, service);
  const tasks: Task[] = [];
  const done = new Set<number>();
  let derived = 0;
  const waitSection = `Waiting for ${agencyName(context, service.agency)}`;

  const emit = (v: number, section: string | undefined): void => {
    if (done.has(v)) return;
    done.add(v);
    const step = graph.nodes[v]!.step;
    if (stepShown({ ...options, lanes: null }, index, service, step)) {
      const findings = options.overlay.steps.get(stepKey(service.id, step.id));
      const sludge = sludgeActors(findings);
      const count = findings === undefined ? 0 : findings.counts.error + findings.counts.warning + findings.counts.info;
      const meets = step.lane === "customer" || step.lane === "frontstage";
      if (meets || step.waitDays > 0) {
        const own = stepFeedbackScore(service, step);
        if (own === undefined) derived++;
        const minutes = step.customerMinutes + step.holdMinutes + step.travelMinutes;
        const name = visibleName(step.name, `step ${step.id}`);
        const figures = meets ? `${formatMinutes(minutes)} · ${formatDays(step.waitDays)}` : formatDays(step.waitDays);
        const role = step.role === undefined ? undefined : (index.roles.get(step.role)?.name ?? step.role);
        const actors =
          step.lane === "customer"
            ? ["Customer", ...sludge]
            : step.lane === "frontstage"
              ? ["Customer", role ?? "Frontstage staff", ...sludge]
              : ["Customer", ...sludge];
        const title = cleanText(meets ? name : `Wait for ${name}`, false, Math.min(TASK_TITLE_LENGTH, options.maxLabelLength));
        tasks.push({
          section: section ?? (meets ? (channelText(index, step) ?? "No channel recorded") : waitSection),
          name: title,
          figures,
          score: own ?? effortScore(meets ? step : { customerMinutes: 0, holdMinutes: 0, travelMinutes: 0, waitDays: step.waitDays }, count),
          actors: own === undefined ? [...actors, DERIVED_ACTOR] : actors,
        });
      }
    }
    for (const a of attachedTo(graph, v, stepOrder)) emit(a, section);
  };

  for (const v of paths.main) emit(v, undefined);
  for (const alternative of paths.alternatives) for (const v of alternative.nodes) emit(v, alternative.title);
  return { tasks, derived };
}

/**
 * The most tasks one journey part holds. Mermaid draws a journey in one row, a task 200 px wide with its margin,
 * after the actor legend; eight tasks keep a part under 2,400 px wide at 100%.
 */
const MAX_TASKS_PER_PART = 8;


/**
 * The most actors one journey part holds. Mermaid gives a journey's actors six colours (`actorColours`, an array,
 * cannot be set from the diagram text: Mermaid's config sanitizer drops array keys) and repeats them after six,
 * so a part with more would give two actors one colour.
 */
const MAX_ACTORS_PER_PART = 6;

/**
 * Windows of at most `max` tasks and {@link MAX_ACTORS_PER_PART} actors; a window that would cut a section ends
 * instead where a section starts in its second half, so a part rarely opens in the middle of a channel or an
 * alternative.
 */
function widthWindows(tasks: readonly Task[], max: number): [number, number][] {
  const windows: [number, number][] = [];
  let start = 0;
  while (start < tasks.length) {
    let end = start;
    const actors = new Set<string>();
    while (end < tasks.length && end - start < max) {
      const more = tasks[end]!.actors.filter((a) => !actors.has(a));
      if (end > start && actors.size + more.length > MAX_ACTORS_PER_PART) break;
      for (const a of more) actors.add(a);
      end++;
    }
    if (end < tasks.length) {
      for (let i = end; i > start + Math.ceil(max / 2); i--) {
        if (tasks[i]!.section !== tasks[i - 1]!.section) {
          end = i;
          break;
        }
      }
    }
    windows.push([start, end]);
    start = end;
  }
  return windows;
}

/*
 * Mermaid's journey layout (mermaid 11, journeyRenderer.ts and svgDraw.js), which the text must fit:
 * - the actor legend is wrapped at `maxLabelWidth` and the tasks start `leftMargin` px after its widest line, but
 *   its text is drawn 2 x `boxTextMargin` (10 px) right of where that width was measured: a `leftMargin` under
 *   10 px lets the first boxes cover the end of the longest actor name;
 * - section and task boxes are `width` (150) px wide and `height` px high, a section one task wide per task plus
 *   the gaps between them; their text is HTML in a box of that size (`textPlacement: fo`), wrapped by the browser
 *   at spaces only and cut where it runs over (a long word on the right, a fifth line at the bottom). `<br>` is read
 *   only with `textPlacement: tspan`, which draws the text in the section's colour and does not wrap at all;
 * - the title is one SVG text at `leftMargin` after the legend, never wrapped, and the picture's width ignores it:
 *   `2 x (leftMargin + legend) + 200 px per task`.
 */

/** Task and section boxes: width, height, and the text inside them (16 px, the diagram's font size). */
const BOX_WIDTH = 150;
const BOX_HEIGHT = 90;
const BOX_TEXT_PX = 16;
/** Lines of 16 px text (18.4 px each) that a 90 px box holds. */
const BOX_LINES = 4;
/** Each task takes its box and Mermaid's 50 px margin; a section spans its tasks and the margins between them. */
const TASK_PITCH = 200;
/** The title's size (Mermaid's default, 4ex, is about 32 px: a long service name ran past the picture). */
const TITLE_PX = 20;
/** The journey's `leftMargin` and `maxLabelWidth`, and the legend's font size. */
const LEFT_MARGIN = 60;
const LEGEND_WIDTH = 200;
const LEGEND_PX = 16;

/** Text for a box `width` px wide: shortened (the suffix kept whole) to the lines the box holds, long words breakable. */
function boxText(text: string, suffix: string, width: number): string {
  const inner = width;
  const fits = (candidate: string): boolean => wrapLines(breakLongWords(candidate, inner, BOX_TEXT_PX), inner, BOX_TEXT_PX).length <= BOX_LINES;
  return breakLongWords(shortenToFit(text, suffix, fits), inner, BOX_TEXT_PX);
}

/** The most `leftMargin` grows to make room for a title (a wider gap between the legend and the tasks). */
const MAX_LEFT_MARGIN = 400;
/** The widest a journey may be drawn (every view is read at 100% on one screen). */
const MAX_WIDTH = 2_400;

/**
 * The title as drawn and the `leftMargin` that makes room for it. The title starts where the tasks do, at
 * `leftMargin` plus the legend's widest line, and runs to the picture's right edge, as far again: Mermaid counts
 * the legend only when its widest line is wider than half of `leftMargin` (names that Mermaid wraps are left out
 * here; every journey has the "Customer", about 70 px). A short journey widens its margin (up to
 * {@link MAX_LEFT_MARGIN}, and within {@link MAX_WIDTH}) to hold its whole title; what still does not fit loses
 * "Customer journey: ", then is shortened with an ellipsis, the part number kept. The full title stays the
 * accessible title and the diagram's `title`.
 */
function drawnTitle(prefix: string, subject: string, suffix: string, tasks: readonly Task[]): { title: string; leftMargin: number } {
  let legend = 0;
  for (const actor of new Set(tasks.flatMap((t) => t.actors))) {
    const width = textWidth(actor, LEGEND_PX, false, "at-most");
    if (width <= LEGEND_WIDTH) legend = Math.max(legend, width);
  }
  const tasksWidth = tasks.length * TASK_PITCH;
  const room = (leftMargin: number): number => leftMargin + (legend > leftMargin / 2 ? legend : 0) + tasksWidth - 10;
  const full = `${prefix}${subject}${suffix}`;
  const needed = textWidth(full, TITLE_PX, true);
  let leftMargin = LEFT_MARGIN;
  if (room(leftMargin) < needed) {
    const withLegend = Math.ceil(needed - legend - tasksWidth + 10);
    leftMargin = withLegend < 2 * legend ? withLegend : Math.ceil(needed - tasksWidth + 10);
    const widest = Math.floor((MAX_WIDTH - tasksWidth) / 2) - LEGEND_WIDTH;
    leftMargin = Math.max(LEFT_MARGIN, Math.min(MAX_LEFT_MARGIN, widest, leftMargin));
  }
  const fits = (candidate: string): boolean => textWidth(candidate, TITLE_PX, true) <= room(leftMargin);
  return { title: fits(full) ? full : shortenToFit(subject, suffix, fits), leftMargin };
}

function journeyText(title: string, drawn: { title: string; leftMargin: number }, tasks: readonly Task[], maxLabelLength: number): string {
  const clean = (text: string): string => cleanText(text, false, maxLabelLength) || "(unnamed)";
  const out = [
    "---",
    "config:",
    "  journey:",
    // The legend's names wrap at 200 px and the tasks start 60 px after them (150 by default, which Mermaid
    // counts twice in the width), or more to make room for the title: 10 px of that are the legend's own indent
    // (see above). Task boxes 90 px high hold four lines of 16 px text; the title is 20 px.
    `    leftMargin: ${drawn.leftMargin}`,
    `    maxLabelWidth: ${LEGEND_WIDTH}`,
    "    height: 90",
    `    titleFontSize: "${TITLE_PX}px"`,
    "---",
    "journey",
    `  title ${escapeText(cleanText(drawn.title, false), "journey")}`,
    `  accTitle: ${escapeText(cleanText(title, false), "line")}`,
  ];
  for (let i = 0; i < tasks.length; ) {
    const section = tasks[i]!.section;
    let end = i;
    while (end < tasks.length && tasks[end]!.section === section) end++;
    const span = end - i;
    out.push(`  section ${escapeJourneyText(boxText(clean(section), "", span * TASK_PITCH - (TASK_PITCH - BOX_WIDTH)))}`);
    for (; i < end; i++) {
      const task = tasks[i]!;
      const text = boxText(clean(task.name), task.figures === "" ? "" : ` · ${task.figures}`, BOX_WIDTH);
      out.push(`    ${escapeJourneyText(text)}: ${formatScore(task.score)}: ${task.actors.map((a) => escapeJourneyText(clean(a))).join(", ")}`);
    }
  }
  return `${out.join("\n")}\n`;
}

/**
 * Draws the customer journey of a service (split into parts when the text is over the budget).
 *
 * @param context - catalog, options, warnings
 * @param serviceId - the service's id
 * @returns the diagrams
 */
export function journeyView(context: ViewContext, serviceId: unknown): MermaidDiagram[] {
  const { service } = requireService(context, serviceId, "view.service");
  const { options } = context;
  if (options.lanes !== null) context.warn("option_ignored", "options.lanes does not apply to a journey: it always shows the customer's steps, the frontstage and the waits");
  if (options.layout !== "flowchart") context.warn("option_ignored", "options.layout applies to blueprints only");
  const { tasks, derived } = journeyTasks(context, service);
  if (derived > 0) {
    context.warn("no_feedback", `${derived} of ${tasks.length} tasks of '${service.id}' have no A-11 feedback of their own and were scored from their effort`);
  }
  const prefix = "Customer journey: ";
  const subject = `${service.name} (${agencyName(context, service.agency)})`;
  if (tasks.length === 0) {
    tasks.push({ section: "No customer steps", name: "No customer steps match the filters", figures: "", score: options.defaultScore, actors: ["Customer"] });
  }
  const budget: Budget = { maxEdges: options.maxEdges, maxTextSize: options.maxTextSize };
  const write = (windows: readonly [number, number][]): MermaidDiagram[] =>
    windows.map(([s, e], part) => {
      const suffix = windows.length > 1 ? `, part ${part + 1} of ${windows.length}` : "";
      const title = `${prefix}${subject}${suffix}`;
      const drawn = drawnTitle(prefix, cleanText(subject, false), suffix, tasks.slice(s, e));
      const id = windows.length > 1 ? `journey-${service.id}-part-${part + 1}` : `journey-${service.id}`;
      return { id, title, text: journeyText(title, drawn, tasks.slice(s, e), options.maxLabelLength), edges: 0 };
    });
  const settled = settleWindows(widthWindows(tasks, MAX_TASKS_PER_PART), write, budget);
  if (settled === null) throw budgetTooSmall(budget, "journey task");
  if (settled.diagrams.length > 1) {
    context.warn(
      "split",
      `the journey of '${service.id}' was split into ${settled.diagrams.length} parts of at most ${MAX_TASKS_PER_PART} tasks and ${MAX_ACTORS_PER_PART} actors (to be read at 100%, one colour per actor) within maxTextSize ${budget.maxTextSize}`,
    );
  }
  return settled.diagrams;
}
