/**
 * The three checks every arbitrary of the kit gets, in the style of fast-check's own suite: generated values are
 * valid; the same seed gives the same values; every value shrinking tries is valid too.
 */
import * as fc from "fast-check";
import { expect } from "vitest";

/** Seeds used across the kit's tests, so failures reproduce. */
export const SEEDS = [1, 42, 20_240_101] as const;

/**
 * Asserts `check` (which throws on an invalid value) for `numRuns` values of each seed.
 */
export function expectValid<T>(arb: fc.Arbitrary<T>, check: (value: T) => void, numRuns = 25): void {
  for (const seed of SEEDS) {
    fc.assert(
      fc.property(arb, (value) => {
        check(value);
      }),
      { seed, numRuns },
    );
  }
}

/** Asserts that a seed fixes the values, and that different seeds give different values. */
export function expectReproducible<T>(arb: fc.Arbitrary<T>, numRuns = 20): void {
  const first = fc.sample(arb, { seed: 42, numRuns });
  const again = fc.sample(arb, { seed: 42, numRuns });
  expect(again).toEqual(first);
  const other = fc.sample(arb, { seed: 43, numRuns });
  expect(other).not.toEqual(first);
}

/**
 * Makes fast-check shrink: runs a property that fails for most values, records every value the property saw
 * (generated ones and every shrink candidate), and asserts `check` on each of them, and on the final
 * counterexample. Returns the counterexample.
 */
export function expectShrinksValid<T>(
  arb: fc.Arbitrary<T>,
  check: (value: T) => void,
  fails: (value: T) => boolean,
  seed = 42,
): T {
  const seen: T[] = [];
  const details = fc.check(
    fc.property(arb, (value) => {
      seen.push(value);
      return !fails(value);
    }),
    { seed, numRuns: 200 },
  );
  expect(details.failed).toBe(true);
  expect(details.numShrinks).toBeGreaterThan(0);
  for (const value of seen) check(value);
  const counterexample = details.counterexample![0];
  check(counterexample);
  return counterexample;
}
