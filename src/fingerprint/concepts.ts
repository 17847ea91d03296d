/**
 * Concept scanner for the extraction tags: one pass over the normalised (lowercased, NFKC) text
 * finds the cue words of every extraction concept in every supported language and records each
 * as a hit (roles, span, sentence). tags.ts then composes hits into tags ("a disclosure verb + the
 * model's own reasoning + a completeness cue, within a window"), which generalises to wordings
 * nobody listed, where literal patterns do not.
 *
 * How words are matched, without regular expressions and without allocating:
 * - alphabetic scripts (Latin, Cyrillic, ...): a word is hashed while it is read (FNV-1a) and
 *   looked up in an open-addressing table; phrases ("chain of thought") are followed word by word
 *   through prefix entries; stems (`рассужд*`) are looked up at each prefix length, for Cyrillic
 *   words always and for other words only when `stems` is on (text that may be es/fr/de), and
 *   so are `~word` entries (foreign words that are also English words: `note`, `ton`, `du`);
 * - Han, kana and Hangul: n-grams of up to 8 characters ending at a character are looked up,
 *   only when that character ends some entry (a 64 K-bit filter); Hangul n-grams may span spaces;
 * - digits: numbers, and number ranges ("1 to 10", "1-5", "0到5") as a scale cue;
 * - markup: a reasoning word inside `<...>` (`<thinking>`, `<your reasoning>`) or as a field label
 *   at a line start (`Thought:`), and `[[A]]` verdict slots.
 *
 * Lexicons live in concept-lexicon.ts (small, per role and language, documented there).
 */
import { fmix32 } from './hash.js';

/** One lexicon row: roles (two 32-bit role words) and the entries carrying them. */
export interface LexiconRow {
  a: number;
  b: number;
  /** Entries separated by `|`: words, phrases (words separated by spaces), `stem*`, CJK n-grams. */
  entries: string;
}

const SIZE = 1 << 14;
const MASK = SIZE - 1;
const keys = new Int32Array(SIZE);
const rolesA = new Int32Array(SIZE);
const rolesB = new Int32Array(SIZE);
/** Bit 1: an entry ends here; bit 2: a longer phrase continues from here. */
const kinds = new Uint8Array(SIZE);
const used = new Uint8Array(SIZE);
/** Characters that end some n-gram entry (Han, kana, Hangul). */
const ngramEnds = new Uint8Array(65536 >> 3);
/** Prefix lengths at which some Cyrillic / other stem ends (bit n for length n, n < 31). */
let cyrillicStemLengths = 0;
let otherStemLengths = 0;
/** First characters of stems: a word starting with another character is not probed for stems. */
const stemStarts = new Uint8Array(65536 >> 3);

const COMPLETE = 1;
const PREFIX = 2;
const STEM_SALT = 0x2f6b1c3d;
const NGRAM_SALT = 0x51ed27a9;
const FOREIGN_SALT = 0x7a3c9e15;
const MAX_NGRAM = 8;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function slotOf(key: number): number {
  let slot = (key ^ (key >>> 14)) & MASK;
  while (used[slot] === 1 && keys[slot] !== key) slot = (slot + 1) & MASK;
  return slot;
}

function put(key: number, a: number, b: number, kind: number): void {
  const slot = slotOf(key);
  if (used[slot] === 0) {
    used[slot] = 1;
    keys[slot] = key;
  }
  rolesA[slot] |= a;
  rolesB[slot] |= b;
  kinds[slot] |= kind;
}

function fnv(text: string, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Phrase chaining: the key of a phrase extended by one more word. */
function chain(prefix: number, word: number): number {
  return fmix32(Math.imul(prefix, 0x9e3779b1) ^ word);
}

/** Character classes of the scanner. */
const OTHER = 0;
const WORD_CHAR = 1;
const DIGIT = 2;
const NGRAM = 3;
const HANGUL = 4;

function classOf(c: number): number {
  if (c < 128) {
    if ((c >= 97 && c <= 122) || c === 95) return WORD_CHAR;
    if (c >= 48 && c <= 57) return DIGIT;
    if (c >= 65 && c <= 90) return WORD_CHAR;
    return OTHER;
  }
  if (c >= 0xac00 && c <= 0xd7a3) return HANGUL;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf))
    return NGRAM;
  if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) return WORD_CHAR;
  if (c >= 0x370 && c <= 0x52f) return WORD_CHAR;
  return OTHER;
}

/** Class of every UTF-16 code unit, precomputed (one array read per character in the scan). */
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) CLASS[c] = classOf(c);

function isNgramScript(c: number): boolean {
  const k = classOf(c);
  return k === NGRAM || k === HANGUL;
}

/** A word standing for lexicon entries: the roles its entries carry (see `wordHints`). */
export interface WordHint {
  /** fmix32(FNV-1a) of the word, as the normaliser and this scanner hash words. */
  hash: number;
  a: number;
  b: number;
  /** The word names a reasoning section: written as markup (`<thinking>`, `Thought:`) it also carries the markup roles. */
  markup: boolean;
}

/** A phrase of common words only ("your work", "come up with"): its roles need all its words. */
export interface PhraseHint {
  hashes: number[];
  a: number;
  b: number;
}

const hints: WordHint[] = [];
const phraseHints: PhraseHint[] = [];

/** Frequent English words: a phrase is represented by another of its words when it has one. */
const COMMON = new Set(
  (
    'a an the of to in on at by for from with about as into out up and or but not no is are be was ' +
    'do does it its this that these those there here how what which who why when where all any ' +
    'each every some one two first second only just also more most very can will would should ' +
    'could may might must me my i we our you your he she they them his her their us give take make ' +
    'get go come use used put let see say tell work way well good new own same other than then so'
  ).split(' '),
);

/**
 * What the scan gate of triggers.ts reads. For each whole-word or phrase entry (not stems,
 * `~words` or CJK n-grams) one word stands for it with the entry's roles (its longest uncommon
 * word); a phrase of common words only is listed whole instead. A scan of text without any such
 * word or phrase words, without digits, without `[` and without a reasoning-section name followed
 * by `>` or `:` emits no roles (stems and n-grams aside).
 */
export function wordHints(): { words: readonly WordHint[]; phrases: readonly PhraseHint[] } {
  return { words: hints, phrases: phraseHints };
}

/** Roles the scanner emits without a lexicon word: for digits (numbers, ranges), `[[` verdict slots and markup. */
export function symbolHints(): { digitA: number; digitB: number; bracketA: number; markupA: number } {
  return {
    digitA: special.rangeA,
    digitB: special.numberB,
    bracketA: special.verdictA,
    markupA: special.markupA,
  };
}

/** Loads the lexicon rows and the scanner's own roles (called once, by concept-lexicon.ts). */
export function addLexicon(rows: LexiconRow[], roles: SpecialRoles): void {
  Object.assign(special, roles);
  for (const { a, b, entries } of rows) {
    for (const raw of entries.split('|')) {
      const entry = raw.trim();
      if (entry === '') continue;
      if (isNgramScript(entry.charCodeAt(0))) {
        const n = entry.length;
        if (n > MAX_NGRAM) throw new RangeError(`n-gram entry longer than ${MAX_NGRAM}: ${entry}`);
        put(fmix32(fnv(entry, 0, n)) ^ NGRAM_SALT, a, b, COMPLETE);
        const last = entry.charCodeAt(n - 1);
        ngramEnds[last >> 3] |= 1 << (last & 7);
        continue;
      }
      if (entry.startsWith('~')) {
        const word = entry.slice(1);
        put(fmix32(fnv(word, 0, word.length)) ^ FOREIGN_SALT, a, b, COMPLETE);
        continue;
      }
      if (entry.endsWith('*')) {
        const stem = entry.slice(0, -1);
        put(fmix32(fnv(stem, 0, stem.length)) ^ STEM_SALT, a, b, COMPLETE);
        const c = stem.charCodeAt(0);
        stemStarts[c >> 3] |= 1 << (c & 7);
        if (c >= 0x400 && c <= 0x4ff) cyrillicStemLengths |= 1 << Math.min(stem.length, 30);
        else otherStemLengths |= 1 << Math.min(stem.length, 30);
        continue;
      }
      const words = entry.split(/[\s'’-]+/).filter((w) => w !== '');
      const uncommon = words.filter((w) => !COMMON.has(w));
      if (words.length > 1 && uncommon.length === 0) {
        phraseHints.push({ hashes: words.map((w) => fmix32(fnv(w, 0, w.length))), a, b });
      } else {
        // the longest uncommon word (the rarest) stands for the entry
        const rarest = (uncommon.length > 0 ? uncommon : words).reduce((x, y) =>
          y.length > x.length ? y : x,
        );
        const markup = words.length === 1 && (a & roles.tagNameA) !== 0;
        hints.push({ hash: fmix32(fnv(rarest, 0, rarest.length)), a, b, markup });
      }
      let key = fmix32(fnv(words[0], 0, words[0].length));
      for (let i = 1; i < words.length; i++) {
        put(key, 0, 0, PREFIX);
        key = chain(key, fmix32(fnv(words[i], 0, words[i].length)));
      }
      put(key, a, b, COMPLETE);
    }
  }
}

/** Hits of the last scan (shared scratch, valid until the next scan). */
export interface Hits {
  count: number;
  a: Int32Array;
  b: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Sentence index: incremented at line ends and at . ! ? 。 ！ ？ followed by a space. */
  sentence: Int32Array;
  /** Union of the roles of every hit (a superset when a longer n-gram replaced shorter ones). */
  allA: number;
  allB: number;
}

let capacity = 256;
const hits: Hits = {
  count: 0,
  a: new Int32Array(capacity),
  b: new Int32Array(capacity),
  start: new Int32Array(capacity),
  end: new Int32Array(capacity),
  sentence: new Int32Array(capacity),
  allA: 0,
  allB: 0,
};

function grow(): void {
  capacity *= 2;
  const more = (x: Int32Array) => {
    const y = new Int32Array(capacity);
    y.set(x);
    return y;
  };
  hits.a = more(hits.a);
  hits.b = more(hits.b);
  hits.start = more(hits.start);
  hits.end = more(hits.end);
  hits.sentence = more(hits.sentence);
}

function emit(slot: number, start: number, end: number, sentence: number): void {
  const a = rolesA[slot];
  const b = rolesB[slot];
  if ((a | b) === 0) return;
  emitRoles(a, b, start, end, sentence);
}

function emitRoles(a: number, b: number, start: number, end: number, sentence: number): void {
  if (hits.count === capacity) grow();
  const i = hits.count++;
  hits.a[i] = a;
  hits.b[i] = b;
  hits.start[i] = start;
  hits.end[i] = end;
  hits.sentence[i] = sentence;
  hits.allA |= a;
  hits.allB |= b;
}

/** Roles the scanner emits itself, for cues that are not words of the lexicon. */
export interface SpecialRoles {
  /** A word of a `tagNameA` entry written as markup (`<thinking>`, `</reasoning>`). */
  markupA: number;
  /** The role marking entries that name a reasoning section. */
  tagNameA: number;
  /** `[[A]]`, `[[rating]]` verdict slots. */
  verdictA: number;
  /** A number range such as "1 to 10", "1-5", "от 1 до 10" (not a percentage). */
  rangeA: number;
  /** Any number that is not a decimal or a version (2.5, v1.3). */
  numberB: number;
}

const special: SpecialRoles = { markupA: 0, tagNameA: 0, verdictA: 0, rangeA: 0, numberB: 0 };

/**
 * Where the reasoning-section markup around the word [start, end) begins, or -1: `<thinking>`,
 * `</reasoning>`, a placeholder `<your reasoning>`, or a field label at a line start
 * (`Thought:`, `## Reasoning:`).
 */
function markupAround(text: string, start: number, end: number): number {
  const next = end < text.length ? text.charCodeAt(end) : 0;
  if (next === 62) {
    for (let k = start - 1; k >= 0 && k >= start - 24; k--) {
      const c = text.charCodeAt(k);
      if (c === 60) return k;
      if (c === 10 || c === 62) return -1;
    }
    return -1;
  }
  if (next !== 58) return -1;
  for (let k = start - 1; k >= 0 && k >= start - 4; k--) {
    const c = text.charCodeAt(k);
    if (c === 10) return start;
    if (c !== 32 && c !== 9 && c !== 35 && c !== 42 && c !== 45) return -1;
  }
  return start <= 4 ? start : -1;
}

const RANGE_LINKS = new Set([
  '-',
  '–',
  '—',
  '~',
  '〜',
  '～',
  'to',
  'and',
  '到',
  '至',
  'до',
  'al',
  'a',
  'à',
  'bis',
  'から',
  '에서',
  '/',
  'or',
  '점에서',
  '점~',
  '점 ~',
  '점부터',
  'y',
  'et',
  'und',
  'и',
  'from',
]);

/** Scans a lowercased text into the shared hit list. `stems` enables Latin-script stems. */
export function scanConcepts(text: string, stems = true): Hits {
  hits.count = 0;
  hits.allA = 0;
  hits.allB = 0;
  scanSpan(text, stems, 0, text.length, 0);
  return hits;
}

/**
 * Scans only some spans of a lowercased text: `spans` holds ascending [from, to) pairs, each
 * starting and ending at a sentence boundary (the scan gate's admitted sentences with their
 * neighbours, triggers.ts). A span's hits are those of a scan of the whole text within it; two
 * spans are numbered two sentences apart, so they never look like neighbours.
 */
export function scanConceptSpans(text: string, stems: boolean, spans: Int32Array): Hits {
  hits.count = 0;
  hits.allA = 0;
  hits.allB = 0;
  let sentence = 0;
  for (let k = 0; k < spans.length; k += 2)
    sentence = scanSpan(text, stems, spans[k], spans[k + 1], sentence) + 2;
  return hits;
}

/** Scans text[from, to) into the hit list, numbering sentences from `first`; returns the last sentence number. */
function scanSpan(text: string, stems: boolean, from: number, to: number, first: number): number {
  const n = to;
  let sentence = first;
  // phrase state: up to two open phrase prefixes (key, start)
  let openKey1 = 0;
  let openStart1 = -1;
  let openKey2 = 0;
  let openStart2 = -1;
  let lastNumberStart = -1;
  let lastNumberEnd = -10;
  let ngramRun = 0;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    const kind = CLASS[c];
    if (kind === WORD_CHAR) {
      const start = i;
      let h = FNV_OFFSET;
      const cyrillic = c >= 0x400 && c <= 0x4ff;
      const stemLengths =
        (stemStarts[c >> 3] & (1 << (c & 7))) === 0
          ? 0
          : cyrillic
            ? cyrillicStemLengths
            : stems
              ? otherStemLengths
              : 0;
      const probeStems = stemLengths !== 0;
      const firstStemHit = hits.count;
      while (i < n) {
        const d = text.charCodeAt(i);
        const k = CLASS[d];
        if (k !== WORD_CHAR && k !== DIGIT) break;
        h = Math.imul(h ^ d, FNV_PRIME);
        i++;
        const length = i - start;
        if (probeStems && length < 31 && (stemLengths & (1 << length)) !== 0) {
          const slot = slotOf(fmix32(h) ^ STEM_SALT);
          if (used[slot] === 1) emit(slot, start, i, sentence);
        }
      }
      for (let k = firstStemHit; k < hits.count; k++) hits.end[k] = i; // a stem's cue is its whole word
      ngramRun = 0;
      const word = fmix32(h);
      let next1 = 0;
      let nextStart1 = -1;
      let next2 = 0;
      let nextStart2 = -1;
      // continue open phrases
      if (openStart1 >= 0) {
        const slot = slotOf(chain(openKey1, word));
        if (used[slot] === 1) {
          if ((kinds[slot] & COMPLETE) !== 0) emit(slot, openStart1, i, sentence);
          if ((kinds[slot] & PREFIX) !== 0) {
            next1 = keys[slot];
            nextStart1 = openStart1;
          }
        }
      }
      if (openStart2 >= 0) {
        const slot = slotOf(chain(openKey2, word));
        if (used[slot] === 1) {
          if ((kinds[slot] & COMPLETE) !== 0) emit(slot, openStart2, i, sentence);
          if ((kinds[slot] & PREFIX) !== 0) {
            if (nextStart1 < 0) {
              next1 = keys[slot];
              nextStart1 = openStart2;
            } else {
              next2 = keys[slot];
              nextStart2 = openStart2;
            }
          }
        }
      }
      const slot = slotOf(word);
      if (used[slot] === 1) {
        if ((kinds[slot] & COMPLETE) !== 0) {
          emit(slot, start, i, sentence);
          if ((rolesA[slot] & special.tagNameA) !== 0) {
            const markup = markupAround(text, start, i);
            if (markup >= 0) emitRoles(special.markupA, 0, markup, i + 1, sentence);
          }
        }
        if ((kinds[slot] & PREFIX) !== 0) {
          if (nextStart1 < 0) {
            next1 = word;
            nextStart1 = start;
          } else {
            next2 = word;
            nextStart2 = start;
          }
        }
      }
      if (stems) {
        const foreign = slotOf(word ^ FOREIGN_SALT);
        if (used[foreign] === 1) emit(foreign, start, i, sentence);
      }
      openKey1 = next1;
      openStart1 = nextStart1;
      openKey2 = next2;
      openStart2 = nextStart2;
      continue;
    }
    if (kind === DIGIT) {
      const start = i;
      while (i < n && CLASS[text.charCodeAt(i)] === DIGIT) i++;
      // a count, not a version or a decimal (2.5, v1.3)
      const decimal =
        (start > 0 && text.charCodeAt(start - 1) === 46) ||
        (text.charCodeAt(i) === 46 && CLASS[text.charCodeAt(i + 1)] === DIGIT);
      if (special.numberB !== 0 && !decimal) emitRoles(0, special.numberB, start, i, sentence);
      if (
        lastNumberStart >= 0 &&
        start - lastNumberEnd <= 6 &&
        text.charCodeAt(i) !== 37 &&
        RANGE_LINKS.has(text.slice(lastNumberEnd, start).trim())
      )
        emitRoles(special.rangeA, 0, lastNumberStart, i, sentence);
      lastNumberStart = start;
      lastNumberEnd = i;
      ngramRun = 0;
      continue;
    }
    if (kind === NGRAM || kind === HANGUL) {
      ngramRun++;
      if ((ngramEnds[c >> 3] & (1 << (c & 7))) !== 0) {
        const longest = Math.min(ngramRun, MAX_NGRAM);
        for (let len = 1; len <= longest; len++) {
          const slot = slotOf(fmix32(fnv(text, i + 1 - len, i + 1)) ^ NGRAM_SALT);
          if (used[slot] === 1 && (rolesA[slot] | rolesB[slot]) !== 0) {
            // a longer n-gram replaces the shorter ones inside it (思考の連鎖 is not also 思考)
            while (
              hits.count > 0 &&
              hits.start[hits.count - 1] >= i + 1 - len &&
              hits.end[hits.count - 1] <= i + 1
            )
              hits.count--;
            emit(slot, i + 1 - len, i + 1, sentence);
          }
        }
      }
      openStart1 = -1;
      openStart2 = -1;
      i++;
      continue;
    }
    // other characters
    if (c === 10) {
      sentence++;
      openStart1 = -1;
      openStart2 = -1;
      ngramRun = 0;
    } else if (c === 32 && ngramRun > 0 && i > 0 && CLASS[text.charCodeAt(i - 1)] === HANGUL) {
      ngramRun++; // Hangul n-grams may span one space ("추론 과정")
    } else if (c === 91 && text.charCodeAt(i + 1) === 91) {
      const close = text.indexOf(']]', i + 2);
      if (close > i + 2 && close - i <= 12) emitRoles(special.verdictA, 0, i, close + 2, sentence);
      ngramRun = 0;
    } else if (c === 0x3002 || c === 0xff01 || c === 0xff1f) {
      sentence++;
      openStart1 = -1;
      openStart2 = -1;
      ngramRun = 0;
    } else if (c === 46 || c === 33 || c === 63) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 32;
      if (next === 32 || next === 10 || next === 9) sentence++;
      openStart1 = -1;
      openStart2 = -1;
      ngramRun = 0;
    } else {
      ngramRun = 0;
    }
    i++;
  }
  return sentence;
}
