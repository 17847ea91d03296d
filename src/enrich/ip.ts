/**
 * IP address parsing and prefix keys, without BigInt: IPv4 as one uint32, IPv6 as four uint32
 * words (most significant first). Lookups use IPv6's top 64 bits (two words): routing data is
 * never finer than a /64 in practice, and two 32-bit compares beat a BigInt by far.
 */

/** Parses dotted-quad IPv4 into an unsigned 32-bit number, or -1 when it is not one. */
export function parseIpv4(text: string, start = 0, end = text.length): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return -1; // leading zero (octal ambiguity)
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return -1;
    } else if (c === 46) {
      if (digits === 0 || ++dots > 3) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
    } else {
      return -1;
    }
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + part;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Scratch space for parsing and formatting (single-threaded; never escapes a call). */
const GROUPS = new Uint16Array(8);

/**
 * Parses IPv6 text (with `::`, an embedded IPv4 tail, an optional `%zone`) into four 32-bit
 * words written to `out`; returns false when the text is not IPv6.
 */
export function parseIpv6(text: string, out: Uint32Array): boolean {
  let end = text.indexOf('%');
  if (end < 0) end = text.length;
  const groups = GROUPS;
  let count = 0;
  let gap = -1;
  let i = 0;
  if (text.charCodeAt(0) === 58) {
    if (text.charCodeAt(1) !== 58) return false;
    gap = 0;
    i = 2;
  }
  while (i < end) {
    let value = 0;
    let digits = 0;
    const groupStart = i;
    for (; i < end; i++) {
      const h = hexValue(text.charCodeAt(i));
      if (h < 0) break;
      value = (value << 4) | h;
      if (++digits > 4) return false;
    }
    if (i < end && text.charCodeAt(i) === 46) {
      // embedded IPv4 tail: takes two groups
      const v4 = parseIpv4(text, groupStart, end);
      if (v4 < 0 || count > 6) return false;
      groups[count++] = v4 >>> 16;
      groups[count++] = v4 & 0xffff;
      i = end;
      break;
    }
    if (digits === 0) return false;
    if (count >= 8) return false;
    groups[count++] = value;
    if (i >= end) break;
    if (text.charCodeAt(i) !== 58) return false;
    i++;
    if (text.charCodeAt(i) === 58) {
      if (gap >= 0) return false;
      gap = count;
      i++;
    } else if (i >= end) {
      return false; // trailing single colon
    }
  }
  if (gap >= 0) {
    if (count >= 8) return false;
    const tail = count - gap;
    for (let k = 0; k < tail; k++) groups[7 - k] = groups[count - 1 - k];
    for (let k = gap; k < 8 - tail; k++) groups[k] = 0;
  } else if (count !== 8) {
    return false;
  }
  out[0] = ((groups[0] << 16) | groups[1]) >>> 0;
  out[1] = ((groups[2] << 16) | groups[3]) >>> 0;
  out[2] = ((groups[4] << 16) | groups[5]) >>> 0;
  out[3] = ((groups[6] << 16) | groups[7]) >>> 0;
  return true;
}

/** A parsed address: IPv4 as `v4`, or IPv6 as four words. */
export type ParsedIp = { version: 4; v4: number } | { version: 6; words: Uint32Array };

/**
 * Parses an IPv4 or IPv6 address (IPv4-mapped IPv6 `::ffff:a.b.c.d` becomes IPv4; brackets
 * around IPv6 are accepted); null when it is neither.
 */
export function parseIp(text: string): ParsedIp | null {
  if (text.length === 0) return null;
  const v4 = parseIpv4(text);
  if (v4 >= 0) return { version: 4, v4 };
  const bare = text.charCodeAt(0) === 91 && text.endsWith(']') ? text.slice(1, -1) : text;
  const words = new Uint32Array(4);
  if (!parseIpv6(bare, words)) return null;
  if (words[0] === 0 && words[1] === 0 && words[2] === 0xffff) return { version: 4, v4: words[3] };
  return { version: 6, words };
}

/** Formats a uint32 as dotted-quad IPv4. */
export function formatIpv4(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** Formats four words as canonical (RFC 5952) IPv6 text. */
export function formatIpv6(words: ArrayLike<number>): string {
  const groups = GROUPS;
  for (let w = 0; w < 4; w++) {
    groups[2 * w] = words[w] >>> 16;
    groups[2 * w + 1] = words[w] & 0xffff;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let g = 0; g < 8; ) {
    if (groups[g] !== 0) {
      g++;
      continue;
    }
    let run = g;
    while (run < 8 && groups[run] === 0) run++;
    if (run - g > bestLength) {
      bestStart = g;
      bestLength = run - g;
    }
    g = run;
  }
  let out = '';
  for (let g = 0; g < 8; g++) {
    if (g === bestStart) {
      out += '::';
      g += bestLength - 1;
      continue;
    }
    if (out.length > 0 && !out.endsWith(':')) out += ':';
    out += groups[g].toString(16);
  }
  return out;
}

/** Masks an IPv4 address to its first `bits` bits. */
export function maskIpv4(value: number, bits: number): number {
  if (bits <= 0) return 0;
  if (bits >= 32) return value >>> 0;
  return (value & (0xffffffff << (32 - bits))) >>> 0;
}

/** Masks IPv6 words to their first `bits` bits (returns a new array). */
export function maskIpv6(words: ArrayLike<number>, bits: number): Uint32Array {
  const out = new Uint32Array(4);
  for (let w = 0; w < 4; w++) {
    const keep = Math.min(32, Math.max(0, bits - 32 * w));
    out[w] = keep === 0 ? 0 : keep === 32 ? words[w] : (words[w] & (0xffffffff << (32 - keep))) >>> 0;
  }
  return out;
}

/** The linking key of an address: `a.b.c.0/24` or `2001:db8:1::/48` (lengths configurable), or null. */
export function prefixOf(address: string, v4Bits = 24, v6Bits = 48): string | null {
  const ip = parseIp(address);
  if (ip === null) return null;
  return ip.version === 4
    ? `${formatIpv4(maskIpv4(ip.v4, v4Bits))}/${v4Bits}`
    : `${formatIpv6(maskIpv6(ip.words, v6Bits))}/${v6Bits}`;
}
