/**
 * Invariants: what the library's own code guarantees, checked where a lookup could miss if that code were wrong.
 * A failure is a bug in the library, never bad input (bad input gets a typed error with its path), so it throws a
 * plain `Error` that says so, instead of a non-null assertion that would let `undefined` run on and fail later,
 * far from the cause.
 */

/**
 * Throws when `condition` is false.
 *
 * @param condition - what the code guarantees
 * @param what - what was expected, for the message
 * @throws Error naming the broken invariant
 */
export function invariant(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(`service-blueprint: internal invariant failed: ${what} (a bug: please report it with the input)`);
}

/**
 * A map's value for a key the code put there: `map.get(key)`, and an invariant failure where it is missing.
 *
 * @param map - the map, built from the same data as the key
 * @param key - the key
 * @returns the value
 * @throws Error when the key is missing
 */
export function known<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined && !map.has(key)) invariant(false, `no entry for ${typeof key === "string" ? `'${key}'` : typeof key === "number" ? key : "a key"} in a map built from the same data`);
  return value as V;
}
