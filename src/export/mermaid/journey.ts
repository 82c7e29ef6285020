/**
 * The journey view: a Mermaid `journey` of what the customer does and waits for in one service, in flow order,
 * grouped into sections by channel, each task scored from the service's A-11 feedback.
 *
 * Scores. A task takes the feedback collections that name its step (`transactionPoint` or `stage` equal to the
 * step's id or name), else those on its channel, else all of the service's; of those, the latest quarter. Each
 * v1 question gives its mean (as given, or computed from its counts) mapped from its own scale to 1..5
 * (`1 + (mean - 1) * 4 / (scale - 1)`); a v2 collection gives its trust question's positive share mapped to 1..5
 * (`1 + 4 * positive / (positive + negative)`). The score is the mean of those values, to one decimal. A task with
 * no feedback gets `defaultScore` (3, neutral), and a warning says how many did.
 *
 * Sludge findings cannot be coloured in a journey (it has no classes), so a task with findings gets one actor per
 * rule, "Sludge, <severity>: <rule id>", which the journey's legend lists.
 */
import type { FeedbackCollection, Service, Step } from "../../model/schema.js";
import { budgetTooSmall, fitAll, type Budget } from "./budget.js";
import { agencyName, requireService, type ViewContext } from "./context.js";
import { cleanText, escapeJourneyText, escapeText } from "./escape.js";
import { shownFlows, stepIndexes, stepShown } from "./filters.js";
import { formatDays, formatScore } from "./format.js";
import { channelText, visibleName } from "./labels.js";
import { placeMoments } from "./moments.js";
import { stepKey, type FindingSummary } from "./overlay.js";
import type { MermaidDiagram } from "./types.js";

interface Task {
  readonly section: string;
  readonly name: string;
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

/**
 * The A-11 score of a step on the journey's 1..5 scale, or `undefined` when the service has no usable feedback.
 *
 * @param service - the service
 * @param step - the step
 * @returns the score to one decimal, or `undefined`
 */
export function feedbackScore(service: Service, step: Step): number | undefined {
  const same = (value: string | undefined): boolean => {
    if (value === undefined) return false;
    const v = value.trim().toLowerCase();
    return v === step.id.toLowerCase() || v === step.name.trim().toLowerCase();
  };
  const tiers = [
    service.feedback.filter((c) => same(c.transactionPoint) || same(c.stage)),
    step.channel === undefined ? [] : service.feedback.filter((c) => c.channel === step.channel),
    service.feedback,
  ];
  for (const tier of tiers) {
    const usable = tier.filter((c) => collectionValues(c).length > 0);
    if (usable.length === 0) continue;
    const latest = Math.max(...usable.map((c) => c.fiscalYear * 4 + c.quarter));
    const values = usable.filter((c) => c.fiscalYear * 4 + c.quarter === latest).flatMap(collectionValues);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return Math.round(mean * 10) / 10;
  }
  return undefined;
}

/**
 * Actors that name a task's findings (`Sludge, error: in-person-only`): the journey's legend lists actors, so
 * this is where a journey can say which rules fire where without crowding the task boxes.
 */
function sludgeActors(summary: FindingSummary | undefined): string[] {
  if (summary === undefined) return [];
  const shown = summary.rules.slice(0, 3).map((rule) => `Sludge, ${summary.severity}: ${rule}`);
  if (summary.rules.length > 3) shown.push(`Sludge, ${summary.severity}: ${summary.rules.length - 3} more`);
  return shown;
}

/** The tasks of a service's journey, in flow order. */
function journeyTasks(context: ViewContext, service: Service): { tasks: Task[]; unscored: number } {
  const { index, options } = context;
  const mask = service.steps.map((step) => stepShown({ ...options, lanes: null }, index, service, step));
  const shown = shownFlows(service, mask);
  const local = new Map<number, number>();
  shown.steps.forEach((s, l) => local.set(s, l));
  const ids = stepIndexes(service);
  const placement = placeMoments({
    count: shown.steps.length,
    edges: shown.flows.map((f) => ({ from: local.get(f.from)!, to: local.get(f.to)!, rework: f.flow?.kind === "rework" })),
    attachedTo: shown.steps.map((s) => {
      const anchor = service.steps[s]!.attachedTo;
      const a = anchor === undefined ? undefined : ids.get(anchor);
      return a === undefined ? -1 : (local.get(a) ?? -1);
    }),
    entries: shown.steps.flatMap((s, l) => (service.steps[s]!.entry === true ? [l] : [])),
  });
  const order = shown.steps.map((_, l) => l).sort((a, b) => placement.rank[a]! - placement.rank[b]! || shown.steps[a]! - shown.steps[b]!);
  // The roles the customer meets at a moment: frontstage steps attached to a customer step.
  const metBy = new Map<number, Set<string>>();
  for (const stepIndex of shown.steps) {
    const step = service.steps[stepIndex]!;
    if (step.lane !== "frontstage" || step.role === undefined || step.attachedTo === undefined) continue;
    const anchor = ids.get(step.attachedTo);
    if (anchor === undefined) continue;
    const set = metBy.get(anchor) ?? new Set<string>();
    set.add(index.roles.get(step.role)?.name ?? step.role);
    metBy.set(anchor, set);
  }
  const tasks: Task[] = [];
  let unscored = 0;
  const scoreOf = (step: Step): number => {
    const score = feedbackScore(service, step);
    if (score === undefined) {
      unscored++;
      return options.defaultScore;
    }
    return score;
  };
  for (const l of order) {
    const stepIndex = shown.steps[l]!;
    const step = service.steps[stepIndex]!;
    const findings = options.overlay.steps.get(stepKey(service.id, step.id));
    const sludge = sludgeActors(findings);
    if (step.lane === "customer") {
      const actors = ["Customer", ...[...(metBy.get(stepIndex) ?? [])].sort(), ...sludge];
      tasks.push({
        section: channelText(index, step) ?? "No channel recorded",
        name: visibleName(step.name, `step ${step.id}`),
        score: scoreOf(step),
        actors,
      });
    }
    if (step.waitDays > 0) {
      const who = step.lane === "customer" ? "" : `: ${visibleName(step.name, `step ${step.id}`)}`;
      tasks.push({
        section: `Waiting for ${agencyName(context, service.agency)}`,
        name: `Wait ${formatDays(step.waitDays)}${who}`,
        score: scoreOf(step),
        actors: ["Customer", ...(step.lane === "customer" ? [] : sludge)],
      });
    }
  }
  return { tasks, unscored };
}

function journeyText(title: string, tasks: readonly Task[], maxLabelLength: number): string {
  const one = (text: string): string => escapeJourneyText(cleanText(text, false, maxLabelLength) || "(unnamed)");
  const out = ["journey", `  title ${escapeText(cleanText(title, false), "journey")}`, `  accTitle: ${escapeText(cleanText(title, false), "line")}`];
  let section: string | undefined;
  for (const task of tasks) {
    if (task.section !== section) {
      section = task.section;
      out.push(`  section ${one(section)}`);
    }
    out.push(`    ${one(task.name)}: ${formatScore(task.score)}: ${task.actors.map(one).join(", ")}`);
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
  if (options.lanes !== null) context.warn("option_ignored", "options.lanes does not apply to a journey: it always shows the customer lane and waits");
  if (options.layout !== "flowchart") context.warn("option_ignored", "options.layout applies to blueprints only");
  const { tasks, unscored } = journeyTasks(context, service);
  if (unscored > 0) {
    context.warn("no_feedback", `${unscored} of ${tasks.length} tasks of '${service.id}' have no A-11 feedback and were scored ${options.defaultScore}`);
  }
  const base = `Customer journey: ${service.name} (${agencyName(context, service.agency)})`;
  if (tasks.length === 0) {
    tasks.push({ section: "No customer steps", name: "No customer steps match the filters", score: options.defaultScore, actors: ["Customer"] });
  }
  const budget: Budget = { maxEdges: options.maxEdges, maxTextSize: options.maxTextSize };
  const write = (windows: readonly [number, number][]): MermaidDiagram[] =>
    windows.map(([s, e], part) => {
      const title = windows.length > 1 ? `${base}, part ${part + 1} of ${windows.length}` : base;
      const id = windows.length > 1 ? `journey-${service.id}-part-${part + 1}` : `journey-${service.id}`;
      return { id, title, text: journeyText(title, tasks.slice(s, e), options.maxLabelLength), edges: 0 };
    });
  const costs = tasks.map((t) => ({ text: 40 + t.name.length * 2 + t.actors.join(", ").length * 2 + t.section.length, edges: 0 }));
  const settled = fitAll(costs, { text: 400, edges: 0 }, budget, (i) => tasks[i]!.section !== tasks[i - 1]!.section, write);
  if (settled === null) throw budgetTooSmall(budget, "journey task");
  if (settled.diagrams.length > 1) context.warn("split", `the journey of '${service.id}' was split into ${settled.diagrams.length} parts to fit maxTextSize ${budget.maxTextSize}`);
  return settled.diagrams;
}
