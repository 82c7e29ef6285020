/**
 * Number formatting for labels. Written by hand rather than with `Intl` so that the output is the same on every
 * machine and locale (the exporter promises byte-identical text).
 */

function trimNumber(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  return fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
}

function thousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `45 min`, `1 h 30 min`, `2 h`; fractions of a minute keep one decimal. */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${trimNumber(minutes, minutes < 10 ? 1 : 0)} min`;
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${thousands(String(hours))} h` : `${thousands(String(hours))} h ${rest} min`;
}

/** `1 day`, `30 days`, `0.5 days`. */
export function formatDays(days: number): string {
  const text = thousands(trimNumber(days, days < 10 ? 1 : 0));
  return `${text} ${text === "1" ? "day" : "days"}`;
}

/** `80%`, `12.5%`, `0.1%`. */
export function formatShare(share: number): string {
  return `${trimNumber(share * 100, 1)}%`;
}

/** `$20`, `$20.50`, `$1,200`. */
export function formatMoney(amount: number): string {
  const rounded = Math.round(amount * 100) / 100;
  const [integer = "0", cents] = rounded.toFixed(2).split(".");
  return cents === "00" ? `$${thousands(integer)}` : `$${thousands(integer)}.${cents}`;
}

/** A score with one decimal: `3.7`. */
export function formatScore(score: number): string {
  return trimNumber(score, 1);
}
