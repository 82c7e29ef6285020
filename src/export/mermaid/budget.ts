/**
 * Size budgets. Mermaid refuses a flowchart with more edges than its `maxEdges` (500 by default) and silently
 * replaces a text longer than its `maxTextSize` (50,000 by default) with an error picture. Views measure what they
 * write against the caller's budgets and, when it does not fit, split into windows (consecutive runs of units:
 * steps, services) planned from cost estimates and then checked on the written text.
 */
import { MermaidExportError } from "./types.js";

/** What one diagram may hold. */
export interface Budget {
  readonly maxEdges: number;
  readonly maxTextSize: number;
  /**
   * The widest a diagram may be, in columns (a view's own unit of width: a blueprint's ranks). Unlike text and
   * edges, widths are counted exactly, so they are planned to the full budget. No limit when left out.
   */
  readonly maxWidth?: number;
}

/** The estimated cost of a unit (or of the fixed part of a diagram). */
export interface Cost {
  readonly text: number;
  readonly edges: number;
  /**
   * The columns this unit opens: 1 when it starts a new column (the first unit of a window always counts 1), 0 when
   * it shares the column of the unit before it.
   */
  readonly width?: number;
}

/** A written diagram with its measured size. */
export interface Measured {
  readonly text: string;
  readonly edges: number;
  /** Its width in columns, for budgets with a `maxWidth`. */
  readonly width?: number;
}

/** Whether a written diagram fits the budget. */
export function fits(diagram: Measured, budget: Budget): boolean {
  return (
    diagram.edges <= budget.maxEdges &&
    diagram.text.length <= budget.maxTextSize &&
    (diagram.width ?? 0) <= (budget.maxWidth ?? Number.POSITIVE_INFINITY)
  );
}

/** Whether a part may start at unit `i` (a split never separates what belongs together). */
type BreakBefore = (i: number) => boolean;

/** Writes one diagram per window of units. */
type WriteWindows<T> = (windows: readonly [number, number][]) => T[];

/** The diagrams written and their windows, or `null` when one unit alone does not fit. */
type Fitted<T> = { windows: [number, number][]; diagrams: T[] } | null;

/**
 * Plans windows over units `0..costs.length-1` from estimates: greedy, closing a window at the last preferred
 * break (`breakBefore(i)` true) when the next unit would not fit, or just before that unit when there is none.
 * Estimates are held to 90% of the budget so that the check on the written text rarely fails.
 *
 * @returns half-open ranges `[start, end)`, covering every unit once, in order
 */
export function planWindows(
  costs: readonly Cost[],
  fixed: Cost,
  budget: Budget,
  breakBefore: BreakBefore,
  fill = 0.9,
): [number, number][] {
  const maxText = budget.maxTextSize * fill - fixed.text;
  const maxEdges = budget.maxEdges * fill - fixed.edges;
  const maxWidth = budget.maxWidth ?? Number.POSITIVE_INFINITY;
  const windows: [number, number][] = [];
  let start = 0;
  let text = 0;
  let edges = 0;
  let width = 0;
  let lastBreak = -1;
  let textAtBreak = 0;
  let edgesAtBreak = 0;
  let widthAtBreak = 0;
  for (let i = 0; i < costs.length; i++) {
    const cost = costs[i]!;
    // The first unit of a window opens its first column, whatever it shares with the unit before.
    const opens = i === start ? 1 : (cost.width ?? 0);
    if (i > start && breakBefore(i)) {
      lastBreak = i;
      textAtBreak = text;
      edgesAtBreak = edges;
      widthAtBreak = width;
    }
    if (i > start && (text + cost.text > maxText || edges + cost.edges > maxEdges || width + opens > maxWidth)) {
      const cut = lastBreak > start ? lastBreak : i;
      windows.push([start, cut]);
      if (cut < i) {
        // The units from the break on open the new window.
        text -= textAtBreak;
        edges -= edgesAtBreak;
        width -= widthAtBreak;
        if ((costs[cut]!.width ?? 0) === 0) width += 1;
      } else {
        text = 0;
        edges = 0;
        width = 0;
      }
      start = cut;
      lastBreak = -1;
      text += cost.text;
      edges += cost.edges;
      width += i === start ? 1 : (cost.width ?? 0);
      continue;
    }
    text += cost.text;
    edges += cost.edges;
    width += opens;
  }
  if (costs.length > 0) windows.push([start, costs.length]);
  return windows;
}

/**
 * Writes windows and splits any that do not fit in two, until all fit. A single unit that does not fit is
 * reported by returning `null` (the caller may retry with less detail).
 *
 * @param windows - the planned windows
 * @param write - writes all windows (their count matters: parts are numbered)
 * @param budget - the budget
 * @returns the written diagrams and their windows, or `null` if one unit alone does not fit
 */
export function settleWindows<T extends Measured>(
  windows: [number, number][],
  write: WriteWindows<T>,
  budget: Budget,
): Fitted<T> {
  let current = windows;
  for (;;) {
    const diagrams = write(current);
    const next: [number, number][] = [];
    let split = false;
    for (let i = 0; i < current.length; i++) {
      const [start, end] = current[i]!;
      if (fits(diagrams[i]!, budget)) {
        next.push([start, end]);
        continue;
      }
      if (end - start <= 1) return null;
      const middle = start + Math.floor((end - start) / 2);
      next.push([start, middle], [middle, end]);
      split = true;
    }
    if (!split) return { windows: current, diagrams };
    current = next;
  }
}

/** The error for budgets too small for a single unit. */
export function budgetTooSmall(budget: Budget, what: string): MermaidExportError {
  return new MermaidExportError(
    "budget_too_small",
    "options",
    `a single ${what} does not fit in maxEdges ${budget.maxEdges} / maxTextSize ${budget.maxTextSize}`,
    "raise options.maxTextSize or options.maxEdges, or lower options.maxLabelLength",
  );
}

/**
 * Splits units into windows that fit: plans from the estimates, writes the plan, scales the estimates by what the
 * written parts really cost (estimates are rough, and guessing high makes needlessly many parts), plans again and
 * settles (see {@link settleWindows}).
 *
 * @returns the written diagrams and their windows, or `null` if one unit alone does not fit
 */
export function fitWindows<T extends Measured>(costs: readonly Cost[], fixed: Cost, budget: Budget, breakBefore: BreakBefore, write: WriteWindows<T>): Fitted<T> {
  const first = planWindows(costs, fixed, budget, breakBefore);
  if (first.length > 1) {
    const written = write(first);
    let estimatedText = 0;
    let estimatedEdges = 0;
    let text = 0;
    let edges = 0;
    first.forEach(([start, end], i) => {
      for (let u = start; u < end; u++) {
        estimatedText += costs[u]!.text;
        estimatedEdges += costs[u]!.edges;
      }
      text += written[i]!.text.length - fixed.text;
      edges += written[i]!.edges - fixed.edges;
    });
    const textRatio = estimatedText > 0 ? Math.max(0.05, text / estimatedText) : 1;
    const edgeRatio = estimatedEdges > 0 ? Math.max(0.05, edges / estimatedEdges) : 1;
    const scaled = costs.map((c) => ({ ...c, text: c.text * textRatio, edges: c.edges * edgeRatio }));
    return settleWindows(planWindows(scaled, fixed, budget, breakBefore, 0.95), write, budget);
  }
  return settleWindows(first, write, budget);
}

/**
 * Fits units into as few diagrams as the budget allows: the whole when it plausibly fits and does, else
 * {@link fitWindows}. Writing the whole is skipped when the estimate is far over the budget (it would be wasted
 * work on a large catalog).
 *
 * @returns the written diagrams and their windows, or `null` if one unit alone does not fit
 */
export function fitAll<T extends Measured>(costs: readonly Cost[], fixed: Cost, budget: Budget, breakBefore: BreakBefore, write: WriteWindows<T>): Fitted<T> {
  const whole: [number, number][] = [[0, costs.length]];
  let text = fixed.text;
  let edges = fixed.edges;
  let width = 0;
  costs.forEach((c, i) => {
    text += c.text;
    edges += c.edges;
    width += i === 0 ? 1 : (c.width ?? 0);
  });
  const maxWidth = budget.maxWidth ?? Number.POSITIVE_INFINITY;
  if (costs.length <= 1 || (text <= budget.maxTextSize * 3 && edges <= budget.maxEdges * 3 && width <= maxWidth)) {
    const diagrams = write(whole);
    if (diagrams.every((d) => fits(d, budget))) return { windows: whole, diagrams };
    if (costs.length <= 1) return null;
  }
  return fitWindows(costs, fixed, budget, breakBefore, write);
}
