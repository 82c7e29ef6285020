/**
 * The time model: customer minutes (effort, hold, travel), waiting days, and elapsed days to the outcome.
 *
 * @internal
 */
import type { TimeTotals } from "./types.js";

/** Minutes in a day: elapsed days = waiting days + minutes / 1440. @internal */
export const MINUTES_PER_DAY = 1440;

/** A frozen {@link TimeTotals} from minutes and waiting days. @internal */
export function timeTotals(minutes: number, waitDays: number): TimeTotals {
  return Object.freeze({ minutes, waitDays, days: waitDays + minutes / MINUTES_PER_DAY });
}

/** Rounds for a sentence: whole numbers plainly, others to one decimal. @internal */
export function formatAmount(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** A path count for a sentence: plain up to a million, then in powers of ten ("about 1.6e+60"). @internal */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return "more than 1e+308";
  if (count <= 1_000_000) return String(count);
  return `about ${count.toExponential(1)}`;
}
