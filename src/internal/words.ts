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
  // per call, which a lint writing 300,000 messages feels), on first use: making it costs 20 to 30 ms in a fresh
  // process (ICU's number data), a fifth of a bare Node start, which `validate` of a valid catalog never needs.
  if (Number.isInteger(count) && Math.abs(count) < 1000) return `${count} ${count === 1 ? noun : nouns}`;
  countFormat ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
  return `${countFormat.format(count)} ${count === 1 ? noun : nouns}`;
}

let countFormat: Intl.NumberFormat | undefined;

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
