import { describe, expect, it } from "vitest";
import { test, fc } from "@fast-check/vitest";
import { placeMoments, type MomentEdge } from "../../src/export/mermaid/moments.js";
import { MAX_LINK_LENGTH, pinBand } from "../../src/export/mermaid/bands.js";

const chain = (n: number): MomentEdge[] => Array.from({ length: n - 1 }, (_, i) => ({ from: i, to: i + 1, rework: false }));

describe("placeMoments", () => {
  it("puts a step attached to another in the same column, and a flow into a new column", () => {
    // 0 -> 1 -> 2; 3 attached to 1 (no flows); 4 attached to 1 with a flow 1 -> 4 (one rank further right).
    const placed = placeMoments({
      count: 5,
      edges: [...chain(3), { from: 1, to: 4, rework: false }],
      attachedTo: [-1, -1, -1, 1, 1],
      entries: [0],
    });
    expect([...placed.column]).toEqual([0, 1, 2, 1, 1]);
    expect(placed.rank[3]).toBe(placed.rank[1]);
    expect(placed.rank[4]).toBe(placed.rank[1]! + 1);
    expect(placed.rank[2]).toBeGreaterThan(placed.rank[4]!);
  });

  it("lets rework point back without shaping the columns", () => {
    const placed = placeMoments({ count: 3, edges: [...chain(3), { from: 2, to: 0, rework: true }], attachedTo: [-1, -1, -1], entries: [0] });
    expect([...placed.rank]).toEqual([0, 1, 2]);
    expect([...placed.back]).toEqual([0, 0, 1]);
  });

  it("breaks a cycle of ordinary flows at the flow that closes it", () => {
    const placed = placeMoments({ count: 3, edges: [...chain(3), { from: 2, to: 1, rework: false }], attachedTo: [-1, -1, -1], entries: [0] });
    expect([...placed.rank]).toEqual([0, 1, 2]);
    expect(placed.back[2]).toBe(1);
  });

  it("moves a source that is not an entry next to the step it feeds", () => {
    // 0 -> 1 -> 2 -> 3, and a support step 4 that feeds 3.
    const placed = placeMoments({ count: 5, edges: [...chain(4), { from: 4, to: 3, rework: false }], attachedTo: [-1, -1, -1, -1, -1], entries: [0] });
    expect(placed.column[4]).toBe(2);
  });

  it("places a step without flows in the column of the step listed before it", () => {
    const placed = placeMoments({ count: 4, edges: [{ from: 0, to: 1, rework: false }, { from: 1, to: 3, rework: false }], attachedTo: [-1, -1, -1, -1], entries: [0] });
    expect(placed.column[2]).toBe(placed.column[1]);
  });

  it("survives attachment cycles", () => {
    const placed = placeMoments({ count: 2, edges: [], attachedTo: [1, 0], entries: [0] });
    expect(placed.column[0]).toBe(placed.column[1]);
  });

  it("handles a 200,000-step chain without deep recursion", () => {
    const n = 200_000;
    const placed = placeMoments({ count: n, edges: chain(n), attachedTo: new Array<number>(n).fill(-1), entries: [0] });
    expect(placed.rank[n - 1]).toBe(n - 1);
  });

  const graphArb = fc.integer({ min: 1, max: 40 }).chain((count) =>
    fc.record({
      count: fc.constant(count),
      edges: fc.array(fc.record({ from: fc.nat({ max: count - 1 }), to: fc.nat({ max: count - 1 }), rework: fc.boolean() }), { maxLength: 80 }),
      attachedTo: fc.array(fc.integer({ min: -1, max: count - 1 }), { minLength: count, maxLength: count }),
    }),
  );

  test.prop([graphArb], { numRuns: 300 })("every flow not marked back points forward, and back ones do not", (g) => {
    const placed = placeMoments({ ...g, entries: [0] });
    g.edges.forEach((e, i) => {
      if (e.from === e.to) return;
      if (placed.back[i] === 0) expect(placed.rank[e.to]!).toBeGreaterThan(placed.rank[e.from]!);
      else expect(placed.rank[e.to]!).toBeLessThanOrEqual(placed.rank[e.from]!);
    });
    // Ranks of one column stay inside it.
    for (let i = 0; i < g.count; i++) {
      expect(placed.rank[i]!).toBeGreaterThanOrEqual(placed.columnStart[placed.column[i]!]!);
      expect(placed.rank[i]!).toBeLessThan(placed.columnStart[placed.column[i]! + 1]!);
    }
  });

  test.prop([graphArb], { numRuns: 100 })("is deterministic", (g) => {
    const a = placeMoments({ ...g, entries: [0] });
    const b = placeMoments({ ...g, entries: [0] });
    expect([...a.rank]).toEqual([...b.rank]);
    expect([...a.back]).toEqual([...b.back]);
  });
});

describe("pinBand", () => {
  let n = 0;
  const helper = (): string => `p${n++}`;

  it("chains the members from start to end with links of at most 10 ranks", () => {
    const band = pinBand(
      [
        { id: "head", rank: 1 },
        { id: "a", rank: 4 },
        { id: "b", rank: 4 },
        { id: "c", rank: 37 },
        { id: "tail", rank: 40 },
      ],
      { start: "S", end: "E", endRank: 41, helper },
    );
    const rank = new Map([["S", 0], ["head", 1], ["a", 4], ["b", 4], ["c", 37], ["tail", 40], ["E", 41]]);
    // Helpers get their ranks from the chain: walk the links in order.
    for (const e of band.edges) if (!rank.has(e.to) && rank.has(e.from)) rank.set(e.to, rank.get(e.from)! + e.length);
    for (const e of band.edges) {
      expect(e.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
      expect(e.length).toBeGreaterThanOrEqual(1);
      expect(rank.get(e.to)! - rank.get(e.from)!).toBe(e.length);
    }
    expect(band.helpers.length).toBe(3); // 4 -> 37 needs four links of at most 10
    // 'b' shares rank 4 with 'a' and hangs between a's neighbours.
    expect(band.edges.filter((e) => e.from === "b" || e.to === "b")).toHaveLength(2);
  });

  it("draws a line as visible links between its two ends only", () => {
    const band = pinBand(
      [
        { id: "label", rank: 1 },
        { id: "tail", rank: 25 },
      ],
      { start: "S", end: "E", endRank: 26, helper, line: { from: "label", to: "tail", style: "stroke:#000" } },
    );
    expect(band.edges.filter((e) => e.stroke === "normal").length).toBe(3);
    expect(band.edges[0]!.stroke).toBe("invisible");
    expect(band.edges[band.edges.length - 1]!.stroke).toBe("invisible");
  });
});
