/**
 * Trigger words: one pass over the token hashes the scanner already computed tells which
 * capability regexes (tags.ts) could possibly match, so they only run on the prompts that contain
 * a trigger, whether the extraction concept scan is needed at all (`T_EXTRACTION`) and whether it
 * should read Spanish, French and German stems (`FOREIGN`). A word's hash is looked up in a small
 * open-addressing table of bit flags; a few two-word cues ("how many") are checked on the previous
 * word. Punctuation that gates the code and math patterns is collected in the same pass.
 *
 * The scan gate: the same lookup gives the extraction roles a word may carry (each lexicon entry
 * is stood for by its rarest word, concepts.ts `wordHints`; phrases of common words need all their
 * words); joined words (`step-by-step`) and the text of placeholders (quotes, identifiers, URLs,
 * code, numbers) are cut into words as the concept scanner cuts them; reasoning-section names
 * count as markup only before `>` or `:`. Roles are collected per sentence, since the scanner
 * composes a tag within one sentence (a binding marked `across` also sees the neighbours). If no
 * sentence's roles can compose a tag even ignoring distances and vetoes (compositions.ts
 * `composable`), the concept scan of a plain-ASCII English prompt cannot find one and is
 * skipped: 87% of the covered prompts of the bench mix (28% with the former anchor words).
 *
 * The table covers English and the Latin-script extraction languages (Spanish, French, German);
 * fingerprint() uses it only for Latin-script English text: prompts with other scripts or in
 * another language run every capability regex and the full concept scan, so a trigger list can
 * never make a tag unreachable there.
 */
import './concept-lexicon.js';
import { anywhereVetoes, composable } from './compositions.js';
import { symbolHints, wordHints } from './concepts.js';
import { FNV_OFFSET, FNV_PRIME, fmix32, hashString } from './hash.js';
import { LANGUAGE_WORDS, latinVerdict, stopwordMasks } from './language.js';
import { ELIDED, ID, LATIN, PUNCT, STR, type TokenStream, URL, WORD } from './normalise.js';

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
 * Partner words of two-part capability patterns (a writing verb needs a writing noun, a code
 * verb a code noun, a tool phrase its two words), flagged wherever the word occurs, also inside
 * joined words and placeholders, so a pattern whose partner is absent is not run on plain-ASCII
 * text (`T_ASCII`). In other text every pattern gated by its first flag runs, as before.
 */
export const T_WRITING_NOUN = 1 << 17;
export const T_CODE_VERB = 1 << 18;
export const TW_FUNCTION = 1 << 19;
export const TW_CALL = 1 << 20;
export const TW_TOOL = 1 << 21;
export const TW_TOOLS = 1 << 22;
export const TW_FUNCTIONS = 1 << 23;
export const TW_API = 1 << 24;
export const TW_AVAILABLE = 1 << 25;
export const TW_USE = 1 << 26;
export const TW_JSON = 1 << 27;
export const TW_SCHEMA = 1 << 15;
export const TW_STRONG = 1 << 0;
/**
 * The text's words are plain ASCII: every other character in it (dashes, curly quotes, arrows,
 * box drawing, emoji) separates words for the normaliser, the concept scanner and the patterns
 * alike. Partner gating and the concept-scan gate apply; the extraction tags read it as English.
 */
export const T_ASCII = 1 << 29;
/** Characters beyond ASCII that the normaliser or the concept scanner count as parts of words. */
const WORD_BEYOND_ASCII =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: code point ranges; the combining marks in them count as word parts on purpose
  /[\u00c0-\u024f\u0300-\u06ff\u0900-\u0e7f\u1100-\u11ff\u1e00-\u1fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

/** True when every word of a normalised text is plain ASCII (see `T_ASCII`). */
export function asciiWords(text: string): boolean {
  return !WORD_BEYOND_ASCII.test(text);
}
/** Flags that may come from words inside joined words and placeholders. */
const PARTNERS =
  T_WRITING_NOUN |
  T_CODE_VERB |
  TW_FUNCTION |
  TW_CALL |
  TW_TOOL |
  TW_TOOLS |
  TW_FUNCTIONS |
  TW_API |
  TW_AVAILABLE |
  TW_USE |
  TW_JSON |
  TW_SCHEMA |
  TW_STRONG;

/**
 * True when the words can make a tool-use phrase (necessary for the pattern in tags.ts); with the
 * adjacent pairs of the text (`Triggers.pairs`), the two-word phrases need their words side by side.
 */
export function toolPhrasePossible(words: number, pairs?: number): boolean {
  if (pairs !== undefined)
    return (
      (words & TW_STRONG) !== 0 ||
      (pairs & (PT_FUNCTION_CALL | PT_TOOL_CALL | PT_AVAILABLE_TOOLS | PT_JSON_SCHEMA)) !== 0 ||
      ((pairs & PT_CALL_THE) !== 0 && (words & (TW_FUNCTION | TW_TOOL | TW_API)) !== 0) ||
      ((pairs & PT_USE_THE) !== 0 && (words & TW_TOOL) !== 0)
    );
  return (
    (words & TW_STRONG) !== 0 ||
    ((words & TW_CALL) !== 0 && (words & (TW_FUNCTION | TW_TOOL | TW_API)) !== 0) ||
    ((words & TW_AVAILABLE) !== 0 && (words & (TW_TOOLS | TW_FUNCTIONS)) !== 0) ||
    ((words & TW_USE) !== 0 && (words & TW_TOOL) !== 0) ||
    ((words & TW_JSON) !== 0 && (words & TW_SCHEMA) !== 0)
  );
}

/**
 * Some extraction tag could fire on this text (plain-ASCII English): the roles its words may carry
 * (concepts.ts `wordHints`, `symbolHints`) compose some tag (compositions.ts `composable`).
 * Prompts without it skip the concept scan.
 */
export const T_EXTRACTION = 1 << 28;

/** Punctuation flags. */
export const P_CODE = 1;
export const P_MATH = 2;
/**
 * The math-symbol pattern (tags.ts) could match: a `\\frac`-like command, or a digit, operator,
 * digit whose spaces are not all ASCII, somewhere the pass could not prove it (set only when the
 * match is not proven, `SURE_MATH_SYMBOLS`). Every `$`, `\\` and operator of the text is checked,
 * in punctuation tokens and inside placeholders, so without it (and without a proof) the pattern
 * cannot match: it is not run on plain-ASCII text.
 */
export const P_MATH_OPEN = 4;
/**
 * The code-punctuation pattern (tags.ts: `=>`, `) {`, a `;` ending a line before a word) occurs:
 * every `>`, `{` and `;` of the text is checked where it stands, so without it the pattern is not
 * run on plain-ASCII text.
 */
export const P_CODE_OPEN = 8;

/**
 * Cue words of the reasoning and agentic patterns (tags.ts), in their own flags (`Triggers.cues`):
 * on plain-ASCII text a pattern runs only when the words of one of its alternatives all occur
 * (`reasoningPossible`, `agenticPossible`), like the partner words above. Collected wherever the
 * word occurs, also inside joined words and placeholders, since the patterns read the raw text.
 */
export const R_STRONG = 1 << 0;
export const R_WHICH = 1 << 1;
export const R_FOLLOWING = 1 << 2;
export const R_TRUE = 1 << 3;
export const R_FALSE = 1 << 4;
export const R_EXPLAIN = 1 << 5;
export const R_WHY = 1 << 6;
export const R_STEP = 1 << 7;
export const R_VALID = 1 << 8;
export const R_ARGUMENT = 1 << 9;
export const R_CONCLUSION = 1 << 10;
export const R_FOLLOWS = 1 << 11;
/** Cue words of the translation pattern. */
export const TR_SAY = 1 << 12;
export const TR_TRANSLATE = 1 << 13;
/** `(a)`, the first option of a multiple-choice list (seen on punctuation, not a word). */
export const R_OPTION_A = 1 << 14;
export const A_STRONG = 1 << 15;
export const A_ACTION = 1 << 16;
export const A_INPUT = 1 << 17;
export const A_TOOL = 1 << 18;
export const A_RESULTS = 1 << 19;
export const A_RESULT = 1 << 20;
export const A_FUNCTION = 1 << 21;
export const A_ENVIRONMENT = 1 << 22;
export const A_FEEDBACK = 1 << 23;
export const A_ACCESSIBILITY = 1 << 24;
export const A_TREE = 1 << 25;
export const A_CURRENT = 1 << 26;
export const A_PAGE = 1 << 27;
export const A_NEXT = 1 << 28;
export const A_TERMINAL = 1 << 29;
export const A_OUTPUT = 1 << 30;

const CUES: [number, string][] = [
  [
    R_STRONG,
    'logic logical puzzle riddle deduce deduction infer inference syllogism paradox premise premises brainteaser',
  ],
  [R_WHICH, 'which'],
  [R_FOLLOWING, 'following'],
  [R_TRUE, 'true'],
  [R_FALSE, 'false'],
  [R_EXPLAIN, 'explain'],
  [R_WHY, 'why'],
  [R_STEP, 'step'],
  [R_VALID, 'valid'],
  [R_ARGUMENT, 'argument'],
  [R_CONCLUSION, 'conclusion'],
  [R_FOLLOWS, 'follows'],
  [TR_SAY, 'say'],
  [TR_TRANSLATE, 'translate translation translating'],
  [A_STRONG, 'observation agent tool_result'],
  [A_ACTION, 'action'],
  [A_INPUT, 'input'],
  [A_TOOL, 'tool'],
  [A_RESULTS, 'result results output outputs response responses'],
  [A_RESULT, 'result output'],
  [A_FUNCTION, 'function'],
  [A_ENVIRONMENT, 'environment'],
  [A_FEEDBACK, 'feedback state'],
  [A_ACCESSIBILITY, 'accessibility'],
  [A_TREE, 'tree'],
  [A_CURRENT, 'current'],
  [A_PAGE, 'page webpage'],
  [A_NEXT, 'next'],
  [A_TERMINAL, 'terminal'],
  [A_OUTPUT, 'output'],
];

/**
 * True when the cue words can make the reasoning pattern match on plain-ASCII text. Its
 * alternatives without a leading word boundary (`options:` ... `(a)`, `logik`, `logique`,
 * `raisonnement`, `razonamiento`, `schlussfolger`) and the rare `brain teaser` are answered by
 * `(a)` and by substring searches.
 */
export function reasoningPossible(cues: number, text: string, pairs?: number): boolean {
  if (pairs !== undefined)
    return (
      (cues & (R_STRONG | R_OPTION_A)) !== 0 ||
      (pairs &
        (PR_STEP_BY_STEP |
          PR_WHICH_OF_THE_FOLLOWING |
          PR_TRUE_OR_FALSE |
          PR_EXPLAIN_WHY |
          PR_VALID_ARGUMENT |
          PR_CONCLUSION_FOLLOWS |
          PR_BRAIN_TEASER)) !==
        0 ||
      // substrings the pattern looks for inside words too (no `\b` before them)
      (text.includes('logi') && (text.includes('logik') || text.includes('logique'))) ||
      text.includes('razonamiento') ||
      text.includes('raisonnement') ||
      text.includes('schlussfolger')
    );
  return (
    (cues & (R_STRONG | R_STEP | R_OPTION_A)) !== 0 ||
    (cues & (R_WHICH | R_FOLLOWING)) === (R_WHICH | R_FOLLOWING) ||
    (cues & (R_TRUE | R_FALSE)) === (R_TRUE | R_FALSE) ||
    (cues & (R_EXPLAIN | R_WHY)) === (R_EXPLAIN | R_WHY) ||
    (cues & (R_VALID | R_ARGUMENT)) === (R_VALID | R_ARGUMENT) ||
    (cues & (R_CONCLUSION | R_FOLLOWS)) === (R_CONCLUSION | R_FOLLOWS) ||
    text.includes('teaser') ||
    text.includes('logi') ||
    text.includes('razonamiento') ||
    text.includes('raisonnement') ||
    text.includes('schlussfolger')
  );
}

const LANGUAGE_NAMES = [
  'english',
  'spanish',
  'french',
  'german',
  'chinese',
  'japanese',
  'korean',
  'russian',
  'italian',
  'portuguese',
  'arabic',
  'hindi',
];

/** `\s` of the patterns, and more (any control character): used to trim, so trimming too much only loosens a gate. */
function isSpaceLike(c: number): boolean {
  return (
    c <= 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * True when the cue words can make the translation pattern match on plain-ASCII text: a
 * translate word, `say` with `how`, a language name ending the text (`in english?`), or `traduc`.
 */
export function translationPossible(cues: number, text: string): boolean {
  if ((cues & TR_TRANSLATE) !== 0 || ((cues & TR_SAY) !== 0 && text.includes('how'))) return true;
  let end = text.length;
  const last = text.charCodeAt(end - 1);
  if (last === 63 || last === 46) end--;
  while (end > 0 && isSpaceLike(text.charCodeAt(end - 1))) end--;
  const tail = text.slice(Math.max(0, end - 10), end);
  for (const name of LANGUAGE_NAMES) if (tail.endsWith(name)) return true;
  return text.includes('traduc');
}

/**
 * True when the cue words can make the agentic pattern match on plain-ASCII text; with the
 * adjacent pairs of the text (`Triggers.pairs`), the two-word phrases need their words side by
 * side and `agent` needs `a`, `an`, `ai` or `autonomous` before it (`you are an ai agent`).
 */
export function agenticPossible(cues: number, pairs?: number): boolean {
  if (pairs !== undefined)
    return (
      (pairs &
        (PA_OBSERVATION |
          PA_ACTION_INPUT |
          PA_TOOL_RESULT |
          PA_FUNCTION_RESULT |
          PA_ENVIRONMENT_STATE |
          PA_ACCESSIBILITY_TREE |
          PA_CURRENT_PAGE |
          PA_NEXT_ACTION |
          PA_TERMINAL_OUTPUT |
          PA_AN_AGENT)) !==
      0
    );
  return (
    (cues & A_STRONG) !== 0 ||
    (cues & (A_ACTION | A_INPUT)) === (A_ACTION | A_INPUT) ||
    ((cues & A_TOOL) !== 0 && (cues & A_RESULTS) !== 0) ||
    ((cues & A_FUNCTION) !== 0 && (cues & A_RESULT) !== 0) ||
    ((cues & A_ENVIRONMENT) !== 0 && (cues & A_FEEDBACK) !== 0) ||
    (cues & (A_ACCESSIBILITY | A_TREE)) === (A_ACCESSIBILITY | A_TREE) ||
    (cues & (A_CURRENT | A_PAGE)) === (A_CURRENT | A_PAGE) ||
    (cues & (A_NEXT | A_ACTION)) === (A_NEXT | A_ACTION) ||
    (cues & (A_TERMINAL | A_OUTPUT)) === (A_TERMINAL | A_OUTPUT)
  );
}

/**
 * Matches proven while reading the tokens (`Triggers.sure`): the pattern would match, so it is
 * not run. Each proof checks the very characters the pattern needs.
 */
export const SURE_REASONING = 1;
export const SURE_MATH_SYMBOLS = 2;
export const SURE_TRANSLATION = 4;
export const SURE_WRITING = 8;
export const SURE_AGENTIC = 16;

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
    T_WRITING_NOUN,
    // English nouns (e-mail read as mail), and the articles the es/de alternatives need
    'story poem essay email mail letter blog article speech song lyrics post paragraph tweet slogan headline novel chapter script haiku limerick review un una ein eine einn einen',
  ],
  [
    T_CODE_VERB,
    'write fix debug implement refactor optimize optimise review explain convert translate complete',
  ],
  [TW_FUNCTION, 'function'],
  [TW_CALL, 'call calls calling'],
  [TW_TOOL, 'tool'],
  [TW_TOOLS, 'tools'],
  [TW_FUNCTIONS, 'functions'],
  [TW_API, 'api'],
  [TW_AVAILABLE, 'available'],
  [TW_USE, 'use'],
  [TW_JSON, 'json'],
  [TW_SCHEMA, 'schema'],
  [TW_STRONG, 'tool_choice parameters'],
  [
    T_TRANSLATION,
    'translate translation translating translated say english spanish french german chinese japanese korean russian italian portuguese arabic hindi',
  ],
];

/**
 * The word table: open addressing over the word hash. Each slot is a hash and an info word side
 * by side in one compact array (64 KiB, cache-resident: most words of a prompt are not in the
 * table and only probe it; ~2,000 words fill a quarter of it, so a miss reads ~1.3 slots, one
 * cache line); the info word holds the languages of a stopword (language.ts, `STOP_MASK`) and
 * whether the slot has a trigger record (`TRIGGER_SLOT`). A trigger word has a 16-byte record
 * beside it: flags, extraction roles of the first and second word, common-word phrase bits. An
 * empty slot has hash 0 (no table word hashes to 0: checked).
 */
const SIZE = 1 << 13;
const keys = new Int32Array(SIZE * 2);
const STOP_MASK = 0xffff;
const TRIGGER_SLOT = 1 << 16;
const records = new Int32Array(SIZE * 4);
/** Table-only flag (never returned): a reasoning-section name, markup before `>` or `:`. */
const MARKUP_NAME = 1 << 30;

/** The slot of a word hash: its own, or the empty one where it would go. */
function slotOf(hash: number): number {
  let slot = hash & (SIZE - 1);
  while (keys[slot * 2] !== 0 && keys[slot * 2] !== hash) slot = (slot + 1) & (SIZE - 1);
  return slot;
}

/** The record offset of a table word, its slot created when absent. */
function recordFor(hash: number): number {
  if (hash === 0) throw new RangeError('a trigger word hashes to 0, the empty-slot mark');
  const slot = slotOf(hash);
  keys[slot * 2] = hash;
  return slot * 4;
}

for (const [flag, list] of WORDS) {
  for (const word of list.split(' ')) records[recordFor(hashString(word.normalize('NFKC')))] |= flag;
}
/** Cue flags of a word by slot (see `CUES`). */
const cueRecords = new Int32Array(SIZE);
for (const [flag, list] of CUES) {
  for (const word of list.split(' ')) cueRecords[recordFor(hashString(word)) >> 2] |= flag;
}
/**
 * Whole words of the patterns, by slot: a token that is one of them, between word boundaries,
 * proves a match of the reasoning or translation pattern, or is half of the writing pattern (a
 * verb, then a noun within 40 characters of one line) or of the agentic `terminal output`. The
 * word is kept to check the token's text.
 */
const proofWords: string[] = new Array<string>(SIZE).fill('');
const proofs = new Uint8Array(SIZE);
/** Table-only proof kinds (never returned): halves of the writing and agentic patterns. */
const WRITING_VERB = 16;
const WRITING_NOUN = 32;
const TERMINAL = 64;
const OUTPUT = 128;
for (const [proof, list] of [
  [SURE_REASONING, CUES[0][1]],
  [SURE_TRANSLATION, 'translate translation translating'],
  [WRITING_VERB, 'write compose draft rewrite edit proofread polish'],
  [
    WRITING_NOUN,
    'story poem essay email letter blog article speech song lyrics post paragraph tweet slogan headline novel chapter script haiku limerick review',
  ],
  [TERMINAL, 'terminal'],
  [OUTPUT, 'output'],
] as [number, string][]) {
  for (const word of list.split(' ')) {
    const slot = recordFor(hashString(word)) >> 2;
    proofWords[slot] = word;
    proofs[slot] = proof;
  }
}

const HINTS = wordHints();
for (const { hash, a, b, markup } of HINTS.words) {
  const r = recordFor(hash);
  records[r + 1] |= a;
  records[r + 2] |= b;
  if (markup) records[r] |= MARKUP_NAME;
}
/** A bit per word of the common-word phrases: their roles need every word of the phrase. */
const phraseWords = new Map<number, number>();
/** Per common-word phrase: the bits of its words and its roles. */
const PHRASES = HINTS.phrases.map(({ hashes, a, b }) => {
  let mask = 0;
  for (const hash of hashes) {
    let bit = phraseWords.get(hash);
    if (bit === undefined) {
      bit = 1 << phraseWords.size;
      if (phraseWords.size >= 31) throw new RangeError('more than 31 words in common-word phrases');
      phraseWords.set(hash, bit);
      records[recordFor(hash) + 3] |= bit;
    }
    mask |= bit;
  }
  return { mask, a, b };
});
const SYMBOLS = symbolHints();

/**
 * Adjacent words of the capability patterns (`Triggers.pairs`): on plain-ASCII text a pattern
 * alternative `A\s+B` can only match where word B follows word A across whitespace alone. When
 * the pass meets a table word that ends such a phrase (B, wherever it occurs: as a token, inside a
 * joined word or a placeholder), it reads the word before it in the text, as the pattern does:
 * at least one `\s` character back, then a maximal run of `\w`, compared by hash (a collision only
 * loosens the gate). So a pattern runs only when one of its phrases is really there, not when
 * its words merely occur somewhere; words not in the table cost nothing more.
 */
export const PA_OBSERVATION = 1 << 0;
export const PA_ACTION_INPUT = 1 << 1;
export const PA_TOOL_RESULT = 1 << 2;
export const PA_FUNCTION_RESULT = 1 << 3;
export const PA_ENVIRONMENT_STATE = 1 << 4;
export const PA_ACCESSIBILITY_TREE = 1 << 5;
export const PA_CURRENT_PAGE = 1 << 6;
export const PA_NEXT_ACTION = 1 << 7;
export const PA_TERMINAL_OUTPUT = 1 << 8;
export const PA_AN_AGENT = 1 << 9;
export const PR_WHICH_OF_THE_FOLLOWING = 1 << 10;
export const PR_TRUE_OR_FALSE = 1 << 11;
export const PR_CONCLUSION_FOLLOWS = 1 << 12;
export const PR_VALID_ARGUMENT = 1 << 13;
export const PR_STEP_BY_STEP = 1 << 14;
export const PR_EXPLAIN_WHY = 1 << 15;
export const PT_FUNCTION_CALL = 1 << 16;
export const PT_TOOL_CALL = 1 << 17;
export const PT_AVAILABLE_TOOLS = 1 << 18;
export const PT_JSON_SCHEMA = 1 << 19;
/** `call the` and `use the` (`call\s+the\s+(?:\w+\s+)?function`, `use\s+the\s+(?:\w+\s+)?tool`). */
export const PT_CALL_THE = 1 << 20;
export const PT_USE_THE = 1 << 21;
/** A writing noun starts at most 40 characters after a writing verb ends (the writing pattern's `[^.\n]{0,40}`). */
export const PN_WRITING = 1 << 22;
/** A code noun starts at most 40 characters after a code verb ends (the coding-task pattern's). */
export const PN_CODE = 1 << 23;
/** `brain teaser` (`brain\s*teaser`; `brainteaser` is a strong cue word of its own). */
export const PR_BRAIN_TEASER = 1 << 24;

/**
 * Phrases: (bit, the words before the last one, nearest first, the last words). No words before:
 * the last word alone (`observation`, `tool_result`); several phrases may share a bit.
 */
const PHRASE_RULES: [number, string, string][] = [
  [PA_OBSERVATION, '', 'observation tool_result'],
  [PA_ACTION_INPUT, 'action', 'input'],
  [PA_TOOL_RESULT, 'tool', 'result results output outputs response responses'],
  [PA_FUNCTION_RESULT, 'function', 'result output'],
  [PA_ENVIRONMENT_STATE, 'environment', 'feedback state'],
  [PA_ACCESSIBILITY_TREE, 'accessibility', 'tree'],
  [PA_CURRENT_PAGE, 'current', 'page webpage'],
  [PA_CURRENT_PAGE, 'web current', 'page'],
  [PA_NEXT_ACTION, 'next', 'action'],
  [PA_TERMINAL_OUTPUT, 'terminal', 'output'],
  [PA_AN_AGENT, 'a', 'agent'],
  [PA_AN_AGENT, 'an', 'agent'],
  [PA_AN_AGENT, 'ai', 'agent'],
  [PA_AN_AGENT, 'autonomous', 'agent'],
  [PR_WHICH_OF_THE_FOLLOWING, 'the of which', 'following'],
  [PR_TRUE_OR_FALSE, 'or true', 'false'],
  [PR_CONCLUSION_FOLLOWS, 'conclusion', 'follows'],
  [PR_VALID_ARGUMENT, 'valid', 'argument'],
  [PR_STEP_BY_STEP, 'by step', 'step'],
  [PR_EXPLAIN_WHY, 'explain', 'why'],
  [PR_BRAIN_TEASER, 'brain', 'teaser'],
  [PT_FUNCTION_CALL, 'function', 'call calling'],
  [PT_TOOL_CALL, 'tool', 'call calls'],
  [PT_AVAILABLE_TOOLS, 'available', 'tools functions'],
  [PT_JSON_SCHEMA, 'json', 'schema'],
];
/** Per slot of a last word: its phrases (bit, hashes of the words before it, nearest first). */
const phrasesEnding: ({ bit: number; before: number[] }[] | undefined)[] = new Array(SIZE);
for (const [bit, before, lasts] of PHRASE_RULES) {
  const hashes = before === '' ? [] : before.split(' ').map((word) => hashString(word));
  for (const word of lasts.split(' ')) {
    const slot = recordFor(hashString(word)) >> 2;
    const list = phrasesEnding[slot] ?? [];
    list.push({ bit, before: hashes });
    phrasesEnding[slot] = list;
  }
}
/** Per slot: verb and noun of the writing and coding-task patterns (a noun here is a word the pattern's noun can start with). */
const NEAR_WRITING_VERB = 1;
const NEAR_WRITING_NOUN = 2;
const NEAR_CODE_VERB = 4;
const NEAR_CODE_NOUN = 8;
/** Table-only: the slot ends a phrase (`phrasesEnding`). */
const PHRASE_END = 16;
/** `call` and `use`, read with the word after them (`the`). */
const CALL_WORD = 32;
const USE_WORD = 64;
const THE = hashString('the');
const pairRoles = new Uint8Array(SIZE);
for (const [role, list] of [
  [NEAR_WRITING_VERB, 'write compose draft rewrite edit proofread polish'],
  [
    NEAR_WRITING_NOUN,
    // `e-mail` and `cover letter` start with the words `e` and `cover`
    'story poem essay email e letter blog article speech song lyrics post cover paragraph tweet slogan headline novel chapter script haiku limerick review',
  ],
  [
    NEAR_CODE_VERB,
    'write fix debug implement refactor optimize optimise review explain convert translate complete',
  ],
  [NEAR_CODE_NOUN, 'code function script program query class method snippet module endpoint'],
] as [number, string][]) {
  for (const word of list.split(' ')) pairRoles[recordFor(hashString(word)) >> 2] |= role;
}
for (let slot = 0; slot < SIZE; slot++) if (phrasesEnding[slot] !== undefined) pairRoles[slot] |= PHRASE_END;
pairRoles[recordFor(hashString('call')) >> 2] |= CALL_WORD;
pairRoles[recordFor(hashString('use')) >> 2] |= USE_WORD;

/**
 * The language stopwords (language.ts) in the same table, so the pass that reads every word for
 * its trigger flags also counts the votes of the Latin-script language identifier (its first
 * `LANGUAGE_WORDS` word tokens): one lookup a word instead of a second pass with a second table.
 * A slot that is only a stopword has no trigger record (no `TRIGGER_SLOT`), so it costs a vote
 * and nothing more.
 */
for (let slot = 0; slot < SIZE; slot++) if (keys[slot * 2] !== 0) keys[slot * 2 + 1] |= TRIGGER_SLOT;
for (const { hash, mask } of stopwordMasks()) {
  if ((mask & ~STOP_MASK) !== 0) throw new RangeError('more than 16 stopword languages');
  keys[(recordFor(hash) >> 2) * 2 + 1] |= mask;
}
/**
 * One bit per value of a hash's low 16 bits, set when some table word has them (8 KiB, in the
 * first-level cache beside the pass's other data): most words of a prompt are not in the 64 KiB
 * table, and ~97% of those are turned away here without reading it.
 */
const present = new Int32Array(1 << 11);
for (let slot = 0; slot < SIZE; slot++) {
  const hash = keys[slot * 2];
  if (hash !== 0) present[(hash & 0xffff) >>> 5] |= 1 << (hash & 31);
}
/** The info word of a word hash (0 when it is not in the table), and its slot in `found`. */
function infoOf(hash: number): number {
  if (((present[(hash & 0xffff) >>> 5] >>> (hash & 31)) & 1) === 0) return 0;
  found = slotOf(hash);
  return keys[found * 2 + 1];
}
let found = 0;
const languageScores = new Int32Array(32);
let languageWords = 0;

/** The phrases found so far, where the last writing and code verbs ended. */
let pairFlags = 0;
let writingVerbAt = -1000;
let codeVerbAt = -1000;

/** Where the word found by `wordBefore` starts. */
let wordBeforeStart = 0;

/**
 * Hash of the word before text[at] as `A\s+` reads it (at least one `\s`, then a maximal run of
 * `\w` ending there), its start in `wordBeforeStart`; 0 when there is none.
 */
function wordBefore(text: string, at: number): number {
  let k = at - 1;
  // (`isSpaceLike` also skips control characters, which `\s` does not: that only loosens the gate)
  while (k >= 0 && isSpaceLike(text.charCodeAt(k))) k--;
  if (k === at - 1 || k < 0 || !isPatternWordChar(text.charCodeAt(k))) return 0;
  const end = k + 1;
  while (k > 0 && isPatternWordChar(text.charCodeAt(k - 1))) k--;
  wordBeforeStart = k;
  let h = FNV_OFFSET;
  for (let j = k; j < end; j++) h = Math.imul(h ^ text.charCodeAt(j), FNV_PRIME);
  return fmix32(h);
}

/** Hash of the word after text[at] as `\s+A` reads it (at least one `\s`, then a maximal run of `\w`); 0 when there is none. */
function wordAfter(text: string, at: number): number {
  let k = at;
  while (k < text.length && isSpaceLike(text.charCodeAt(k))) k++;
  if (k === at) return 0;
  let h = FNV_OFFSET;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (!isPatternWordChar(c)) break;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return fmix32(h);
}

/** Notes the table word text[start, end) in `slot` in the phrases and verb-noun distances. */
function pairWord(text: string, slot: number, start: number, end: number): void {
  const roles = pairRoles[slot];
  if (roles === 0) return;
  if ((roles & PHRASE_END) !== 0) {
    for (const { bit, before } of phrasesEnding[slot]!) {
      if ((pairFlags & bit) !== 0) continue;
      let at = start;
      let k = 0;
      for (; k < before.length; k++) {
        if (wordBefore(text, at) !== before[k]) break;
        at = wordBeforeStart;
      }
      if (k === before.length) pairFlags |= bit;
    }
  }
  if ((roles & CALL_WORD) !== 0 && wordAfter(text, end) === THE) pairFlags |= PT_CALL_THE;
  if ((roles & USE_WORD) !== 0 && wordAfter(text, end) === THE) pairFlags |= PT_USE_THE;
  if ((roles & NEAR_WRITING_NOUN) !== 0 && start - writingVerbAt <= 40) pairFlags |= PN_WRITING;
  if ((roles & NEAR_CODE_NOUN) !== 0 && start - codeVerbAt <= 40) pairFlags |= PN_CODE;
  if ((roles & NEAR_WRITING_VERB) !== 0) writingVerbAt = end;
  if ((roles & NEAR_CODE_VERB) !== 0) codeVerbAt = end;
}

const HOW = hashString('how');
const HOW_MATH = new Set(['many', 'much'].map((w) => hashString(w)));
const HOW_WEAK = new Set(['long', 'old', 'far', 'fast', 'tall', 'often'].map((w) => hashString(w)));

/** Word and punctuation flags of a scanned prompt. */
export interface Triggers {
  words: number;
  punct: number;
  /**
   * When `T_EXTRACTION` is set: the spans of text the concept scan needs ([from, to) pairs, the
   * sentences whose roles can compose a tag with their neighbours), or null for the whole text.
   */
  spans?: Int32Array | null;
  /** Cue words of the reasoning and agentic patterns (`R_*`, `A_*`); absent: run those patterns on their first flag. */
  cues?: number;
  /** Pattern matches proven on the tokens (`SURE_*`). */
  sure?: number;
  /** Adjacent pattern words and near verb-noun pairs found (`PA_*`, `PR_*`, `PT_*`, `PN_*`); absent: not collected. */
  pairs?: number;
  /**
   * The language by the stopword votes of the first word tokens, as `detectLanguage` (language.ts)
   * decides it for a stream whose letters are all Latin script ('und' without letters); for other
   * streams it means nothing.
   */
  latinLanguage?: string;
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

let spanA = 0;
let spanB = 0;
let spanWords = 0;
/** Flags of the words inside joined words and placeholders. */
let innerFlags = 0;
/** Cue flags of the text (all words, also inside joined words and placeholders) and the proven matches. */
let cueFlags = 0;
let sureFlags = 0;

/** Whitespace as the patterns' `\s` reads it (the ASCII part, enough for a proof). */
function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** A word character as the patterns' `\b` reads it. */
function isPatternWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);
}

/** End of the last writing verb and of the last `terminal` read (between word boundaries), or -1. */
let writingVerbEnd = -1;
let terminalEnd = -1;

/** Notes what the token text[start, end) in `slot` proves, if it is that slot's proof word between word boundaries. */
function proveByWord(text: string, start: number, end: number, slot: number): void {
  const word = proofWords[slot];
  if (end - start !== word.length || !text.startsWith(word, start)) return;
  if ((start > 0 && isPatternWordChar(text.charCodeAt(start - 1))) || isPatternWordChar(text.charCodeAt(end)))
    return;
  const proof = proofs[slot];
  if (proof === WRITING_VERB) {
    writingVerbEnd = end;
  } else if (proof === WRITING_NOUN) {
    // the writing pattern: verb, 0-40 characters without `.` or a line break, noun
    if (writingVerbEnd < 0 || start - writingVerbEnd > 40) return;
    for (let k = writingVerbEnd; k < start; k++) {
      const c = text.charCodeAt(k);
      if (c === 46 || c === 10) return;
    }
    sureFlags |= SURE_WRITING;
  } else if (proof === TERMINAL) {
    terminalEnd = end;
  } else if (proof === OUTPUT) {
    // `terminal\s+output`: only whitespace, at least one, since the last `terminal`
    if (terminalEnd < 0 || start === terminalEnd) return;
    for (let k = terminalEnd; k < start; k++) if (!isAsciiSpace(text.charCodeAt(k))) return;
    sureFlags |= SURE_AGENTIC;
  } else {
    sureFlags |= proof;
  }
}

/** A LaTeX command of the math pattern (`\\(?:frac|sum|...)\b`), read at one backslash. */
const MATH_COMMAND = /\\(?:frac|sum|int|sqrt|cdot|times|le|ge)\b/y;

/** A Unicode space (the patterns' `\s` beyond ASCII) is the first non-ASCII-space character on either side of `at`. */
function unicodeSpaceAround(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && isAsciiSpace(text.charCodeAt(k))) k--;
  const before = k >= 0 ? text.charCodeAt(k) : 0;
  k = at + 1;
  while (k < text.length && isAsciiSpace(text.charCodeAt(k))) k++;
  const after = k < text.length ? text.charCodeAt(k) : 0;
  return (before >= 128 && isSpaceLike(before)) || (after >= 128 && isSpaceLike(after));
}

/**
 * What the character c at `at` opens (`P_MATH_OPEN`, `P_CODE_OPEN`), read from the text as the
 * patterns read it: a math match through it that no proof settled (a command after a backslash,
 * a `$...$` pair, an operator between digits, spaces beyond ASCII around an operator), or one of
 * the code-punctuation sequences.
 */
function symbolOpens(text: string, at: number, c: number): number {
  if (c === 36) return provesDollars(text, at) ? P_MATH_OPEN : 0;
  if (c === 92) {
    MATH_COMMAND.lastIndex = at;
    return MATH_COMMAND.test(text) ? P_MATH_OPEN : 0;
  }
  if (c === 43 || c === 42 || c === 47 || c === 94 || c === 61)
    return provesOperation(text, at, at + 1) || unicodeSpaceAround(text, at) ? P_MATH_OPEN : 0;
  if (c === 215 || c === 247) return P_MATH_OPEN;
  if (c === 62) return text.charCodeAt(at - 1) === 61 ? P_CODE_OPEN : 0;
  if (c === 123) {
    let k = at - 1;
    while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
    return k >= 0 && text.charCodeAt(k) === 41 ? P_CODE_OPEN : 0;
  }
  if (c === 59) {
    let k = at + 1;
    while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
    if (text.charCodeAt(k) !== 10) return 0;
    k++;
    while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
    return isPatternWordChar(text.charCodeAt(k)) ? P_CODE_OPEN : 0;
  }
  return 0;
}

/** The math symbols the math-symbol pattern matches alone (∑ ∫ √ ≤ ≥ ≠; π is a letter, never in plain-ASCII text). */
function isLoneMathSymbol(c: number): boolean {
  return c === 0x2211 || c === 0x222b || c === 0x221a || c === 0x2264 || c === 0x2265 || c === 0x2260;
}

/** The characters the math-symbol pattern reads as operators: $ \ + * / ^ = × ÷. */
function isMathOperator(c: number): boolean {
  return (
    c === 36 || c === 92 || c === 43 || c === 42 || c === 47 || c === 94 || c === 61 || c === 215 || c === 247
  );
}

/** What the symbols inside text[start, end) (a placeholder's text) open. */
function symbolsInside(text: string, start: number, end: number): number {
  let opens = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isLoneMathSymbol(c)) opens |= P_MATH_OPEN;
    else if (isMathOperator(c) || c === 62 || c === 123 || c === 59) opens |= symbolOpens(text, k, c);
  }
  return opens;
}

/** The `(` at `at` opens `(a)`, the first of a list of options. */
function optionA(text: string, at: number): boolean {
  return text.charCodeAt(at + 1) === 97 && text.charCodeAt(at + 2) === 41;
}

/** `options:`, then only whitespace, ends right before `at` (the reasoning pattern's `options:\s*\(a\)`). */
function provesOptions(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && isAsciiSpace(text.charCodeAt(k))) k--;
  return text.charCodeAt(k) === 58 && k >= 7 && text.startsWith('options', k - 7);
}

/** A `$` at `at` and the next `$` enclose 1-80 characters of one line: the math pattern's `\$[^$\n]{1,80}\$`. */
function provesDollars(text: string, at: number): boolean {
  const limit = Math.min(text.length, at + 82);
  for (let k = at + 1; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c === 36) return k > at + 1;
    if (c === 10) return false;
  }
  return false;
}

/** An operator with digits on both sides inside text[start, end) (a short masked token). */
function operationInside(text: string, start: number, end: number): boolean {
  if (end - start < 3 || end - start > 64) return false;
  for (let k = start + 1; k < end - 1; k++) {
    const c = text.charCodeAt(k);
    if ((c === 47 || c === 43 || c === 42 || c === 94 || c === 61) && provesOperation(text, k, k + 1))
      return true;
  }
  return false;
}

/** An operator with digits on both sides (whitespace between allowed): the math pattern's `\d\s*[+*\/^=×÷]\s*\d`. */
function provesOperation(text: string, start: number, end: number): boolean {
  let k = start - 1;
  while (k >= 0 && isAsciiSpace(text.charCodeAt(k))) k--;
  const before = k >= 0 ? text.charCodeAt(k) : 0;
  if (before < 48 || before > 57) return false;
  k = end;
  while (k < text.length && isAsciiSpace(text.charCodeAt(k))) k++;
  const after = text.charCodeAt(k);
  return after >= 48 && after <= 57;
}

/**
 * The extraction roles the words of text[from, to) may carry, into spanA / spanB: the text is
 * cut into words the way the concept scanner cuts plain ASCII (a letter or `_` starts a word that
 * runs through letters, digits and `_`; digits, `[` and everything else stand alone).
 */
function spanRoles(text: string, from: number, to: number): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c === 95 || (c >= 65 && c <= 90)) {
      const wordStart = i;
      let h = FNV_OFFSET;
      for (; i < to; i++) {
        const d = text.charCodeAt(i);
        if (!((d >= 97 && d <= 122) || d === 95 || (d >= 48 && d <= 57) || (d >= 65 && d <= 90))) break;
        h = Math.imul(h ^ d, FNV_PRIME);
      }
      if ((infoOf(fmix32(h)) & TRIGGER_SLOT) !== 0) {
        const slot = found;
        const r = slot * 4;
        const f = records[r];
        spanA |= records[r + 1];
        spanB |= records[r + 2];
        spanWords |= records[r + 3];
        innerFlags |= f;
        cueFlags |= cueRecords[slot];
        if ((f & MARKUP_NAME) !== 0) markupAt(text, i);
        pairWord(text, slot, wordStart, i);
      }
      continue;
    }
    if (c >= 48 && c <= 57) {
      spanA |= SYMBOLS.digitA;
      spanB |= SYMBOLS.digitB;
    } else if (c === 91) {
      spanA |= SYMBOLS.bracketA;
    } else if (c === 40 && optionA(text, i)) {
      cueFlags |= R_OPTION_A;
    }
    i++;
  }
}

/** A reasoning-section name ending at `end` is markup (`<thinking>`, `Thought:`) when `>` or `:` follows. */
function markupAt(text: string, end: number): void {
  const next = text.charCodeAt(end);
  if (next === 62 || next === 58) spanA |= SYMBOLS.markupA;
}

/**
 * Sentence by sentence roles of the scan gate. The concept scanner composes a tag within one
 * sentence (a line, or text ended by `.`, `!` or `?` and a space); only a binding marked `across`
 * reaches a neighbouring sentence. So the roles are kept per sentence (a sentence the scanner
 * would cut, inside a code block or a quote, may stay whole here: merging only loosens the gate)
 * and a sentence is judged with its two neighbours once the next one is complete.
 */
let prevA = 0;
let prevB = 0;
let lastA = 0;
let lastB = 0;
let sentences = 0;
let composes = false;
/** Every sentence's roles and where it starts in the text (`sentenceStart[k + 1]` ends sentence k). */
let sentenceA = new Int32Array(64);
let sentenceB = new Int32Array(64);
let sentenceStart = new Int32Array(65);
const ANYWHERE_VETO_B = anywhereVetoes();

/** Closes the sentence whose roles are in spanA / spanB (the next starts at `next`) and judges the one before it. */
function endSentence(next: number): void {
  if (spanWords !== 0) {
    for (const phrase of PHRASES) {
      if ((spanWords & phrase.mask) === phrase.mask) {
        spanA |= phrase.a;
        spanB |= phrase.b;
      }
    }
  }
  if (sentences > 0 && !composes) composes = composable(lastA, lastB, prevA | spanA, prevB | spanB);
  prevA = lastA;
  prevB = lastB;
  lastA = spanA;
  lastB = spanB;
  if (sentences === sentenceA.length) {
    const grow = <T extends Int32Array>(a: T, n: number) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    sentenceA = grow(sentenceA, sentences * 2);
    sentenceB = grow(sentenceB, sentences * 2);
    sentenceStart = grow(sentenceStart, sentences * 2 + 1);
  }
  sentenceA[sentences] = spanA;
  sentenceB[sentences] = spanB;
  sentenceStart[sentences + 1] = next;
  sentences++;
  spanA = 0;
  spanB = 0;
  spanWords = 0;
}

/**
 * The spans the concept scan needs once the gate has admitted a text: every sentence whose roles
 * compose a tag with its neighbours', widened by one sentence on each side (the neighbours a
 * binding may reach; a span so starts at a sentence that cannot compose, where a number range
 * begun before the span is the only cue a whole-text scan could read differently). Null, the
 * whole text, when a role vetoing a tag anywhere in the text (an image generator) may occur.
 */
function admittedSpans(): Int32Array | null {
  let allB = 0;
  for (let k = 0; k < sentences; k++) allB |= sentenceB[k];
  if ((allB & ANYWHERE_VETO_B) !== 0) return null;
  const spans: number[] = [];
  let open = -1;
  let through = -1;
  for (let k = 0; k < sentences; k++) {
    const nearA = (k > 0 ? sentenceA[k - 1] : 0) | (k + 1 < sentences ? sentenceA[k + 1] : 0);
    const nearB = (k > 0 ? sentenceB[k - 1] : 0) | (k + 1 < sentences ? sentenceB[k + 1] : 0);
    if (!composable(sentenceA[k], sentenceB[k], nearA, nearB)) continue;
    const from = Math.max(0, k - 1);
    const to = Math.min(sentences - 1, k + 1);
    if (open >= 0 && from <= through + 1) {
      through = to;
      continue;
    }
    if (open >= 0) spans.push(sentenceStart[open], sentenceStart[through + 1]);
    open = from;
    through = to;
  }
  if (open >= 0) spans.push(sentenceStart[open], sentenceStart[through + 1]);
  return Int32Array.from(spans);
}

/** The trigger flags of a token stream, in one pass. */
export function triggersOf(s: TokenStream): Triggers {
  let words = 0;
  let punct = 0;
  let previous = 0;
  const { kinds, hashes, joined, starts, ends, text } = s;
  let nextJoined = s.joinedCount > 0 ? joined[0] : -1;
  let joinedAt = 0;
  spanA = 0;
  spanB = 0;
  spanWords = 0;
  prevA = 0;
  prevB = 0;
  lastA = 0;
  lastB = 0;
  sentences = 0;
  sentenceStart[0] = 0;
  composes = false;
  innerFlags = 0;
  cueFlags = 0;
  sureFlags = 0;
  writingVerbEnd = -1;
  terminalEnd = -1;
  pairFlags = 0;
  languageScores.fill(0);
  languageWords = 0;
  writingVerbAt = -1000;
  codeVerbAt = -1000;
  const { lineBreaks } = s;
  let nextBreak = s.lineBreakCount > 0 ? lineBreaks[0] : -1;
  let breakAt = 0;
  for (let t = 0; t < s.count; t++) {
    const start = starts[t];
    const end = ends[t];
    if (t === nextBreak) {
      // a line break between tokens ends a sentence
      endSentence(start);
      nextBreak = ++breakAt < s.lineBreakCount ? lineBreaks[breakAt] : -1;
    }
    const kind = kinds[t];
    if (kind === WORD) {
      const hash = hashes[t];
      const info = infoOf(hash);
      const slot = found;
      if (languageWords < LANGUAGE_WORDS) {
        languageWords++;
        for (let mask = info & STOP_MASK; mask !== 0; mask &= mask - 1)
          languageScores[31 - Math.clz32(mask & -mask)]++;
      }
      if ((info & TRIGGER_SLOT) !== 0) {
        const r = slot * 4;
        const f = records[r];
        // code syntax words gate a line-anchored pattern: only count them at a line start
        words |= (f & T_CODE_SYNTAX) === 0 || atLineStart(text, start) ? f : f & ~T_CODE_SYNTAX;
        spanA |= records[r + 1];
        spanB |= records[r + 2];
        spanWords |= records[r + 3];
        if ((f & MARKUP_NAME) !== 0) markupAt(text, end);
        cueFlags |= cueRecords[slot];
        if (proofs[slot] !== 0) proveByWord(text, start, end, slot);
        // a joined word's own hash is no pattern word: its words are read by spanRoles
        if (t !== nextJoined) pairWord(text, slot, start, end);
      }
      if (t === nextJoined) {
        // `don't`, `step-by-step`: the concept scanner reads the words on both sides of the connector
        spanRoles(text, start, end);
        nextJoined = ++joinedAt < s.joinedCount ? joined[joinedAt] : -1;
      }
      if (previous === HOW) {
        if (HOW_MATH.has(hash)) words |= T_MATH;
        else if (HOW_WEAK.has(hash)) words |= T_MATH_WEAK;
      }
      previous = hash;
    } else if (kind === PUNCT) {
      const c = text.charCodeAt(start);
      if (c === 123 || c === 125 || c === 59 || c === 62) punct |= P_CODE;
      if (isMathOperator(c) || (c >= 0x2200 && c < 0x2300)) {
        punct |= P_MATH;
        if (
          (sureFlags & SURE_MATH_SYMBOLS) === 0 &&
          (isLoneMathSymbol(c)
            ? true
            : c === 36
              ? provesDollars(text, start)
              : c !== 92 && (c < 0x2200 || c >= 0x2300) && provesOperation(text, start, end))
        )
          sureFlags |= SURE_MATH_SYMBOLS;
        else if ((sureFlags & SURE_MATH_SYMBOLS) === 0 && c < 0x2200) punct |= symbolOpens(text, start, c);
      }
      if (c === 62 || c === 123 || c === 59) punct |= symbolOpens(text, start, c);
      previous = 0;
      if (c === 40) {
        if (optionA(text, start)) {
          cueFlags |= R_OPTION_A;
          if (provesOptions(text, start)) sureFlags |= SURE_REASONING;
        }
      } else if (c === 91) spanA |= SYMBOLS.bracketA;
      else if (c === 46 || c === 33 || c === 63) {
        const next = text.charCodeAt(end);
        if (next === 32 || next === 10 || next === 9) endSentence(end);
      }
    } else {
      // numbers, quoted literals, identifiers, URLs, code: the concept scanner reads their words and digits
      const type = s.maskTypes[t];
      if (type !== ELIDED) spanRoles(text, start, end);
      // a fraction or a sum written without spaces (`1/3`, `2+2`) is one masked number or id
      if (
        (sureFlags & SURE_MATH_SYMBOLS) === 0 &&
        type <= ID &&
        type !== STR &&
        type !== URL &&
        operationInside(text, start, end)
      )
        sureFlags |= SURE_MATH_SYMBOLS;
      previous = 0;
    }
  }
  endSentence(text.length);
  if (!composes) composes = composable(lastA, lastB, prevA, prevB);
  // the symbols inside placeholders, only when they could still open a pattern the gates would run
  if (
    ((punct & P_MATH) !== 0 && (sureFlags & SURE_MATH_SYMBOLS) === 0 && (punct & P_MATH_OPEN) === 0) ||
    ((punct & P_CODE) !== 0 && (punct & P_CODE_OPEN) === 0)
  ) {
    for (let t = 0; t < s.count; t++)
      if (kinds[t] !== WORD && kinds[t] !== PUNCT) punct |= symbolsInside(text, starts[t], ends[t]);
  }
  words &= ~MARKUP_NAME;
  if (composes) words |= T_EXTRACTION;
  words |= innerFlags & PARTNERS;
  if (s.ascii || asciiWords(text)) words |= T_ASCII;
  return {
    words,
    punct,
    spans: composes ? admittedSpans() : null,
    cues: cueFlags,
    sure: sureFlags,
    pairs: pairFlags,
    latinLanguage: s.scripts[LATIN] === 0 ? 'und' : latinVerdict(languageScores, languageWords),
  };
}
