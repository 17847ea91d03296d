/**
 * Small, fast 32-bit hashing written in plain JS (no WebAssembly, so the edge entry stays light).
 * Tokens are hashed with FNV-1a while they are scanned (no substring is allocated) and finished
 * with the murmur3 finaliser, which gives the well-mixed bits MinHash and LSH depend on.
 */

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** Murmur3's 32-bit finaliser: a bijective avalanche mix. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Combines a running hash with one more 32-bit value (order-sensitive). */
export function combine(h: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** FNV-1a over a string's UTF-16 code units, finalised with fmix32. */
export function hashString(text: string, seed = 0): number {
  let h = FNV_OFFSET ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return fmix32(h);
}

/** Eight lowercase hex digits of a 32-bit value. */
export function hex32(h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0');
}

const HEX_DIGITS = Uint8Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));

/** Sixteen lowercase hex digits of two 32-bit values (`hex32(hi) + hex32(lo)`), as one flat string. */
export function hex64(hi: number, lo: number): string {
  return String.fromCharCode(
    HEX_DIGITS[(hi >>> 28) & 15],
    HEX_DIGITS[(hi >>> 24) & 15],
    HEX_DIGITS[(hi >>> 20) & 15],
    HEX_DIGITS[(hi >>> 16) & 15],
    HEX_DIGITS[(hi >>> 12) & 15],
    HEX_DIGITS[(hi >>> 8) & 15],
    HEX_DIGITS[(hi >>> 4) & 15],
    HEX_DIGITS[hi & 15],
    HEX_DIGITS[(lo >>> 28) & 15],
    HEX_DIGITS[(lo >>> 24) & 15],
    HEX_DIGITS[(lo >>> 20) & 15],
    HEX_DIGITS[(lo >>> 16) & 15],
    HEX_DIGITS[(lo >>> 12) & 15],
    HEX_DIGITS[(lo >>> 8) & 15],
    HEX_DIGITS[(lo >>> 4) & 15],
    HEX_DIGITS[lo & 15],
  );
}
