/** Small arithmetic shared by detectors (no detector logic here). */

/** Sum of a record's values. */
export function total(counts: Record<string, number>): number {
  let s = 0;
  for (const v of Object.values(counts)) s += v;
  return s;
}

/** x clipped to [0, 1]. */
export function unit(x: number): number {
  return x <= 0 || Number.isNaN(x) ? 0 : Math.min(x, 1);
}

/** Ratio, 0 when the denominator is 0. */
export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}

/** A share as a percentage string with no decimals: 0.4321 -> '43%'. */
export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** Rounds to 3 decimals (facts stay readable). */
export function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Cosine similarity of two equal-length vectors (0 when either is zero). */
export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
