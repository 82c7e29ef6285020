/**
 * Small helpers every layer uses for the words it writes and the switches it closes: one copy each.
 *
 * @internal
 */

/**
 * A count with its noun, `1 step`, `12 steps`, `1,200 customers`, `2.5 hours`: thousands separated, at most two
 * decimals.
 *
 * @internal
 */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  // Small whole numbers need no formatter; the one formatter is made once (toLocaleString with options builds one
  // per call, which a lint writing 300,000 messages feels).
  const text = Number.isInteger(count) && Math.abs(count) < 1000 ? String(count) : COUNT.format(count);
  return `${text} ${count === 1 ? noun : nouns}`;
}

const COUNT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/**
 * Closes a `switch` over a union: TypeScript rejects the call when a case is missing, and a value that is not in the
 * union (from JavaScript, or a catalog read without validation) throws instead of falling through.
 *
 * @param value - the value no case matched
 * @param what - what it is, for the message (`target kind`, `preset`)
 * @internal
 */
export function nonexhaustive(value: never, what = "value"): never {
  throw new Error(`unexpected ${what} ${JSON.stringify(value) ?? String(value)}`);
}

/**
 * Orders text by UTF-16 code units, the same on every machine and locale (`localeCompare` is neither): for sorts
 * whose output must be byte-identical everywhere.
 *
 * @internal
 */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
