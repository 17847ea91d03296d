/**
 * Routing of records to partitions without parsing them. The main thread of a replay only needs
 * each line's `account` (to pick the partition) and `ts` (to place it in event time): a walk over
 * the line's top-level keys finds both in the raw bytes, skipping values with native `indexOf`,
 * and stops as soon as both are found (writers usually put them first). The full JSON.parse and
 * validation then happen in the partition's worker, in parallel.
 */
import { parseRfc3339 } from '../core/schema.js';

/** The partition (0..count-1) of an account: a stable hash, the same in every process. */
export function partitionOf(account: string, count: number): number {
  if (count <= 1) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < account.length; i++) {
    h ^= account.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) % count;
}

/** What a line scan found: the account and event time, or null when the walk could not tell. */
export interface LineKeys {
  account: string | null;
  ts: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

function skipSpace(buf: Uint8Array, pos: number, end: number): number {
  let p = pos;
  while (p < end && isSpace(buf[p])) p++;
  return p;
}

/** Index of the quote closing the string whose opening quote is at `open`, or -1. */
function closingQuote(buf: Buffer, open: number, end: number): number {
  let p = open + 1;
  for (;;) {
    const q = buf.indexOf(QUOTE, p);
    if (q < 0 || q >= end) return -1;
    let slashes = 0;
    for (let b = q - 1; b > open && buf[b] === BACKSLASH; b--) slashes++;
    if ((slashes & 1) === 0) return q;
    p = q + 1;
  }
}

/** Index just past the JSON value starting at `pos`, or -1 when malformed. */
function skipValue(buf: Buffer, pos: number, end: number): number {
  const c = buf[pos];
  if (c === QUOTE) {
    const q = closingQuote(buf, pos, end);
    return q < 0 ? -1 : q + 1;
  }
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    let depth = 0;
    let p = pos;
    while (p < end) {
      const b = buf[p];
      if (b === QUOTE) {
        const q = closingQuote(buf, p, end);
        if (q < 0) return -1;
        p = q + 1;
        continue;
      }
      if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return p + 1;
      }
      p++;
    }
    return -1;
  }
  let p = pos;
  while (p < end) {
    const b = buf[p];
    if (b === COMMA || b === CLOSE_BRACE || isSpace(b)) break;
    p++;
  }
  return p === pos ? -1 : p;
}

function keyIs(buf: Buffer, start: number, end: number, key: string): boolean {
  if (end - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (buf[start + i] !== key.charCodeAt(i)) return false;
  return true;
}

/**
 * Finds the top-level `account` (string) and `ts` (number or RFC 3339 string) of one NDJSON
 * line in `buf[start, end)`. Exact for any valid JSON (nested objects are skipped, never
 * searched); anything it cannot read comes back as null/NaN and the worker's full decode reports
 * the line's issue with its position.
 */
export function scanLineKeys(buf: Buffer, start: number, end: number): LineKeys {
  const out: LineKeys = { account: null, ts: Number.NaN };
  let p = skipSpace(buf, start, end);
  if (buf[p] !== OPEN_BRACE) return out;
  p = skipSpace(buf, p + 1, end);
  let found = 0;
  while (p < end && buf[p] === QUOTE) {
    const keyEnd = closingQuote(buf, p, end);
    if (keyEnd < 0) return out;
    const keyStart = p + 1;
    p = skipSpace(buf, keyEnd + 1, end);
    if (buf[p] !== COLON) return out;
    p = skipSpace(buf, p + 1, end);
    const valueEnd = skipValue(buf, p, end);
    if (valueEnd < 0) return out;
    if (keyIs(buf, keyStart, keyEnd, 'account')) {
      if (buf[p] === QUOTE) {
        const raw = buf.toString('utf8', p + 1, valueEnd - 1);
        out.account = raw.includes('\\') ? (JSON.parse(buf.toString('utf8', p, valueEnd)) as string) : raw;
      }
      found |= 1;
    } else if (keyIs(buf, keyStart, keyEnd, 'ts')) {
      out.ts =
        buf[p] === QUOTE
          ? parseRfc3339(buf.toString('latin1', p + 1, valueEnd - 1))
          : Number(buf.toString('latin1', p, valueEnd));
      found |= 2;
    }
    if (found === 3) return out;
    p = skipSpace(buf, valueEnd, end);
    if (buf[p] !== COMMA) return out;
    p = skipSpace(buf, p + 1, end);
  }
  return out;
}
