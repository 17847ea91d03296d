/**
 * The parse worker's fast path for one NDJSON line of an exchange, read from its bytes: checks
 * that the line is one JSON object that `fastExchange` (`src/pipeline/decode.ts`) would accept,
 * and gives its id, event time and account, without building the record. `JSON.parse` of an
 * 800-byte line builds every string of it (UTF-8 decoding included) and `fastExchange` then
 * copies the fields into a new object, about 3 µs a record; the service keeps only three fields
 * of it and the bytes as received, so a single pass over the bytes does.
 *
 * It accepts only what it can prove: anything unusual (an escape or a non-ASCII character in an
 * id, account or time, a key written with an escape, a precomputed fingerprint,
 * nesting deeper than 64, any syntax error) returns null, and the caller goes the full way
 * (`JSON.parse`, `fastExchange`, the valibot schema), which also explains a rejection. Its test
 * checks, on simulated records and on thousands of mutations of them, that whatever it accepts the
 * full way accepts with the same id, time and account.
 */
import { parseRfc3339 } from '../core/schema.js';

/** The fields the service keeps of a good exchange line. */
export interface QuickFields {
  id: string;
  ts: number;
  account: string;
}

// What each known field must hold (as `fastExchange` checks it).
const ID = 1; // a string of 1 to 512 characters (id, account)
const TS = 2; // epoch ms, or an RFC 3339 string, finite and not negative
const TEXT = 3; // any string
const COUNT_1 = 4; // an integer >= 1
const COUNT = 5; // an integer >= 0
const NON_NEGATIVE = 6; // a number >= 0
const NUMBER = 7; // any number
const LOGPROBS = 8; // a boolean or an integer >= 0
const BOOLEAN = 9;
const STATUS = 10; // an integer in 100..599
const ARRAY = 11; // any array
const SDK = 12; // an object of strings, numbers and booleans
const REFUSE = 13; // a field the fast path leaves to the schema

const FIELDS: [string, number][] = [
  ['id', ID],
  ['account', ID],
  ['ts', TS],
  ['org', TEXT],
  ['apiKey', TEXT],
  ['model', TEXT],
  ['ip', TEXT],
  ['userAgent', TEXT],
  ['ja4', TEXT],
  ['prompt', TEXT],
  ['system', TEXT],
  ['turns', COUNT_1],
  ['n', COUNT_1],
  ['maxTokens', COUNT],
  ['inputTokens', COUNT],
  ['outputTokens', COUNT],
  ['reasoningTokens', COUNT],
  ['temperature', NON_NEGATIVE],
  ['topP', NON_NEGATIVE],
  ['latencyMs', NON_NEGATIVE],
  ['seed', NUMBER],
  ['logprobs', LOGPROBS],
  ['stream', BOOLEAN],
  ['status', STATUS],
  ['tools', ARRAY],
  ['sdk', SDK],
  ['fingerprint', REFUSE],
];

/** Known field names by length: their bytes and their index in FIELDS. */
const BY_LENGTH: { bytes: Uint8Array; field: number }[][] = [];
for (const [field, [name]] of FIELDS.entries()) {
  BY_LENGTH[name.length] ??= [];
  BY_LENGTH[name.length].push({ bytes: Buffer.from(name, 'latin1'), field });
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MAX_DEPTH = 64;

/** The index in FIELDS of the key in bytes[start, end), or -1. */
function fieldOf(bytes: Uint8Array, start: number, end: number): number {
  const candidates = BY_LENGTH[end - start];
  if (candidates === undefined) return -1;
  outer: for (const { bytes: name, field } of candidates) {
    for (let i = 0; i < name.length; i++) if (bytes[start + i] !== name[i]) continue outer;
    return field;
  }
  return -1;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** The byte at `i`, or -1 at or past the end of the line. */
const byteAt = (bytes: Uint8Array, i: number, end: number) => (i < end ? bytes[i] : -1);

function skipSpace(bytes: Uint8Array, at: number, end: number): number {
  while (at < end && isSpace(bytes[at])) at++;
  return at;
}

/** 1 for the bytes a JSON string holds as they are: not a quote, a backslash or a control character. */
const PLAIN = new Uint8Array(256);
for (let c = 0x20; c < 256; c++) PLAIN[c] = c === QUOTE || c === BACKSLASH ? 0 : 1;

/** Set by `scanString`: the string just scanned has an escape. */
let escaped = false;

/** Scans a JSON string whose opening quote is at `at`; the position after its closing quote, or -1. */
function scanString(bytes: Uint8Array, at: number, end: number): number {
  escaped = false;
  let i = at + 1;
  for (;;) {
    while (i < end && PLAIN[bytes[i]] === 1) i++;
    if (i >= end) return -1;
    const c = bytes[i];
    if (c === QUOTE) return i + 1;
    if (c !== BACKSLASH) return -1; // a control character
    escaped = true;
    const e = byteAt(bytes, i + 1, end);
    if (
      e === QUOTE ||
      e === BACKSLASH ||
      e === 0x2f ||
      e === 0x62 ||
      e === 0x66 ||
      e === 0x6e ||
      e === 0x72 ||
      e === 0x74
    )
      i += 2;
    else if (
      e === 0x75 &&
      i + 5 < end &&
      isHex(bytes[i + 2]) &&
      isHex(bytes[i + 3]) &&
      isHex(bytes[i + 4]) &&
      isHex(bytes[i + 5])
    )
      i += 6;
    else return -1;
  }
}

/** Whether bytes[start, end) are all ASCII (then a string of them has end - start characters). */
function ascii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

/** Set by `scanNumber`: the number just scanned. */
let number = 0;

/** Scans a JSON number at `at` (grammar of RFC 8259); the position after it, or -1. */
function scanNumber(bytes: Uint8Array, at: number, end: number): number {
  let i = at;
  if (bytes[i] === 0x2d) i++;
  if (i >= end || !isDigit(bytes[i])) return -1;
  if (bytes[i] === 0x30) i++;
  else while (i < end && isDigit(bytes[i])) i++;
  let plain = true;
  if (i < end && bytes[i] === 0x2e) {
    plain = false;
    i++;
    if (i >= end || !isDigit(bytes[i])) return -1;
    while (i < end && isDigit(bytes[i])) i++;
  }
  if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
    plain = false;
    i++;
    if (i < end && (bytes[i] === 0x2b || bytes[i] === 0x2d)) i++;
    if (i >= end || !isDigit(bytes[i])) return -1;
    while (i < end && isDigit(bytes[i])) i++;
  }
  if (plain && i - at <= 15) {
    // A short integer: exact in a double, read without a string.
    let value = 0;
    for (let k = bytes[at] === 0x2d ? at + 1 : at; k < i; k++) value = value * 10 + (bytes[k] - 0x30);
    number = bytes[at] === 0x2d ? -value : value;
  } else number = Number(Buffer.from(bytes.buffer, bytes.byteOffset + at, i - at).toString('latin1'));
  return i;
}

/** Checks `word` (true, false, null) at `at`; the position after it, or -1. */
function scanWord(bytes: Uint8Array, at: number, end: number, word: string): number {
  if (at + word.length > end) return -1;
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word.charCodeAt(k)) return -1;
  return at + word.length;
}

/** Scans an object member's key at `at` and the colon after it; the position of its value, or -1. */
function memberValue(bytes: Uint8Array, at: number, end: number): number {
  if (byteAt(bytes, at, end) !== QUOTE) return -1;
  const after = scanString(bytes, at, end);
  if (after < 0) return -1;
  const i = skipSpace(bytes, after, end);
  return byteAt(bytes, i, end) === 0x3a ? skipSpace(bytes, i + 1, end) : -1;
}

/** Scans any JSON value at `at` (objects and arrays nested up to MAX_DEPTH); the position after it, or -1. */
function scanValue(bytes: Uint8Array, at: number, end: number): number {
  const open: number[] = [];
  let i = at;
  for (;;) {
    // A value starts at i.
    if (i >= end) return -1;
    const c = bytes[i];
    if (c === 0x7b || c === 0x5b) {
      if (open.length >= MAX_DEPTH) return -1;
      open.push(c);
      i = skipSpace(bytes, i + 1, end);
      if (byteAt(bytes, i, end) === c + 2)
        i++; // {} or []
      else {
        if (c === 0x7b) i = memberValue(bytes, i, end);
        if (i < 0) return -1;
        continue;
      }
    } else if (c === QUOTE) i = scanString(bytes, i, end);
    else if (c === 0x74) i = scanWord(bytes, i, end, 'true');
    else if (c === 0x66) i = scanWord(bytes, i, end, 'false');
    else if (c === 0x6e) i = scanWord(bytes, i, end, 'null');
    else i = scanNumber(bytes, i, end);
    // After a value: close containers or go on to the next member.
    for (;;) {
      if (i < 0) return -1;
      if (open.length === 0) return i;
      i = skipSpace(bytes, i, end);
      const top = open[open.length - 1];
      const next = byteAt(bytes, i, end);
      if (next === top + 2) {
        open.pop();
        i++;
        continue;
      }
      if (next !== 0x2c) return -1;
      i = skipSpace(bytes, i + 1, end);
      if (top === 0x7b) i = memberValue(bytes, i, end);
      if (i < 0) return -1;
      break;
    }
  }
}

/**
 * An `sdk` object at `at` (string, number and boolean values only; every value is checked, so a
 * key written twice, whose last value JSON.parse keeps, is covered); the position after it, or -1.
 */
function scanSdk(bytes: Uint8Array, at: number, end: number): number {
  if (byteAt(bytes, at, end) !== 0x7b) return -1;
  let i = skipSpace(bytes, at + 1, end);
  if (byteAt(bytes, i, end) === 0x7d) return i + 1;
  for (;;) {
    i = memberValue(bytes, i, end);
    if (i < 0) return -1;
    const c = byteAt(bytes, i, end);
    if (c === QUOTE) i = scanString(bytes, i, end);
    else if (c === 0x74) i = scanWord(bytes, i, end, 'true');
    else if (c === 0x66) i = scanWord(bytes, i, end, 'false');
    else if (c === 0x2d || isDigit(c)) i = scanNumber(bytes, i, end);
    else return -1;
    if (i < 0) return -1;
    i = skipSpace(bytes, i, end);
    const next = byteAt(bytes, i, end);
    if (next === 0x7d) return i + 1;
    if (next !== 0x2c) return -1;
    i = skipSpace(bytes, i + 1, end);
  }
}

/**
 * Epoch ms of an RFC 3339 time in bytes[start, end): the usual `YYYY-MM-DDTHH:MM:SS.sssZ` with a
 * day of month up to 28 (valid in every month) read from its digits, anything else by
 * `parseRfc3339` (NaN when malformed).
 */
function timeOf(bytes: Buffer, start: number, end: number): number {
  if (end - start === 24 && bytes[start + 23] === 0x5a && bytes[start + 10] === 0x54) {
    const d = (k: number) => bytes[start + k] - 0x30;
    let digits = true;
    for (const k of DIGIT_AT) if (d(k) < 0 || d(k) > 9) digits = false;
    if (
      digits &&
      bytes[start + 4] === 0x2d &&
      bytes[start + 7] === 0x2d &&
      bytes[start + 13] === 0x3a &&
      bytes[start + 16] === 0x3a &&
      bytes[start + 19] === 0x2e
    ) {
      const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
      const month = d(5) * 10 + d(6);
      const day = d(8) * 10 + d(9);
      const hour = d(11) * 10 + d(12);
      const minute = d(14) * 10 + d(15);
      const second = d(17) * 10 + d(18);
      const ms = d(20) * 100 + d(21) * 10 + d(22);
      if (
        year >= 1000 &&
        month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= 28 &&
        hour <= 23 &&
        minute <= 59 &&
        second <= 59
      )
        return Date.UTC(year, month - 1, day, hour, minute, second, ms);
    }
  }
  return parseRfc3339(bytes.toString('latin1', start, end));
}
const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

const found: QuickFields = { id: '', ts: 0, account: '' };

/**
 * The id, time and account of the exchange line bytes[start, end) when it is plainly valid (what
 * `fastExchange(JSON.parse(line))` accepts, with the same values), else null: go the full way.
 * The answer is one object reused by every call: read its fields before the next call.
 */
export function quickExchange(bytes: Buffer, start: number, end: number): QuickFields | null {
  let i = skipSpace(bytes, start, end);
  if (byteAt(bytes, i, end) !== 0x7b) return null;
  i = skipSpace(bytes, i + 1, end);
  let seen = 0;
  for (;;) {
    if (byteAt(bytes, i, end) !== QUOTE) return null;
    const keyStart = i + 1;
    i = scanString(bytes, i, end);
    if (i < 0 || escaped) return null;
    const field = fieldOf(bytes, keyStart, i - 1);
    i = skipSpace(bytes, i, end);
    if (byteAt(bytes, i, end) !== 0x3a) return null;
    i = skipSpace(bytes, i + 1, end);
    if (i >= end) return null;
    if (field < 0) i = scanValue(bytes, i, end);
    else {
      // A field written twice: every value is checked and the last one kept, as JSON.parse does.
      seen |= 1 << field;
      const c = bytes[i];
      switch (FIELDS[field][1]) {
        case ID: {
          if (c !== QUOTE) return null;
          const valueStart = i + 1;
          i = scanString(bytes, i, end);
          const length = i - 1 - valueStart;
          if (i < 0 || escaped || length < 1 || length > 512 || !ascii(bytes, valueStart, i - 1)) return null;
          const text = bytes.toString('latin1', valueStart, i - 1);
          if (field === 0) found.id = text;
          else found.account = text;
          break;
        }
        case TS: {
          if (c === QUOTE) {
            const valueStart = i + 1;
            i = scanString(bytes, i, end);
            if (i < 0 || escaped || !ascii(bytes, valueStart, i - 1)) return null;
            number = timeOf(bytes, valueStart, i - 1);
          } else if (c === 0x2d || isDigit(c)) i = scanNumber(bytes, i, end);
          else return null;
          if (i < 0 || !(Number.isFinite(number) && number >= 0)) return null;
          found.ts = number;
          break;
        }
        case TEXT:
          if (c !== QUOTE) return null;
          i = scanString(bytes, i, end);
          break;
        case COUNT_1:
        case COUNT:
        case NON_NEGATIVE:
        case NUMBER:
        case STATUS: {
          if (c !== 0x2d && !isDigit(c)) return null;
          i = scanNumber(bytes, i, end);
          if (i < 0) return null;
          const kind = FIELDS[field][1];
          const integer = Number.isInteger(number) && number >= 0;
          if (kind === COUNT_1 && !(integer && number >= 1)) return null;
          if (kind === COUNT && !integer) return null;
          if (kind === NON_NEGATIVE && !(number >= 0)) return null;
          if (kind === STATUS && !(integer && number >= 100 && number <= 599)) return null;
          break;
        }
        case LOGPROBS:
          if (c === 0x74) i = scanWord(bytes, i, end, 'true');
          else if (c === 0x66) i = scanWord(bytes, i, end, 'false');
          else if (c === 0x2d || isDigit(c)) {
            i = scanNumber(bytes, i, end);
            if (!(Number.isInteger(number) && number >= 0)) return null;
          } else return null;
          break;
        case BOOLEAN:
          if (c === 0x74) i = scanWord(bytes, i, end, 'true');
          else if (c === 0x66) i = scanWord(bytes, i, end, 'false');
          else return null;
          break;
        case ARRAY:
          if (c !== 0x5b) return null;
          i = scanValue(bytes, i, end);
          break;
        case SDK:
          i = scanSdk(bytes, i, end);
          break;
        default:
          return null;
      }
    }
    if (i < 0) return null;
    i = skipSpace(bytes, i, end);
    const next = byteAt(bytes, i, end);
    if (next === 0x2c) {
      i = skipSpace(bytes, i + 1, end);
      continue;
    }
    if (next !== 0x7d) return null;
    if (skipSpace(bytes, i + 1, end) !== end) return null;
    // id, account and ts are required.
    return (seen & 7) === 7 ? found : null;
  }
}
