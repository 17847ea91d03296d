/**
 * Capability and extraction tags of a prompt.
 *
 * Extraction tags mark prompt shapes that harvest a model's behaviour rather than use it:
 * - `cot-elicitation`: asks the model to expose its own reasoning ("let's think step by step",
 *   "put your reasoning in <thinking> tags", "articulate the internal reasoning behind a completed
 *   response", system prompts demanding complete and transparent reasoning).
 * - `rubric-grading`: the model used as a judge or reward model over candidate responses.
 * - `instruction-generation`: asks for many diverse task instructions or prompts (Self-Instruct,
 *   Alpaca), i.e. synthetic training data.
 * - `censorship-rewrite`: rewrite a text so it passes a state censor or drops politically
 *   sensitive content.
 *
 * How: compositional concept matching, not literal patterns. concepts.ts finds cue words of
 * roles (concept-lexicon.ts: a disclosure verb, the model's own reasoning, a completeness cue, an
 * evaluation verb, a model output, a scale, ...) in all 8 languages in one pass; a tag fires when
 * one of its role combinations occurs within a window (one sentence, WINDOW characters; some
 * roles must also be bound to each other, see BINDINGS), unless a
 * veto role (a mention of a prompting technique, the user's own essay, a human audience that is
 * not a model, a text about censorship) is in the same window, or the cues sit inside quotes (a mention, not a use).
 * The span is the text from the first to the last cue of the combination. Because roles are
 * concepts, a paraphrase built from other words of the same concepts still matches.
 *
 * Known benign look-alikes, which must NOT fire (tags.test.ts, paraphrases.ts): "explain step by
 * step how photosynthesis works" (explains a topic: no reasoning of the model's own is asked
 * for), "what was the reasoning behind the ruling", a quoted CoT phrase in a question about
 * prompting, "rate this movie on a scale of 1 to 10" (no model output), "grade my essay" (own
 * work), "evaluate the integral from 0 to 3", "give me 10 questions for a job interview" (human
 * audience), "write instructions for assembling a bookshelf", "rewrite this paragraph to be more
 * concise", "remove the sensitive information such as passwords" (not political), "write an
 * essay on the history of censorship in China" (no rewrite), a developer's code question.
 *
 * Speed: one scan over the text (no regex) and a few integer tests per cue hit; plain-ASCII
 * English prompts whose words cannot compose any tag (triggers.ts `T_EXTRACTION`: the roles the
 * words may carry, compositions.ts `composable`) are not scanned at all.
 */
import type { CapabilityTag, ExtractionMatch } from '../core/types.js';
import { ACROSS_GAP, BINDINGS, COMPOSITIONS, type Composition, satisfies } from './compositions.js';
import { type Hits, scanConceptSpans, scanConcepts } from './concepts.js';
import { detachedSlice } from './normalise.js';
import {
  agenticPossible,
  asciiWords,
  P_CODE,
  P_CODE_OPEN,
  P_MATH,
  P_MATH_OPEN,
  PN_CODE,
  PN_WRITING,
  reasoningPossible,
  SURE_AGENTIC,
  SURE_MATH_SYMBOLS,
  SURE_REASONING,
  SURE_TRANSLATION,
  SURE_WRITING,
  T_AGENT,
  T_ASCII,
  T_CODE,
  T_CODE_NOUN,
  T_CODE_SYNTAX,
  T_CODE_VERB,
  T_EXTRACTION,
  T_MATH,
  T_MATH_WEAK,
  T_NUMBER_WORD,
  T_REASONING,
  T_TOOL,
  T_TRANSLATION,
  T_WRITING,
  T_WRITING_NOUN,
  type Triggers,
  toolPhrasePossible,
  translationPossible,
} from './triggers.js';

/** Languages the extraction lexicons cover. */
export type RuleLanguage = 'en' | 'zh' | 'ru' | 'es' | 'fr' | 'de' | 'ja' | 'ko';

/** Every rule language, for text whose language is not known to be covered by fewer. */
export const ALL_RULE_LANGUAGES: RuleLanguage[] = ['en', 'zh', 'ru', 'es', 'fr', 'de', 'ja', 'ko'];

/** Applies the bindings to the hits of a scan (marks are added to the hits' roles). */
function bind(h: Hits): void {
  for (const binding of BINDINGS) {
    const roles = binding.word === 'a' ? h.a : h.b;
    const all = binding.word === 'a' ? h.allA : h.allB;
    if ((all & binding.from) === 0 || (all & binding.to) === 0) continue;
    const reach = binding.across ? 1 : 0;
    let marked = false;
    for (let k = 0; k < h.count; k++) {
      if ((roles[k] & binding.to) === 0) continue;
      let partner = -1;
      for (
        let j = k - 1;
        j >= 0 && h.sentence[k] - h.sentence[j] <= reach && h.start[k] - h.end[j] <= binding.gap;
        j--
      ) {
        if (h.sentence[j] !== h.sentence[k] && h.start[k] - h.end[j] > ACROSS_GAP) break;
        if ((roles[j] & binding.from) !== 0) {
          partner = j;
          break;
        }
      }
      if (partner < 0 && binding.either) {
        for (
          let j = k + 1;
          j < h.count &&
          h.sentence[j] - h.sentence[k] <= reach &&
          h.start[j] - h.end[k] <= (binding.after ?? binding.gap);
          j++
        ) {
          if (h.sentence[j] !== h.sentence[k] && h.start[j] - h.end[k] > ACROSS_GAP) break;
          if ((roles[j] & binding.from) !== 0) {
            partner = j;
            break;
          }
        }
      }
      if (partner < 0) continue;
      roles[k] |= binding.mark;
      // the marked cue now stands for both: its span covers its partner (within a sentence)
      if (h.sentence[partner] === h.sentence[k]) {
        const start = Math.min(h.start[k], h.start[partner]);
        const end = Math.max(h.end[k], h.end[partner]);
        h.start[k] = start;
        h.end[k] = end;
        if (binding.across) {
          h.start[partner] = start;
          h.end[partner] = end;
        }
      }
      if (binding.across) roles[partner] |= binding.mark;
      marked = true;
    }
    if (marked) {
      if (binding.word === 'a') h.allA |= binding.mark;
      else h.allB |= binding.mark;
    }
  }
}

/** Cues of one combination must lie within this many characters of each other, on one line. */
const WINDOW = 150;
const MAX_SPAN = 160;

/** True when the window [from, to) of the line has a veto cue. */
function vetoed(h: Hits, composition: Composition, sentence: number, from: number, to: number): boolean {
  if (((h.allA & composition.vetoA) | (h.allB & composition.vetoB)) === 0) return false;
  let veto = false;
  for (let k = 0; k < h.count; k++) {
    if (h.sentence[k] !== sentence || h.end[k] < from || h.start[k] > to) continue;
    if (composition.vetoUnlessB !== undefined && (h.b[k] & composition.vetoUnlessB) !== 0) return false;
    if ((h.a[k] & composition.vetoA) !== 0 || (h.b[k] & composition.vetoB) !== 0) veto = true;
  }
  return veto;
}

/** The span of the first window of hits that composes the tag, or null. */
function compose(text: string, h: Hits, composition: Composition): string | null {
  if (!satisfies(composition, h.allA, h.allB)) return null;
  if (composition.vetoAnywhereB !== undefined && (h.allB & composition.vetoAnywhereB) !== 0) return null;
  for (let i = 0; i < h.count; i++) {
    let maskA = 0;
    let maskB = 0;
    for (let j = i; j < h.count; j++) {
      if (h.sentence[j] !== h.sentence[i] || h.start[j] - h.start[i] > WINDOW) break;
      maskA |= h.a[j];
      maskB |= h.b[j];
      if (!satisfies(composition, maskA, maskB)) continue;
      // shrink from the left while the window still composes the tag
      let first = i;
      for (;;) {
        let restA = 0;
        let restB = 0;
        for (let k = first + 1; k <= j; k++) {
          restA |= h.a[k];
          restB |= h.b[k];
        }
        if (first < j && satisfies(composition, restA, restB)) first++;
        else break;
      }
      let start = h.start[first];
      let end = h.end[first];
      for (let k = first; k <= j; k++) {
        if (h.start[k] < start) start = h.start[k];
        if (h.end[k] > end) end = h.end[k];
      }
      if (vetoed(h, composition, h.sentence[i], start - WINDOW / 2, end + WINDOW / 2)) break;
      if (isQuotedMention(text, start, end)) break;
      // a span of its own: a fingerprint kept downstream must not keep the prompt's text alive
      const span = text.slice(start, end).trim().slice(0, MAX_SPAN);
      return detachedSlice(span, 0, span.length);
    }
  }
  return null;
}

/** Self-Instruct's prompt shape: numbered "Task N:" lines ending with an empty one to fill. */
const OPEN_TASK_SLOT = /(?:^|\n)\s*task\s*\d+\s*:\s*$/;
const FIRST_TASK = /(?:^|\n)\s*task\s*1\s*:\s*\S/;

function openTaskSlot(text: string): string | null {
  if (text.length < 12 || text.charCodeAt(text.length - 1) !== 58) {
    const trimmed = text.trimEnd();
    if (trimmed.charCodeAt(trimmed.length - 1) !== 58) return null;
  }
  const tail = text.slice(-24);
  const match = OPEN_TASK_SLOT.exec(tail);
  if (match === null || !FIRST_TASK.test(text)) return null;
  const slot = match[0].trim();
  return detachedSlice(slot, 0, slot.length);
}

const QUOTES = '"\'“”‘’«»「」『』`';
const QUOTE_REACH = 80;

function isWordCharAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && /[\p{L}\p{N}]/u.test(text[i]);
}

/** True when the match sits inside quotes on its line: a mention of the phrase, not a use of it. */
function isQuotedMention(text: string, start: number, end: number): boolean {
  let opened = false;
  for (let i = start - 1; i >= 0 && i >= start - QUOTE_REACH; i--) {
    const ch = text[i];
    if (ch === '\n') break;
    if (QUOTES.includes(ch) && !isWordCharAt(text, i - 1)) {
      opened = true;
      break;
    }
  }
  if (!opened) return false;
  for (let i = end; i < text.length && i < end + QUOTE_REACH; i++) {
    const ch = text[i];
    if (ch === '\n') return false;
    if (QUOTES.includes(ch) && !isWordCharAt(text, i + 1)) return true;
  }
  return false;
}

/** Where the extraction matches are collected (the result is a copy of its exact length, as for `collected`). */
const matched: ExtractionMatch[] = [];

/**
 * Extraction tags of a lowercased, normalised text, each with the span that matched (the first
 * window per tag). `words` are the trigger flags of the text (triggers.ts) or null: plain-ASCII
 * English text whose words cannot compose a tag (`T_EXTRACTION` unset) is not scanned at all, and
 * of one that can only the gate's `spans` are (when given). The es/fr/de stems and the foreign
 * words that are also English words (`note`, `ton`) are read when `languages` is not English
 * alone or the text has words beyond ASCII (accented letters, other scripts; a dash, curly quote
 * or emoji in English text does not make "note-taking" French).
 */
export function extractionTags(
  text: string,
  words: number | null = null,
  languages: RuleLanguage[] = ALL_RULE_LANGUAGES,
  spans: Int32Array | null = null,
): ExtractionMatch[] {
  const ascii = words !== null && (words & T_ASCII) !== 0 ? true : asciiWords(text);
  const english = languages.length === 1 && languages[0] === 'en' && ascii;
  if (english && words !== null && (words & T_EXTRACTION) === 0) {
    // no combination can compose: only Self-Instruct's open slot, which needs no concept, remains
    const slot = openTaskSlot(text);
    return slot === null ? [] : [{ tag: 'instruction-generation', span: slot }];
  }
  const h =
    english && words !== null && spans !== null
      ? scanConceptSpans(text, false, spans)
      : scanConcepts(text, !english);
  bind(h);
  const out = matched;
  out.length = 0;
  for (const composition of COMPOSITIONS) {
    let span = compose(text, h, composition);
    if (span === null && composition.tag === 'instruction-generation') span = openTaskSlot(text);
    if (span !== null) out.push({ tag: composition.tag, span });
  }
  return out.slice();
}

/** What the capability rules read besides the text. */
export interface CapabilityContext {
  tools: number;
  turns: number;
  chars: number;
  codeBlocks: number;
  /** The prompt elicits chain-of-thought (implies reasoning). */
  cot: boolean;
  /** Numbers masked in the prompt. */
  numbers: number;
  /** Trigger flags of the text (triggers.ts), or null to run every pattern. */
  triggers: Triggers | null;
}

/** Code constructs at the start of a line (cheap: anchored at line starts). */
const CODE_LINE =
  /(?:^|\n)\s*(?:def\s+\w+\s*\(|class\s+\w+[\s:({]|function\s+\w*\s*\(|import\s+[\w{*]|from\s+[\w.]+\s+import\s|#include\s*<|public\s+(?:static\s+)?(?:void|class|int|string)\b|(?:const|let|var)\s+\w+\s*=|fn\s+\w+\s*\(|select\s+[\w*,\s]+\s+from\s+\w|<\/?(?:div|html|script|body|span)\b)|console\.log|system\.out/;
/**
 * Arrows, `) {` block openers and statement ends at line ends (only tried when `{`, `;` or `>`
 * occur). Each alternative starts with a literal character, so the engine skips ahead cheaply.
 */
const CODE_PUNCT = /=>|\)[ \t]*\{|;[ \t]*\n[ \t]*\w/;
const CODE_WORDS =
  /\b(?:python|javascript|typescript|java|c\+\+|c#|golang|rust|kotlin|swift|php|ruby|scala|haskell|sql|html|css|bash|shell\s+script|powershell|regex|regular\s+expression|compiler?|debug(?:ging)?|stack\s*trace|segfault|exception|traceback|refactor|unit\s+tests?|git|docker|kubernetes|react|node\.?js|django|flask|api\s+endpoint|algorithm|leetcode|source\s+code|syntax\s+error|runtime\s+error|null\s+pointer|recursion|data\s+structure)\b|代码|编程|程序|函数|код|программ|código|programa|programme|programmier|コード|プログラム|関数|코드|프로그램|함수/;
const CODE_TASK =
  /\b(?:write|fix|debug|implement|refactor|optimi[sz]e|review|explain|convert|translate|complete)\b[^.\n]{0,40}\b(?:code|function|script|program|query|class|method|snippet|module|endpoint)\b/;
const MATH_WORDS =
  /\b(?:solve|calculate|compute|simplify|integral|integrate|derivative|differentiate|equation|inequality|probability|theorem|prove|factori[sz]e|sum\s+of|product\s+of|percent(?:age)?|average|how\s+many|how\s+much|ratio|fraction|algebra|geometry|triangle|polynomial|matrix|matrices|logarithm|square\s+root|remainder|divisible|prime\s+numbers?|arithmetic|expected\s+value|variance)\b|计算|方程|多少|概率|сколько|вычисл|уравнени|cuántos|cuántas|calcula|ecuación|combien|calcule|équation|wie\s+viele|berechne|gleichung|計算|方程式|いくつ|何個|계산|방정식|몇\s*개/;
const MATH_WEAK =
  /\b(?:how\s+(?:long|old|far|fast|tall|often|much|many)|in\s+total|total|altogether|remaining|left\s+over|each|per|twice|half|times\s+as|dozen|cost|price|discount|profit|percent|faster|older|younger)\b/;
const NUMBER_WORDS =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand|half|twice|double|triple|dozen|quarter|third)\b/;
const MATH_SYMBOLS =
  /\\(?:frac|sum|int|sqrt|cdot|times|le|ge)\b|\$[^$\n]{1,80}\$|\d\s*[+*/^=×÷]\s*\d|[∑∫√π≤≥≠]/;
const TOOL_WORDS =
  /\b(?:function\s+call(?:ing)?|tool\s+calls?|call\s+the\s+(?:\w+\s+)?(?:function|tool|api)|available\s+(?:tools|functions)|use\s+the\s+(?:\w+\s+)?tool|tool_choice|"parameters"\s*:|json\s+schema)\b/;
const AGENT_WORDS =
  /\b(?:observation|action\s+input)\s*:|<tool_result>|<observation>|\btool\s+(?:result|output|response)s?\b|\bfunction\s+(?:result|output)\b|\benvironment\s+(?:observation|feedback|state)\b|\byou\s+are\s+an?\s+(?:autonomous\s+)?(?:ai\s+)?agent\b|\baccessibility\s+tree\b|\bcurrent\s+(?:web\s*)?page\b|\bnext\s+action\b|\bterminal\s+output\b/;
const REASONING_WORDS =
  /\b(?:logic(?:al)?|puzzle|riddle|deduce|deduction|infer|inference|which\s+of\s+the\s+following|true\s+or\s+false|syllogism|paradox|premises?|conclusion\s+follows|valid\s+argument|step\s+by\s+step|explain\s+why|brain\s*teaser)\b|options:\s*\n?\s*\(a\)|推理|逻辑|рассужд|логик|razonamiento|lógica|raisonnement|logique|logik|schlussfolger|論理|推論|논리|추론/;
const WRITING_WORDS =
  /\b(?:write|compose|draft|rewrite|edit|proofread|polish)\b[^.\n]{0,40}\b(?:story|poem|essay|email|e-mail|letter|blog|article|speech|song|lyrics|post|cover\s+letter|paragraph|tweet|slogan|headline|novel|chapter|script|haiku|limerick|review)\b|写一(?:篇|首|封)|напиши\s+(?:рассказ|стих|эссе|письмо|статью)|escribe\s+(?:un|una)\s+(?:historia|poema|ensayo|carta|artículo)|écris\s+(?:un|une)\s+(?:histoire|poème|essai|lettre|article)|schreibe?\s+(?:eine?n?)\s+(?:geschichte|gedicht|aufsatz|brief|artikel)/;
const TRANSLATION_WORDS =
  /\btranslat(?:e|ion|ing)\b|\bhow\s+(?:do\s+(?:you|i)|to|would\s+you)\s+say\b|\bin\s+(?:english|spanish|french|german|chinese|japanese|korean|russian|italian|portuguese|arabic|hindi)\s*[?.]?$|翻译|翻訳|번역|перевед|перевод|traduc|übersetz/;
const KNOWLEDGE_START =
  /^(?:who|what|when|where|which|whom|whose|why|how|is|are|was|were|did|does|do|name|list|define|tell\s+me\s+about)\b|^(?:什么|谁|哪|为什么|как|что|кто|где|когда|qué|quién|dónde|cuándo|qui|que|quand|où|wer|was|wann|wo|誰|何|どこ|いつ|누구|무엇|어디|언제)/;

/**
 * Where the capability tags are collected: the result is a copy of its exact length (an array
 * grown by `push` from empty reserves 17 slots, which every kept fingerprint would carry: 5-6 MB
 * of 40,000 fingerprints).
 */
const collected: CapabilityTag[] = [];

/** Capability tags of a normalised prompt; 'chat' when nothing more specific applies. */
export function capabilityTags(text: string, ctx: CapabilityContext): CapabilityTag[] {
  const tags = collected;
  tags.length = 0;
  const all = ctx.triggers === null;
  const words = ctx.triggers?.words ?? 0;
  const punct = ctx.triggers?.punct ?? 0;
  const may = (flag: number) => all || (words & flag) !== 0;
  // on plain-ASCII text a two-part pattern also needs its partner word (triggers.ts PARTNERS)
  const partners = !all && (words & T_ASCII) !== 0;
  // cue words of the reasoning and agentic patterns (absent in older callers' triggers: no gate)
  const cues = partners ? ctx.triggers?.cues : undefined;
  // adjacent pattern words and near verb-noun pairs (absent in older callers' triggers: no gate)
  const pairs = partners ? ctx.triggers?.pairs : undefined;
  const sure = ctx.triggers?.sure ?? 0;
  // the pass checked every math and code symbol of the text (absent `pairs`: an older caller's triggers, no gate)
  const symbolsRead = pairs !== undefined;
  const coding =
    ctx.codeBlocks > 0 ||
    (all ? CODE_WORDS.test(text) : (words & T_CODE) !== 0) ||
    ((all || (words & T_CODE_SYNTAX) !== 0) && CODE_LINE.test(text)) ||
    ((all || (punct & P_CODE) !== 0) &&
      (!symbolsRead || (punct & P_CODE_OPEN) !== 0) &&
      CODE_PUNCT.test(text)) ||
    (may(T_CODE_NOUN) &&
      (!partners || (words & T_CODE_VERB) !== 0) &&
      (pairs === undefined || (pairs & PN_CODE) !== 0) &&
      CODE_TASK.test(text));
  if (coding) tags.push('coding');
  const numberWords = all ? NUMBER_WORDS.test(text) : (words & T_NUMBER_WORD) !== 0;
  const numeric = ctx.numbers > 0 || numberWords || (all && /[一二三四五六七八九十]/.test(text));
  const math =
    ((all || (punct & P_MATH) !== 0) &&
      ((sure & SURE_MATH_SYMBOLS) !== 0 ||
        ((!symbolsRead || (punct & P_MATH_OPEN) !== 0) && MATH_SYMBOLS.test(text)))) ||
    (numeric && (all ? MATH_WORDS.test(text) : (words & T_MATH) !== 0)) ||
    ((ctx.numbers >= 2 || (ctx.numbers >= 1 && numberWords)) &&
      (all ? MATH_WEAK.test(text) : (words & T_MATH_WEAK) !== 0));
  if (!coding && math) tags.push('math');
  const toolUse =
    ctx.tools > 0 ||
    (may(T_TOOL) && (!partners || toolPhrasePossible(words, pairs)) && TOOL_WORDS.test(text));
  if (toolUse) tags.push('tool-use');
  if (
    (may(T_AGENT) &&
      ((sure & SURE_AGENTIC) !== 0 ||
        ((cues === undefined || agenticPossible(cues, pairs)) && AGENT_WORDS.test(text)))) ||
    (toolUse && ctx.turns >= 3)
  )
    tags.push('agentic');
  if (ctx.turns >= 8 || ctx.chars >= 16_000 || (ctx.turns >= 4 && ctx.chars >= 4_000))
    tags.push('long-horizon');
  if (
    ctx.cot ||
    (may(T_REASONING) &&
      ((sure & SURE_REASONING) !== 0 ||
        ((cues === undefined || reasoningPossible(cues, text, pairs)) && REASONING_WORDS.test(text))))
  )
    tags.push('reasoning');
  if (
    may(T_WRITING) &&
    (!partners || (words & T_WRITING_NOUN) !== 0) &&
    ((sure & SURE_WRITING) !== 0 ||
      // on plain-ASCII text: an English verb and noun close enough, or the ASCII es/de verbs
      ((pairs === undefined ||
        (pairs & PN_WRITING) !== 0 ||
        text.includes('escribe') ||
        text.includes('schreib')) &&
        WRITING_WORDS.test(text)))
  )
    tags.push('writing');
  if (
    may(T_TRANSLATION) &&
    ((sure & SURE_TRANSLATION) !== 0 ||
      ((cues === undefined || translationPossible(cues, text)) && TRANSLATION_WORDS.test(text)))
  )
    tags.push('translation');
  if (tags.length === 0 && text.length <= 200 && KNOWLEDGE_START.test(text)) tags.push('knowledge');
  if (tags.length === 0) tags.push('chat');
  return tags.slice();
}
