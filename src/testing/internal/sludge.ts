/**
 * Planting sludge: each place able to hold a pattern carries a roll from 0 to 999, and the pattern is planted when
 * the roll reaches `1000 - 1000 × probability`. Rolls shrink towards 0, so shrinking removes sludge first.
 */
import * as fc from "fast-check";
import { SLUDGE_PATTERNS, type SludgeConstraints, type SludgeLevel, type SludgePattern } from "../constraints.js";

const ROLL_RANGE = 1000;

/** Probabilities of every pattern, resolved from a level or a partial bag. */
export type SludgeOdds = Readonly<Record<SludgePattern, number>>;

const LEVEL_PROBABILITY: Readonly<Record<SludgeLevel, number>> = { none: 0, some: 0.1, heavy: 0.5 };

/** Resolves the `sludge` constraint (default `some`), checking every probability. */
export function resolveSludge(sludge: SludgeLevel | SludgeConstraints | undefined, where: string): SludgeOdds {
  const odds = {} as Record<SludgePattern, number>;
  if (sludge === undefined || typeof sludge === "string") {
    const level = sludge ?? "some";
    const p = LEVEL_PROBABILITY[level];
    if (p === undefined) throw new Error(`${where}: sludge must be "none", "some", "heavy" or a bag of probabilities, got ${JSON.stringify(level)}`);
    for (const pattern of SLUDGE_PATTERNS) odds[pattern] = p;
    return odds;
  }
  for (const key of Object.keys(sludge)) {
    if (!(SLUDGE_PATTERNS as readonly string[]).includes(key)) {
      throw new Error(`${where}: unknown sludge pattern '${key}'; known patterns: ${SLUDGE_PATTERNS.join(", ")}`);
    }
  }
  for (const pattern of SLUDGE_PATTERNS) {
    const p = sludge[pattern] ?? 0;
    if (!(p >= 0 && p <= 1)) throw new Error(`${where}: sludge.${pattern} must be a probability from 0 to 1, got ${String(p)}`);
    odds[pattern] = p;
  }
  return odds;
}

/** One roll: uniform (unbiased) so the planting rate matches the probability. */
export function rollArbitrary(): fc.Arbitrary<number> {
  return fc.noBias(fc.integer({ min: 0, max: ROLL_RANGE - 1 }));
}

/** Rolls for the given patterns, as a record. */
export function rollsArbitrary<P extends SludgePattern>(patterns: readonly P[]): fc.Arbitrary<Record<P, number>> {
  const model: Record<string, fc.Arbitrary<number>> = {};
  for (const pattern of patterns) model[pattern] = rollArbitrary();
  return fc.record(model) as fc.Arbitrary<Record<P, number>>;
}

/** Whether a roll plants a pattern of the given probability. */
export function planted(odds: SludgeOdds, pattern: SludgePattern, roll: number): boolean {
  const p = odds[pattern];
  if (p <= 0) return false;
  return roll >= ROLL_RANGE - Math.round(p * ROLL_RANGE);
}
