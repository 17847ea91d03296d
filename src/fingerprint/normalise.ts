/**
 * Normalisation and masking: turns a prompt into a bounded stream of hashed tokens.
 *
 * Why: campaign prompts are one template filled with different values, so the values must not
 * make two prompts look different. The text is NFKC-folded and lowercased, whitespace is ignored,
 * and numbers, quoted literals, URLs, emails, dates, hex strings and ids, code identifiers and
 * code blocks become typed placeholders (`<num>`, `<str>`, `<url>`, `<email>`, `<date>`, `<hex>`,
 * `<id>`, `<code:LANG:SIZE>`). Long prompts are bounded: only a head and a tail window of the text
 * are read (an `<…>` token marks the cut), so the cost of a prompt is bounded whatever its length.
 *
 * Speed: one hand-written pass over char codes; word hashes (FNV-1a + fmix32) are computed while
 * scanning, so no substring is allocated for ordinary words. The returned stream lives in scratch
 * buffers reused by the next call: read it before scanning again.
 */
import { FNV_OFFSET, FNV_PRIME, fmix32, hashString } from './hash.js';

/** Token kinds. */
export const WORD = 0;
export const PUNCT = 1;
export const MASK = 2;
export const CJK = 3;

/** Placeholder types (index into PLACEHOLDERS). */
export const NUM = 0;
export const STR = 1;
export const URL = 2;
export const EMAIL = 3;
export const DATE = 4;
export const HEX = 5;
export const ID = 6;
export const CODE = 7;
export const ELIDED = 8;

/** The text of each placeholder type (CODE carries its own text per block). */
export const PLACEHOLDERS = [
  '<num>',
  '<str>',
  '<url>',
  '<email>',
  '<date>',
  '<hex>',
  '<id>',
  '<code>',
  '<…>',
];
const PLACEHOLDER_HASHES = PLACEHOLDERS.map((text) => hashString(text));

/** Script counters (first letter of each word, every CJK char). */
export const LATIN = 0;
export const GREEK = 1;
export const CYRILLIC = 2;
export const HEBREW = 3;
export const ARABIC = 4;
export const DEVANAGARI = 5;
export const THAI = 6;
export const HANGUL = 7;
export const HAN = 8;
export const KANA = 9;
export const OTHER_SCRIPT = 10;

/** How much of a long prompt is read. */
export interface BoundOptions {
  /** Characters read from the start of a long prompt (default 4096). */
  headChars?: number;
  /** Characters read from the end of a long prompt (default 2048). */
  tailChars?: number;
}

/** A scanned prompt. Buffers are shared scratch space: valid until the next `scan`. */
export interface TokenStream {
  count: number;
  hashes: Int32Array;
  kinds: Uint8Array;
  /** Placeholder type for MASK tokens, otherwise 255. */
  maskTypes: Uint8Array;
  /** Offsets into `text` (lowercased, bounded) of each non-mask token. */
  starts: Int32Array;
  ends: Int32Array;
  /** Texts of CODE placeholders by token index. */
  codeTexts: Map<number, string>;
  /** The lowercased, NFKC-folded, bounded text the offsets refer to. */
  text: string;
  /** Length of the original prompt in characters. */
  chars: number;
  /** True when only a head and a tail of the prompt were read. */
  bounded: boolean;
  newlines: number;
  codeBlocks: number;
  /** Per script counters (see LATIN..OTHER_SCRIPT). */
  scripts: Int32Array;
  /** Count of each placeholder type. */
  masks: Int32Array;
  /**
   * Indices, ascending, of the word tokens that joined several words with a connector (`don't`,
   * `step-by-step`, `e.g`, `and/or`): their hash is not the hash of any of their words.
   */
  joined: Int32Array;
  joinedCount: number;
  /** True when the prompt's read part (head and tail) is plain ASCII, so `text` is too. */
  ascii: boolean;
  /**
   * Indices, ascending, of the tokens that follow a line break between tokens (line breaks
   * inside a code block or a quoted literal are not listed).
   */
  lineBreaks: Int32Array;
  lineBreakCount: number;
  /**
   * The hashes of the content tokens in order (every token but punctuation and the mark of a cut),
   * written as the scan pushes them, so MinHash's shingles read them without a test per token.
   */
  content: Int32Array;
  contentCount: number;
}

let capacity = 1024;
const stream: TokenStream = {
  count: 0,
  hashes: new Int32Array(capacity),
  kinds: new Uint8Array(capacity),
  maskTypes: new Uint8Array(capacity),
  starts: new Int32Array(capacity),
  ends: new Int32Array(capacity),
  codeTexts: new Map(),
  text: '',
  chars: 0,
  bounded: false,
  newlines: 0,
  codeBlocks: 0,
  scripts: new Int32Array(11),
  masks: new Int32Array(PLACEHOLDERS.length),
  joined: new Int32Array(64),
  joinedCount: 0,
  ascii: true,
  lineBreaks: new Int32Array(64),
  lineBreakCount: 0,
  content: new Int32Array(capacity),
  contentCount: 0,
};

/** Makes room for `tokens` tokens (a prompt never has more tokens than characters). */
function ensureCapacity(tokens: number): void {
  while (capacity < tokens) grow();
}

function grow(): void {
  capacity *= 2;
  const copy = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
    const b = make(capacity);
    b.set(a);
    return b;
  };
  stream.hashes = copy(stream.hashes, (n) => new Int32Array(n));
  stream.kinds = copy(stream.kinds, (n) => new Uint8Array(n));
  stream.maskTypes = copy(stream.maskTypes, (n) => new Uint8Array(n));
  stream.starts = copy(stream.starts, (n) => new Int32Array(n));
  stream.ends = copy(stream.ends, (n) => new Int32Array(n));
  stream.content = copy(stream.content, (n) => new Int32Array(n));
}

function push(hash: number, kind: number, maskType: number, start: number, end: number): void {
  const t = stream.count++;
  stream.hashes[t] = hash;
  stream.kinds[t] = kind;
  stream.maskTypes[t] = maskType;
  stream.starts[t] = start;
  stream.ends[t] = end;
  if (kind !== PUNCT && maskType !== ELIDED) stream.content[stream.contentCount++] = hash;
}

/** Notes a line break before token `next` (once per token). */
function markLineBreak(next: number): void {
  const k = stream.lineBreakCount;
  if (k > 0 && stream.lineBreaks[k - 1] === next) return;
  if (k === stream.lineBreaks.length) {
    const bigger = new Int32Array(k * 2);
    bigger.set(stream.lineBreaks);
    stream.lineBreaks = bigger;
  }
  stream.lineBreaks[stream.lineBreakCount++] = next;
}

function pushMask(type: number, start: number, end: number): void {
  stream.masks[type]++;
  push(PLACEHOLDER_HASHES[type], MASK, type, start, end);
}

/** Character classes of ASCII: 0 punctuation, 1 space, 2 letter or `_`, 3 digit. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c <= 32; c++) ASCII_CLASS[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = 2;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = 2;
ASCII_CLASS[95] = 2;
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = 3;

/** Letters and digits of alphabetic scripts (and `_`) beyond ASCII. */
function isWordCharHigh(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x300 && c <= 0x6ff) ||
    (c >= 0x900 && c <= 0xe7f) ||
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0x1e00 && c <= 0x1fff) ||
    (c >= 0xac00 && c <= 0xd7af)
  );
}

/** Letters and digits of alphabetic scripts (and `_`): characters that form words. */
function isWordChar(c: number): boolean {
  return c < 128 ? ASCII_CLASS[c] >= 2 : isWordCharHigh(c);
}

/** Han ideographs and kana: each character is a token. */
function isCjkChar(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

function isSpace(c: number): boolean {
  return (
    c <= 32 ||
    c === 0xa0 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0xfeff
  );
}

function scriptOf(c: number): number {
  if (c < 0x250) return LATIN;
  if (c >= 0x370 && c < 0x400) return GREEK;
  if (c >= 0x400 && c < 0x530) return CYRILLIC;
  if (c >= 0x590 && c < 0x600) return HEBREW;
  if (c >= 0x600 && c < 0x700) return ARABIC;
  if (c >= 0x900 && c < 0x980) return DEVANAGARI;
  if (c >= 0xe00 && c < 0xe80) return THAI;
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff)) return HANGUL;
  if (c >= 0x1e00 && c < 0x1f00) return LATIN;
  return OTHER_SCRIPT;
}

const DATE_RE =
  /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(t\d{1,2}:\d{2}(:\d{2})?)?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}:\d{2}(:\d{2})?)$/;
const NUMBER_WITH_UNIT_RE =
  /^\d+(st|nd|rd|th|s|k|m|b|x|px|kg|km|gb|mb|kb|ms|mm|cm|m2|m3|ml|l|g|mg|lb|lbs|oz|ft|in|mi|mph|kmh|hr|hrs|min|mins|sec|secs|yr|yrs|h|am|pm|d|w)$/;
const QUOTE_CLOSERS: Record<number, number> = {
  34: 0x22, // "
  8220: 0x201d, // “ ”
  8222: 0x201c, // „ “
  171: 0xbb, // « »
  12300: 0x300d, // 「 」
  12302: 0x300f, // 『 』
};
const MAX_QUOTE = 400;
const MAX_INLINE_CODE = 200;

/** Positions (in the lowercased text) of uppercase letters that follow a lowercase one: camelCase. */
let camelAt = new Int32Array(64);
let camelCount = 0;
let camelNext = 0;
const CAMEL_RE = /[a-z][A-Z]/g;

function findCamel(orig: string): void {
  camelCount = 0;
  camelNext = 0;
  CAMEL_RE.lastIndex = 0;
  // `test` allocates no match: a two-character match ends at lastIndex, its uppercase letter before it
  while (CAMEL_RE.test(orig)) {
    if (camelCount === camelAt.length) {
      const bigger = new Int32Array(camelAt.length * 2);
      bigger.set(camelAt);
      camelAt = bigger;
    }
    camelAt[camelCount++] = CAMEL_RE.lastIndex - 1;
    CAMEL_RE.lastIndex -= 1;
  }
}

/** True when a camelCase transition lies inside [i, j) (words are visited in order). */
function hasCamel(i: number, j: number): boolean {
  while (camelNext < camelCount && camelAt[camelNext] <= i) camelNext++;
  return camelNext < camelCount && camelAt[camelNext] < j;
}

const DIGIT = 1;
const LETTER = 2;
const UNDERSCORE = 4;
const NON_HEX = 8;

/** Scans one word starting at i; returns the index after it. */
function scanWord(lower: string, i: number, to: number): number {
  let j = i;
  let h = FNV_OFFSET;
  let flags = 0;
  let at = -1;
  let dots = 0;
  let separators = 0;
  let segment = 0;
  let minSegment = 1 << 30;
  let connectors = 0;
  for (;;) {
    while (j < to) {
      const c = lower.charCodeAt(j);
      if (c < 128) {
        const k = ASCII_CLASS[c];
        if (k < 2) break;
        if (k === 3) flags |= DIGIT;
        else if (c === 95) flags |= UNDERSCORE;
        else flags |= c > 102 ? LETTER | NON_HEX : LETTER;
      } else {
        if (!isWordCharHigh(c)) break;
        flags |= LETTER | NON_HEX;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
      segment++;
      j++;
    }
    if (j + 1 >= to) break;
    const c = lower.charCodeAt(j);
    const next = lower.charCodeAt(j + 1);
    if (!isWordChar(next)) break;
    if (c === 46) {
      dots++;
      if (segment < minSegment) minSegment = segment;
      segment = 0;
    } else if (c === 45 || c === 47) {
      separators++;
    } else if (c === 64) {
      at = j;
    } else if (c === 39 || c === 0x2019) {
      // apostrophe inside a word: don't, let's
    } else if (c === 58 || c === 44) {
      const prev = lower.charCodeAt(j - 1);
      if (!(prev >= 48 && prev <= 57 && next >= 48 && next <= 57)) break;
      separators++;
    } else {
      break;
    }
    h = Math.imul(h ^ (c === 0x2019 ? 39 : c), FNV_PRIME);
    connectors++;
    j++;
  }
  const first = lower.charCodeAt(i);
  stream.scripts[first < 0x250 ? LATIN : scriptOf(first)]++;
  const length = j - i;
  const digits = (flags & DIGIT) !== 0;
  const letters = (flags & LETTER) !== 0;
  if (at > i) {
    const dot = lower.indexOf('.', at);
    pushMask(dot > at && dot < j ? EMAIL : ID, i, j);
  } else if (digits && !letters && (flags & UNDERSCORE) === 0) {
    pushMask(separators > 0 && DATE_RE.test(lower.slice(i, j)) ? DATE : NUM, i, j);
  } else if (digits) {
    const token = length <= 12 ? lower.slice(i, j) : '';
    if (token !== '' && NUMBER_WITH_UNIT_RE.test(token)) pushMask(NUM, i, j);
    else if (((flags & NON_HEX) === 0 && length >= 8) || (first === 48 && lower.charCodeAt(i + 1) === 120))
      pushMask(HEX, i, j);
    else pushMask(ID, i, j);
  } else if (
    ((flags & UNDERSCORE) !== 0 && letters) ||
    (dots > 0 && length >= 5 && Math.min(minSegment, segment) >= 2) ||
    (camelCount > 0 && length >= 3 && hasCamel(i, j))
  ) {
    pushMask(ID, i, j);
  } else {
    if (connectors > 0) {
      if (stream.joinedCount === stream.joined.length) {
        const bigger = new Int32Array(stream.joined.length * 2);
        bigger.set(stream.joined);
        stream.joined = bigger;
      }
      stream.joined[stream.joinedCount++] = stream.count;
    }
    push(fmix32(h), WORD, 255, i, j);
  }
  return j;
}

/** Finds the closing quote of a quoted literal opened at i, or -1. */
function closingQuote(lower: string, i: number, to: number, closer: number): number {
  const limit = Math.min(to, i + MAX_QUOTE);
  for (let k = i + 1; k < limit; k++) {
    const c = lower.charCodeAt(k);
    if (c === 10) return -1;
    if (c === closer) {
      if (closer !== 39 && closer !== 0x2019) return k;
      if (k + 1 >= to || !isWordChar(lower.charCodeAt(k + 1))) return k;
    }
  }
  return -1;
}

/** Hash of each ASCII punctuation character as a token. */
const PUNCT_HASHES = Int32Array.from({ length: 128 }, (_, c) => fmix32(c ^ 0x27d4eb2d));

/**
 * Scans [from, to) of the lowercased text into the stream. The loop handles the common tokens
 * inline (spaces, plain lowercase ASCII words, ASCII punctuation that opens nothing); everything
 * else (numbers, ids, URLs, quotes, code, CJK, other scripts) goes to `scanOther`.
 */
function scanRange(lower: string, from: number, to: number): void {
  const { hashes, kinds, maskTypes, starts, ends, content } = stream;
  let n = stream.count;
  let contentCount = stream.contentCount;
  let latin = 0;
  let newlines = 0;
  let i = from;
  while (i < to) {
    const c = lower.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    if (c >= 97 && c <= 122) {
      const next = i + 1 < to ? lower.charCodeAt(i + 1) : 32;
      if (!((c === 104 && next === 116) || (c === 119 && next === 119))) {
        // a plain lowercase ASCII word, unless a connector joins it to more word characters
        let h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
        let j = i + 1;
        let u = next;
        while (u >= 97 && u <= 122) {
          h = Math.imul(h ^ u, FNV_PRIME);
          j++;
          u = j < to ? lower.charCodeAt(j) : 32;
        }
        if (
          (u < 128 ? ASCII_CLASS[u] < 2 : !isWordCharHigh(u)) &&
          !(
            (u === 46 || u === 45 || u === 47 || u === 64 || u === 39 || u === 0x2019) &&
            j + 1 < to &&
            isWordChar(lower.charCodeAt(j + 1))
          ) &&
          (camelCount === 0 || !hasCamel(i, j))
        ) {
          const hash = fmix32(h);
          hashes[n] = hash;
          content[contentCount++] = hash;
          kinds[n] = WORD;
          maskTypes[n] = 255;
          starts[n] = i;
          ends[n] = j;
          n++;
          latin++;
          i = j;
          continue;
        }
      }
    } else if (c < 128 && ASCII_CLASS[c] === 0 && c !== 34 && c !== 39 && c !== 96) {
      hashes[n] = PUNCT_HASHES[c];
      kinds[n] = PUNCT;
      maskTypes[n] = 255;
      starts[n] = i;
      ends[n] = i + 1;
      n++;
      i++;
      continue;
    } else if (c <= 32) {
      if (c === 10) {
        newlines++;
        markLineBreak(n);
      }
      i++;
      continue;
    }
    stream.count = n;
    stream.contentCount = contentCount;
    i = scanOther(lower, i, from, to, c);
    n = stream.count;
    contentCount = stream.contentCount;
  }
  stream.count = n;
  stream.contentCount = contentCount;
  stream.scripts[LATIN] += latin;
  stream.newlines += newlines;
}

/** Scans one token that is not a space, a plain lowercase word or plain punctuation; returns the index after it. */
function scanOther(lower: string, i: number, from: number, to: number, c: number): number {
  const cls = c < 128 ? ASCII_CLASS[c] : isWordCharHigh(c) ? 2 : isSpace(c) ? 1 : 0;
  if (cls === 1) {
    if (c === 10) {
      stream.newlines++;
      markLineBreak(stream.count);
    }
    return i + 1;
  }
  if (cls >= 2) {
    if (
      (c === 104 &&
        lower.charCodeAt(i + 1) === 116 &&
        (lower.startsWith('http://', i) || lower.startsWith('https://', i))) ||
      (c === 119 && lower.charCodeAt(i + 1) === 119 && lower.startsWith('www.', i))
    ) {
      let j = i;
      while (j < to) {
        const u = lower.charCodeAt(j);
        if (
          isSpace(u) ||
          u === 34 ||
          u === 39 ||
          u === 60 ||
          u === 62 ||
          u === 41 ||
          u === 93 ||
          u === 125 ||
          u === 96
        )
          break;
        j++;
      }
      while (j > i && ',.;:!?'.includes(lower[j - 1])) j--;
      pushMask(URL, i, j);
      return j;
    }
    return scanWord(lower, i, to);
  }
  if (isCjkChar(c)) {
    stream.scripts[c <= 0x30ff ? KANA : HAN]++;
    push(fmix32(Math.imul(c, FNV_PRIME) ^ 0x5bd1e995), CJK, 255, i, i + 1);
    return i + 1;
  }
  if (c === 96) {
    if (lower.startsWith('```', i)) {
      const close = lower.indexOf('```', i + 3);
      const end = close === -1 || close >= to ? to : close + 3;
      let langEnd = i + 3;
      while (langEnd < end && langEnd < i + 23 && isWordChar(lower.charCodeAt(langEnd))) langEnd++;
      const lang = langEnd > i + 3 ? lower.slice(i + 3, langEnd) : 'text';
      let lines = 0;
      for (let k = lower.indexOf('\n', i); k !== -1 && k < end; k = lower.indexOf('\n', k + 1)) lines++;
      const size = lines <= 3 ? 'xs' : lines <= 10 ? 's' : lines <= 40 ? 'm' : 'l';
      const text = `<code:${lang}:${size}>`;
      stream.codeBlocks++;
      stream.masks[CODE]++;
      stream.codeTexts.set(stream.count, text);
      push(hashString(text), MASK, CODE, i, end);
      stream.newlines += lines;
      return end;
    }
    const close = closingQuote(lower, i, Math.min(to, i + MAX_INLINE_CODE), 96);
    if (close > i + 1) {
      pushMask(ID, i, close + 1);
      return close + 1;
    }
  } else {
    let closer = c === 34 ? 34 : c < 0xab ? undefined : QUOTE_CLOSERS[c];
    if (closer === undefined && (c === 39 || c === 0x2018)) {
      const prev = i > from ? lower.charCodeAt(i - 1) : 32;
      if (!isWordChar(prev)) closer = c === 39 ? 39 : 0x2019;
    }
    if (closer !== undefined) {
      const close = closingQuote(lower, i, to, closer);
      if (close > i + 1) {
        pushMask(STR, i, close + 1);
        return close + 1;
      }
    }
  }
  push(c < 128 ? PUNCT_HASHES[c] : fmix32(c ^ 0x27d4eb2d), PUNCT, 255, i, i + 1);
  return i + 1;
}

const NON_ASCII = /[^\u0000-\u007f]/;

/** Cuts a long prompt to its head and tail (at whitespace), or returns it whole. */
export function boundText(text: string, options: BoundOptions = {}): { head: string; tail: string } | null {
  const headChars = options.headChars ?? 4096;
  const tailChars = options.tailChars ?? 2048;
  if (text.length <= headChars + tailChars) return null;
  let headEnd = text.lastIndexOf(' ', headChars);
  if (headEnd < headChars / 2) headEnd = headChars;
  let tailStart = text.indexOf(' ', text.length - tailChars);
  if (tailStart === -1 || tailStart > text.length - tailChars / 2) tailStart = text.length - tailChars;
  return { head: text.slice(0, headEnd), tail: text.slice(tailStart) };
}

/** Folds Unicode compatibility forms (NFKC) only when the text is not plain ASCII (noted in `stream.ascii`). */
function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  stream.ascii = false;
  return text.normalize('NFKC');
}

/** Scans a prompt into the shared token stream (valid until the next call). */
export function scan(prompt: string, options: BoundOptions = {}): TokenStream {
  stream.count = 0;
  stream.contentCount = 0;
  stream.joinedCount = 0;
  stream.lineBreakCount = 0;
  // (clearing a Map allocates a new table even when it is empty, and most prompts have no code)
  if (stream.codeTexts.size !== 0) stream.codeTexts.clear();
  stream.newlines = 0;
  stream.codeBlocks = 0;
  stream.scripts.fill(0);
  stream.masks.fill(0);
  stream.chars = prompt.length;
  stream.ascii = true;
  const cut = boundText(prompt, options);
  stream.bounded = cut !== null;
  if (cut === null) {
    const orig = fold(prompt);
    const lower = orig.toLowerCase();
    stream.text = lower;
    ensureCapacity(lower.length + 2);
    if (lower.length === orig.length && lower !== orig) findCamel(orig);
    else camelCount = 0;
    scanRange(lower, 0, lower.length);
  } else {
    const head = fold(cut.head);
    const tail = fold(cut.tail);
    const lowerHead = head.toLowerCase();
    const lower = `${lowerHead}\n${tail.toLowerCase()}`;
    const orig = `${head}\n${tail}`;
    stream.text = lower;
    ensureCapacity(lower.length + 2);
    if (lower.length === orig.length && lower !== orig) findCamel(orig);
    else camelCount = 0;
    const headEnd = lowerHead.length;
    scanRange(lower, 0, headEnd);
    pushMask(ELIDED, headEnd, headEnd);
    markLineBreak(stream.count);
    scanRange(lower, headEnd + 1, lower.length);
  }
  return stream;
}

/** Scratch char codes for `detachedSlice`. */
let codes = new Uint16Array(256);

/**
 * text[start, end) as a string of its own. V8 represents a slice of 13 or more characters as a
 * view into its parent, so a kept token (a mined template's words, a tag's span) would keep the
 * whole prompt alive, and with it the garbage collector's work; a copy does not.
 */
export function detachedSlice(text: string, start: number, end: number): string {
  const length = end - start;
  if (length < 13) return text.slice(start, end);
  if (codes.length < length) codes = new Uint16Array(length * 2);
  for (let k = 0; k < length; k++) codes[k] = text.charCodeAt(start + k);
  return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
}

/** The text of token t of a stream (a word as written, lowercased, or its placeholder), not tied to the prompt. */
export function tokenText(s: TokenStream, t: number): string {
  const kind = s.kinds[t];
  if (kind !== MASK) return detachedSlice(s.text, s.starts[t], s.ends[t]);
  const type = s.maskTypes[t];
  return type === CODE ? (s.codeTexts.get(t) ?? '<code>') : PLACEHOLDERS[type];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isPunctText(piece: string): boolean {
  if (piece.length !== 1) return false;
  const c = piece.charCodeAt(0);
  return c < 128 ? ASCII_CLASS[c] < 2 || c === 95 : !LETTER_OR_DIGIT.test(piece);
}

function isCjkText(piece: string): boolean {
  return piece.length === 1 && isCjkChar(piece.charCodeAt(0));
}

/** Scratch list of the pieces and spaces `joinTokens` joins. */
const joined: string[] = [];

/**
 * Joins token texts with single spaces, punctuation attached to the word before, CJK unspaced.
 * One `join` makes one flat string: appending piece by piece would make a tree of concatenations
 * (two nodes a piece) that a kept template text or fingerprint carries around (~5 KB for 512
 * characters).
 */
export function joinTokens(pieces: string[]): string {
  joined.length = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (i > 0 && !isPunctText(piece) && !(isCjkText(piece) && isCjkText(pieces[i - 1]))) joined.push(' ');
    joined.push(piece);
  }
  const out = joined.join('');
  joined.length = 0;
  return out;
}

/** The masked text of a stream: tokens joined by single spaces (punctuation attached), as `joinTokens` joins them. */
export function maskedText(s: TokenStream): string {
  return boundedMaskedText(s, Number.POSITIVE_INFINITY);
}

/**
 * The masked text of a stream, reading only the tokens that can appear in a text of about `max`
 * characters: the tokens from the start while the text is at most `max` long, and when some are
 * left, `<…>` and the last tokens while their part is at most `0.3 * max` long. Each part is
 * `joinTokens` of its token texts, written straight into one buffer of char codes: no string per
 * token, one flat string at the end.
 */
export function boundedMaskedText(s: TokenStream, max: number): string {
  let length = 0;
  let headEnd = 0;
  for (; headEnd < s.count && length <= max; headEnd++) length += pieceLength(s, headEnd) + 1;
  written = 0;
  writeJoined(s, 0, headEnd);
  if (headEnd < s.count) {
    length = 0;
    let tailStart = s.count;
    while (tailStart > headEnd && length <= max * 0.3) length += pieceLength(s, --tailStart) + 1;
    for (const c of CUT_MARK) put(c);
    writeJoined(s, tailStart, s.count);
  }
  // one `fromCharCode` per 8,192 codes (an argument list has a limit), joined into one flat string
  const chunks: string[] = [];
  for (let from = 0; from < written; from += 8192)
    chunks.push(
      String.fromCharCode.apply(
        null,
        buffer.subarray(from, Math.min(written, from + 8192)) as unknown as number[],
      ),
    );
  return chunks.length === 1 ? chunks[0] : chunks.join('');
}

/** The char codes `boundedMaskedText` writes, and how many. */
let buffer = new Uint16Array(1024);
let written = 0;
const CUT_MARK = Array.from(' <…> ', (ch) => ch.charCodeAt(0));

/** Appends one char code to the buffer (grown when full). */
function put(c: number): void {
  if (written === buffer.length) {
    const bigger = new Uint16Array(buffer.length * 2);
    bigger.set(buffer);
    buffer = bigger;
  }
  buffer[written++] = c;
}

/** Length of token t's text (`tokenText`), without making it. */
function pieceLength(s: TokenStream, t: number): number {
  if (s.kinds[t] !== MASK) return s.ends[t] - s.starts[t];
  const type = s.maskTypes[t];
  return type === CODE ? (s.codeTexts.get(t) ?? '<code>').length : PLACEHOLDERS[type].length;
}

/** Writes `joinTokens` of the texts of tokens [from, to). */
function writeJoined(s: TokenStream, from: number, to: number): void {
  const { kinds, starts, ends, text } = s;
  let previousCjk = false;
  for (let t = from; t < to; t++) {
    if (kinds[t] === MASK) {
      if (t > from) put(32);
      const type = s.maskTypes[t];
      const piece = type === CODE ? (s.codeTexts.get(t) ?? '<code>') : PLACEHOLDERS[type];
      for (let k = 0; k < piece.length; k++) put(piece.charCodeAt(k));
      previousCjk = false;
      continue;
    }
    const start = starts[t];
    const end = ends[t];
    // a one-character piece may be punctuation (attached) or CJK (unspaced after CJK), as in joinTokens
    const single = end - start === 1 ? text.charCodeAt(start) : -1;
    const cjk = single >= 0 && isCjkChar(single);
    if (t > from && !(single >= 0 && isPunctChar(single)) && !(cjk && previousCjk)) put(32);
    for (let k = start; k < end; k++) put(text.charCodeAt(k));
    previousCjk = cjk;
  }
}

/** Per UTF-16 code unit beyond ASCII: 0 not known yet, 1 alone it is punctuation for `joinTokens`, 2 not. */
const punctBeyondAscii = new Uint8Array(65536);

/** True when the one-character piece with this code is punctuation for `joinTokens` (`isPunctText`). */
function isPunctChar(c: number): boolean {
  if (c < 128) return ASCII_CLASS[c] < 2 || c === 95;
  let known = punctBeyondAscii[c];
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 2 : 1;
    punctBeyondAscii[c] = known;
  }
  return known === 1;
}

/** Normalises and masks a prompt in one call: the masked text (allocates; for tests and tools). */
export function normalise(prompt: string, options: BoundOptions = {}): string {
  return maskedText(scan(prompt, options));
}
