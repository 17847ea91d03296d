/**
 * Trigger words: one pass over the token hashes the scanner already computed tells which
 * capability regexes (tags.ts) could possibly match, so they only run on the prompts that contain
 * a trigger, and whether the extraction concept scan is needed at all (`T_EXTRACTION`, the anchor
 * words of concept-lexicon.ts) and should read Spanish, French and German stems (`FOREIGN`). A
 * word's hash is looked up in a small open-addressing table of bit flags; a few two-word cues
 * ("how many") are checked on the previous word. Punctuation that gates the code and math
 * patterns is collected in the same pass.
 *
 * The table covers English and the Latin-script extraction languages (Spanish, French, German);
 * fingerprint() uses it only for Latin-script English text: prompts with other scripts or in
 * another language run every capability regex and the full concept scan, so a trigger list can
 * never make a tag unreachable there.
 */
import { anchorWords } from './concept-lexicon.js';
import { hashString } from './hash.js';
import { CODE, ID, PUNCT, STR, type TokenStream, WORD } from './normalise.js';

/** Word flags (capability cues). */
export const T_CODE = 16;
export const T_CODE_SYNTAX = 32;
export const T_CODE_NOUN = 64;
export const T_MATH = 128;
export const T_MATH_WEAK = 256;
export const T_NUMBER_WORD = 512;
export const T_TOOL = 1024;
export const T_AGENT = 2048;
export const T_REASONING = 4096;
export const T_WRITING = 8192;
export const T_TRANSLATION = 16384;

/** A Spanish, French or German extraction word: the concept scan reads es/fr/de stems. */
export const FOREIGN = 1 << 16;

/**
 * A word (or `<`, `>`, `[`, or a quoted literal, identifier or code block, which hide words from
 * the token hashes) without which no extraction tag can fire on plain-ASCII English text
 * (concept-lexicon.ts `anchorWords`): prompts without one skip the concept scan.
 */
export const T_EXTRACTION = 1 << 28;

/** Punctuation flags. */
export const P_CODE = 1;
export const P_MATH = 2;

const WORDS: [number, string][] = [
  [
    FOREIGN,
    'réponse réponses reformula reformule reescribe reescriba censurado censurada censurar zensiert zensieren censuré censurée censurer laut paso piensa pensemos piense razona razonemos razone razonamiento pensamiento étape réfléchis réfléchissons réfléchissez raisonne raisonnons raisonnez raisonnement pensée pense pensons pensez cheminement schritt denk denke denkt denken gedankengang gedankengänge gedankenkette denkprozess überlegungen überleg überlege überlegen argumentationskette califica calífica califique evalúa evalúe puntúa puntúe juez rúbrica évalue évaluez notez attribue attribuez barème grille juge bewerte bewerten benote benoten beurteile beurteilen richter bewerter bewertungsraster bewertungskriterien skala escala échelle unparteiischer unparteiische instrucciones tareas indicaciones tâches consignes aufgaben anweisungen aufgabenstellungen instruktionen censura censores censure censeurs zensur zensoren politisch politiquement políticamente',
  ],
  [
    T_CODE,
    'python javascript typescript java golang rust kotlin swift php ruby scala haskell sql html css bash powershell regex compiler compile debug debugging stacktrace segfault exception traceback refactor git docker kubernetes react django flask algorithm leetcode recursion programming código programa programme programmieren',
  ],
  [
    T_CODE_SYNTAX,
    'def class function import from include public const let var fn select div html script body span console system',
  ],
  [T_CODE_NOUN, 'code function script program query class method snippet module endpoint'],
  [
    T_MATH,
    'solve calculate compute simplify integral integrate derivative differentiate equation equations inequality probability theorem prove factorize factorise percent percentage average ratio fraction fractions algebra geometry triangle polynomial matrix matrices logarithm remainder divisible arithmetic variance sum calcula calcule berechne gleichung ecuación équation',
  ],
  [
    T_MATH_WEAK,
    'total altogether remaining each per twice half dozen cost costs price discount profit percent faster older younger',
  ],
  [
    T_NUMBER_WORD,
    'one two three four five six seven eight nine ten eleven twelve twenty thirty hundred thousand half twice double triple dozen quarter third',
  ],
  [T_TOOL, 'function functions tool tools call calls calling api parameters schema'],
  [T_AGENT, 'observation action tool function environment agent accessibility page terminal'],
  [
    T_REASONING,
    'logic logical puzzle riddle deduce deduction infer inference following true false syllogism paradox premise premises conclusion valid step step-by-step why brainteaser options',
  ],
  [T_WRITING, 'write compose draft rewrite edit proofread polish'],
  [
    T_TRANSLATION,
    'translate translation translating translated say english spanish french german chinese japanese korean russian italian portuguese arabic hindi',
  ],
];

const SIZE = 1 << 12;
const keys = new Int32Array(SIZE);
const flags = new Int32Array(SIZE);
const used = new Uint8Array(SIZE);

function slotOf(hash: number): number {
  let slot = hash & (SIZE - 1);
  while (used[slot] === 1 && keys[slot] !== hash) slot = (slot + 1) & (SIZE - 1);
  return slot;
}

for (const [flag, list] of WORDS) {
  for (const word of list.split(' ')) {
    const hash = hashString(word.normalize('NFKC'));
    const slot = slotOf(hash);
    used[slot] = 1;
    keys[slot] = hash;
    flags[slot] |= flag;
  }
}

for (const word of anchorWords()) {
  const hash = hashString(word);
  const slot = slotOf(hash);
  used[slot] = 1;
  keys[slot] = hash;
  flags[slot] |= T_EXTRACTION;
}

const HOW = hashString('how');
const HOW_MATH = new Set(['many', 'much'].map((w) => hashString(w)));
const HOW_WEAK = new Set(['long', 'old', 'far', 'fast', 'tall', 'often'].map((w) => hashString(w)));

/** Word and punctuation flags of a scanned prompt. */
export interface Triggers {
  words: number;
  punct: number;
}

/** True when only spaces, tabs, `#`, `<` or `/` stand between the line start and `start`. */
function atLineStart(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0) {
    const c = text.charCodeAt(k);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13 && c !== 35 && c !== 60 && c !== 47) return false;
    k--;
  }
  return true;
}

/** The trigger flags of a token stream, in one pass. */
export function triggersOf(s: TokenStream): Triggers {
  let words = 0;
  let punct = 0;
  let previous = 0;
  for (let t = 0; t < s.count; t++) {
    const kind = s.kinds[t];
    if (kind === WORD) {
      const hash = s.hashes[t];
      const slot = slotOf(hash);
      if (used[slot] === 1) {
        const f = flags[slot];
        // code syntax words gate a line-anchored pattern: only count them at a line start
        words |= (f & T_CODE_SYNTAX) === 0 || atLineStart(s.text, s.starts[t]) ? f : f & ~T_CODE_SYNTAX;
      }
      if (previous === HOW) {
        if (HOW_MATH.has(hash)) words |= T_MATH;
        else if (HOW_WEAK.has(hash)) words |= T_MATH_WEAK;
      }
      previous = hash;
    } else if (kind === PUNCT) {
      const c = s.text.charCodeAt(s.starts[t]);
      if (c === 123 || c === 125 || c === 59 || c === 62) punct |= P_CODE;
      if (c === 60 || c === 62 || c === 91) words |= T_EXTRACTION;
      if (
        c === 36 ||
        c === 92 ||
        c === 43 ||
        c === 42 ||
        c === 47 ||
        c === 94 ||
        c === 61 ||
        c === 215 ||
        c === 247 ||
        (c >= 0x2200 && c < 0x2300)
      )
        punct |= P_MATH;
      previous = 0;
    } else {
      // quoted literals, identifiers and code hide words from the hashes: scan such prompts
      const mask = s.maskTypes[t];
      if (mask === STR || mask === ID || mask === CODE) words |= T_EXTRACTION;
      previous = 0;
    }
  }
  return { words, punct };
}
