/** Counting and ordering that every section of the A-11 importer shares; orders are code-unit, never locale. */

import { byText } from "../../internal/words.js";

export { byText };

/** Numeric ids ("9" before "10") first by number, then text. */
export function byCsvId(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return byText(a, b);
}

/** The most frequent value (ties: the smallest in code-unit order); `undefined` for none. */
export function mostFrequent(counts: ReadonlyMap<string, number>, order: (a: string, b: string) => number = byText): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && order(value, best) < 0)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** Counts one more `key`. */
export function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The value under `key`, made and stored first when there is none. */
export function info<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
