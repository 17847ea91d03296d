/**
 * HyperLogLog distinct counter over 32-bit hashes (Flajolet et al. 2007, with the linear-counting
 * correction for small cardinalities). Used by the fingerprint index for the tail of accounts
 * sharing a template or bucket once the exact heavy-hitter list is full.
 */

/** Creates empty HLL registers for 2^precision buckets. */
export function createHll(precision = 8): Uint8Array {
  return new Uint8Array(1 << precision);
}

/** Adds a 32-bit hash to the registers. */
export function hllAdd(registers: Uint8Array, hash: number): void {
  const p = 31 - Math.clz32(registers.length);
  const index = hash >>> (32 - p);
  const rest = (hash << p) | (1 << (p - 1));
  const rank = Math.clz32(rest) + 1;
  if (rank > registers[index]) registers[index] = rank;
}

/** Estimated number of distinct hashes added. */
export function hllCount(registers: Uint8Array): number {
  const m = registers.length;
  let sum = 0;
  let zeros = 0;
  for (let i = 0; i < m; i++) {
    sum += 2 ** -registers[i];
    if (registers[i] === 0) zeros++;
  }
  const alpha = m >= 128 ? 0.7213 / (1 + 1.079 / m) : m === 64 ? 0.709 : m === 32 ? 0.697 : 0.673;
  const estimate = (alpha * m * m) / sum;
  if (estimate <= 2.5 * m && zeros > 0) return Math.round(m * Math.log(m / zeros));
  return Math.round(estimate);
}
