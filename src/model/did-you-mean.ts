/**
 * "Did you mean ...?" suggestions for near-miss ids and keys.
 */

const MAX_CANDIDATES = 20_000;

/** Edit distance (Levenshtein) with an early exit once it exceeds `limit`; iterative, two rows. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `input`, if it is close enough to be a likely typo (case-insensitive; at most a third
 * of the length in edits, and at least 2).
 *
 * @param input - what the user wrote
 * @param candidates - the valid values
 * @returns the suggestion, or `undefined` (`suggest("ssa-onlin", ["ssa-online", "ssa-phone"])` is `"ssa-online"`)
 * @internal
 */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let seen = 0;
  for (const candidate of candidates) {
    if (++seen > MAX_CANDIDATES) break;
    const d = distance(needle, candidate.toLowerCase(), Math.min(limit, bestDistance));
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/**
 * A hint for an unknown value: "did you mean 'x'?" when a candidate is close, otherwise the list of known values
 * (shortened), or advice when there are none.
 *
 * @internal
 */
export function hintFor(input: string, candidates: readonly string[], what: string): string {
  const close = suggest(input, candidates);
  if (close !== undefined) return `did you mean '${close}'?`;
  if (candidates.length === 0) return `define it first: the catalog has no ${what} yet`;
  const shown = candidates.slice(0, 8).map((c) => `'${c}'`);
  return `known ${what}: ${shown.join(", ")}${candidates.length > shown.length ? ", ..." : ""}`;
}
