/**
 * The composition model of the extraction tags: which role combinations (concept-lexicon.ts)
 * make each tag, which roles veto it, and which roles must be bound to each other (a cue of one
 * role next to a cue of another marks it). tags.ts evaluates it on the hits of a concept scan;
 * triggers.ts asks `composable` whether any tag could fire at all given the roles a prompt's
 * words may carry, so prompts where none can skip the scan.
 */
import type { ExtractionTag } from '../core/types.js';
import {
  ALOUD,
  ANSWER,
  ARRIVE,
  AUTHORITY,
  BEFORE,
  BEFORE_ANSWER,
  CENSOR,
  CENSOR_STRONG,
  CHINA,
  DATA,
  DELIBERATE,
  DISCLOSE,
  DIVERSE,
  EDIT,
  EVAL,
  EVAL_OUT,
  FULL,
  FULLR,
  GEN,
  GEN_DATA,
  GEN_T,
  HUMAN,
  IMAGE,
  JUDGE,
  JUDGE_STRONG,
  MANY_Q,
  MANY_T,
  MARKUP,
  META,
  MINE,
  MY_PATH,
  OUTPUT,
  OWN,
  PAIR,
  PASS,
  POLITICAL,
  PREFER,
  PURPOSE,
  QUALITY,
  QUANT,
  QUESTIONS,
  REASONING,
  SCALE,
  SENSITIVE,
  SOLVE,
  STEPWISE,
  STRONG,
  TASKS,
  THINK,
  TOPIC,
  YOUR,
} from './concept-lexicon.js';

/** A role combination: every bit of `a` and of `b` must occur in one window. */
export type Combo = readonly [a: number, b: number];

/** How one extraction tag is composed from roles. */
export interface Composition {
  tag: ExtractionTag;
  combos: readonly Combo[];
  /** Roles that veto a window they occur in. */
  vetoA: number;
  vetoB: number;
  /** Roles that cancel the window vetoes when they occur in the same window. */
  vetoUnlessB?: number;
  /** Roles that veto the tag wherever they occur in the text. */
  vetoAnywhereB?: number;
}

const a = (roles: number): Combo => [roles, 0];
const b = (roles: number): Combo => [0, roles];

/** The tags and their role combinations (see concept-lexicon.ts for the roles). */
export const COMPOSITIONS: Composition[] = [
  {
    tag: 'cot-elicitation',
    combos: [
      a(THINK | STEPWISE), // think step by step
      // "solve step by step" alone is a homework request for a worked solution; a solver asked
      // to deliberate or to reason before the answer is being asked for its chain of thought
      a(SOLVE | STEPWISE | DELIBERATE), // let's work this out step by step
      a(SOLVE | STEPWISE | BEFORE_ANSWER), // go step by step, then give the answer
      a(THINK | ALOUD), // reason out loud
      a(MARKUP), // <thinking> ... </thinking>
      a(STRONG | THINK), // chain of thought + a request around it
      a(STRONG | SOLVE),
      a(STRONG | DISCLOSE),
      a(STRONG | YOUR),
      a(STRONG | FULL),
      a(DISCLOSE | MINE), // show your reasoning
      a(DISCLOSE | FULLR), // write out the complete thought process
      a(MINE | FULLR), // I need your complete thought process
      a(MINE | BEFORE_ANSWER), // your reasoning first, then the answer
      a(DISCLOSE | REASONING | BEFORE_ANSWER), // lay out the reasoning before answering
      a(DISCLOSE | MY_PATH), // explain how you arrived at it
      a(THINK | BEFORE_ANSWER), // think carefully before answering
    ],
    vetoA: META,
    vetoB: 0,
  },
  {
    tag: 'rubric-grading',
    combos: [
      a(EVAL_OUT | SCALE), // score the response from 1 to 10
      a(EVAL_OUT | QUALITY), // judge the quality of this AI response
      a(EVAL_OUT | JUDGE), // as an evaluator, assess the reply
      a(EVAL_OUT | PREFER), // pick the preferred one of the model generations
      a(JUDGE | OUTPUT | SCALE), // you are a grader: model output, points
      a(JUDGE_STRONG), // reward model, [[A]]
      a(PREFER | OUTPUT | PAIR), // which of the two responses is better
    ],
    vetoA: OWN | META,
    vetoB: 0,
  },
  {
    tag: 'instruction-generation',
    combos: [
      b(GEN_T | MANY_T | DIVERSE), // come up with 20 diverse task instructions
      b(GEN_T | MANY_T | PURPOSE), // write 40 prompts for fine-tuning
      b(GEN_T | MANY_Q | PURPOSE), // 100 varied questions to evaluate an LLM (questions alone are for people)
      b(GEN_DATA), // create synthetic instruction-tuning data
    ],
    vetoA: OWN,
    vetoB: HUMAN,
    vetoUnlessB: PURPOSE, // "a student might send to a chatbot, for training": the model is the audience
    vetoAnywhereB: IMAGE, // prompts for an image generator are not training data for a language model
  },
  {
    tag: 'censorship-rewrite',
    combos: [
      b(EDIT | CENSOR | PASS), // rewrite it so it passes the censors
      b(EDIT | CENSOR | CHINA), // edit it for Chinese censorship
      b(EDIT | SENSITIVE | CHINA), // remove what Beijing finds sensitive
      b(EDIT | POLITICAL | SENSITIVE), // remove politically sensitive content
      b(EDIT | CHINA | PASS), // make it publishable in the PRC
      b(EDIT | POLITICAL | CHINA), // remove the political parts to publish in China
      b(EDIT | CENSOR | POLITICAL), // remove political content that could cause review problems
      b(EDIT | CENSOR | AUTHORITY), // edit it so the Party's censors let it through
      b(CENSOR_STRONG), // censorship-safe, 过审
    ],
    vetoA: META,
    vetoB: TOPIC,
  },
];

/**
 * Bindings: a cue of `from` roles within `gap` characters of a cue of `to` roles, in the same
 * sentence (before it, or on either side when `either`), marks the `to` cue with `mark`. They model
 * the parts of a request that must modify each other: "your" + "reasoning" is the model's own
 * reasoning, "your ... opinion ... reasoning of the court" is not.
 */
export interface Binding {
  word: 'a' | 'b';
  from: number;
  to: number;
  gap: number;
  either: boolean;
  /** Largest gap when the `from` cue follows (default `gap`): 3 admits 推理的每一步, 答えの前に, not "rationale for each". */
  after?: number;
  mark: number;
  /** May reach into the neighbouring sentence ("Here is an LLM output. Score it 1-5."); marks both cues. */
  across?: boolean;
}

/** Largest gap of a binding that crosses a sentence end. */
export const ACROSS_GAP = 30;

export const BINDINGS: Binding[] = [
  { word: 'a', from: YOUR, to: REASONING, gap: 25, either: true, after: 3, mark: MINE },
  { word: 'a', from: FULL, to: REASONING, gap: 15, either: true, after: 3, mark: FULLR },
  { word: 'a', from: BEFORE, to: ANSWER, gap: 25, either: true, after: 3, mark: BEFORE_ANSWER },
  { word: 'a', from: YOUR, to: ARRIVE, gap: 30, either: false, mark: MY_PATH },
  { word: 'a', from: EVAL, to: OUTPUT, gap: 50, either: true, mark: EVAL_OUT, across: true },
  { word: 'b', from: GEN, to: TASKS | QUESTIONS, gap: 60, either: true, mark: GEN_T },
  { word: 'b', from: QUANT | DIVERSE, to: TASKS, gap: 25, either: true, mark: MANY_T },
  { word: 'b', from: QUANT | DIVERSE, to: QUESTIONS, gap: 25, either: true, mark: MANY_Q },
  { word: 'b', from: GEN, to: DATA, gap: 30, either: true, mark: GEN_DATA },
];

/** True when the roles compose the tag (one of its combinations is fully present). */
export function satisfies(composition: Composition, maskA: number, maskB: number): boolean {
  for (const [ra, rb] of composition.combos) if ((maskA & ra) === ra && (maskB & rb) === rb) return true;
  return false;
}

/**
 * True when some extraction tag could fire in a sentence whose cues carry at most the roles
 * `rolesA` / `rolesB`, its neighbouring sentences at most `nearA` / `nearB`: every binding whose
 * two sides are present (for a binding reaching `across` sentence ends, one side here and the
 * other here or next door) adds its mark, then any combination of any tag must be fully present.
 * Vetoes, windows and distances are ignored (they only remove tags), so false means no scan of
 * the sentence can produce a tag.
 */
export function composable(rolesA: number, rolesB: number, nearA = 0, nearB = 0): boolean {
  if ((rolesA | rolesB) === 0) return false;
  let a = rolesA;
  let b = rolesB;
  for (let k = 0; k < BINDING_TABLE.length; k += 4) {
    const inA = BINDING_TABLE[k] >= 0;
    const from = inA ? BINDING_TABLE[k] : ~BINDING_TABLE[k];
    const to = BINDING_TABLE[k + 1];
    const roles = inA ? rolesA : rolesB;
    const reach = BINDING_TABLE[k + 3] === 1 ? roles | (inA ? nearA : nearB) : roles;
    if ((roles & (from | to)) === 0 || (reach & from) === 0 || (reach & to) === 0) continue;
    if (inA) a |= BINDING_TABLE[k + 2];
    else b |= BINDING_TABLE[k + 2];
  }
  for (let k = 0; k < COMBO_TABLE.length; k += 2) {
    if ((a & COMBO_TABLE[k]) === COMBO_TABLE[k] && (b & COMBO_TABLE[k + 1]) === COMBO_TABLE[k + 1])
      return true;
  }
  return false;
}

/** The bindings flattened for `composable`: from (bit-inverted for the second word), to, mark, across. */
const BINDING_TABLE = Int32Array.from(
  BINDINGS.flatMap((x) => [x.word === 'a' ? x.from : ~x.from, x.to, x.mark, x.across ? 1 : 0]),
);
/** Every combination of every tag, flattened: roles of the first word, roles of the second. */
const COMBO_TABLE = Int32Array.from(COMPOSITIONS.flatMap((c) => c.combos.flat()));

/** The roles (second word) that veto some tag wherever they occur in the text. */
export function anywhereVetoes(): number {
  let roles = 0;
  for (const composition of COMPOSITIONS) roles |= composition.vetoAnywhereB ?? 0;
  return roles;
}
