import { describe, expect, it } from "vitest";
import { invariant, known } from "../../src/internal/invariant.js";

describe("invariant and known", () => {
  it("pass what holds and return the value for a key that is there, even an undefined one", () => {
    expect(() => invariant(1 + 1 === 2, "arithmetic")).not.toThrow();
    expect(known(new Map([["a", 1]]), "a")).toBe(1);
    expect(known(new Map([["a", undefined]]), "a")).toBeUndefined();
  });

  it("say it is a bug in the library, naming what was expected", () => {
    expect(() => invariant(false, "a step of its own service")).toThrow(
      "service-blueprint: internal invariant failed: a step of its own service (a bug: please report it with the input)",
    );
    expect(() => known(new Map([["a", 1]]), "b")).toThrow(/internal invariant failed: no entry for 'b' in a map built from the same data/);
    expect(() => known(new Map([[1, "x"]]), 2)).toThrow(/no entry for 2 /);
  });
});
