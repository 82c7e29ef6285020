/**
 * Flows between steps, built so the validator accepts them: one forward target is a `sequence`; several are
 * `branch`es whose shares add up to exactly 1 in whole hundredths (or finer when there are more than 100
 * branches); rework flows go back to an earlier step and never repeat a target.
 */
import type { Flow } from "../../model/schema.js";

/**
 * Splits 1 into `n` shares, each at least one unit, in proportion to the weights (cycled; each at least 1), by
 * largest remainder so the units add up exactly.
 */
export function splitShares(n: number, weights: readonly number[]): number[] {
  const units = Math.max(100, n);
  const w: number[] = [];
  let total = 0;
  for (let k = 0; k < n; k++) {
    const weight = Math.max(1, weights.length === 0 ? 1 : weights[k % weights.length]!);
    w.push(weight);
    total += weight;
  }
  const spare = units - n;
  const given: number[] = [];
  const remainders: { k: number; r: number }[] = [];
  let used = 0;
  for (let k = 0; k < n; k++) {
    const exact = (spare * w[k]!) / total;
    const whole = Math.floor(exact);
    given.push(1 + whole);
    used += 1 + whole;
    remainders.push({ k, r: exact - whole });
  }
  remainders.sort((a, b) => b.r - a.r || a.k - b.k);
  for (let i = 0; used < units; i++, used++) given[remainders[i % n]!.k]! += 1;
  return given.map((g) => g / units);
}

/** Forward flows to distinct targets: a sequence for one, branches with shares for several. */
export function forwardFlows(targets: readonly string[], weights: readonly number[]): Flow[] {
  if (targets.length === 0) return [];
  if (targets.length === 1) return [{ to: targets[0]!, kind: "sequence" }];
  const shares = splitShares(targets.length, weights);
  return targets.map((to, k) => ({ to, kind: "branch", share: shares[k]! }));
}
