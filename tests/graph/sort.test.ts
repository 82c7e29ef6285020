/** `sortSmall` sorts exactly as `Array.prototype.sort` does with the same comparator, stably, at every length. */
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { sortSmall } from "../../src/graph/sort.js";

test.prop([fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), tag: fc.nat() }), { maxLength: 40 })], { numRuns: 500 })(
  "matches the built-in sort, ties kept in order",
  (items) => {
    const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
    expect(sortSmall([...items], compare)).toEqual([...items].sort(compare));
  },
);
