/**
 * The fingerprint of one exchange: masked template, near-duplicate band keys, capability and
 * extraction tags, language and request shape.
 *
 * `fingerprint()` is pure and stateless: its `template` is a 64-bit hash of the masked, bounded
 * token stream (plus the shape of the declared tools), so the same masked prompt gets the same id
 * on any machine; that is what lets a gateway compute fingerprints at the edge and ship only them
 * (privacy mode). `createFingerprinter()` adds the online template miner (miner.ts): its
 * `template` is the id of the mined template, which groups the variants of one wrapper.
 */
import type { Exchange, Fingerprint, RequestShape } from '../core/types.js';
import { combine, fmix32, hashString, hex64 } from './hash.js';
import { detectLanguage } from './language.js';
import { createTemplateMiner, type MinerOptions, type MinerState } from './miner.js';
import { bandKeys, type LshParams, lshParams, minhash } from './minhash.js';
import { type BoundOptions, boundedMaskedText, LATIN, NUM, scan, type TokenStream } from './normalise.js';
import { capabilityTags, extractionTags, type RuleLanguage } from './tags.js';
import { FOREIGN, triggersOf } from './triggers.js';
import { checkFingerprint } from './validate.js';

/** Options of the stateless fingerprint (defaults in parentheses). */
export interface FingerprintOptions extends BoundOptions {
  /** MinHash slots, a power of two (128). */
  slots?: number;
  /** Jaccard similarity above which prompts should share a band key (0.7): picks bands x rows. */
  threshold?: number;
  /** Explicit banding, overriding `threshold`. */
  bands?: number;
  rows?: number;
  /** Seed of the shingle hash: fingerprints are only comparable under the same seed (0). */
  seed?: number;
  /** Longest `templateText` kept, in characters (512); 0 keeps only the id (privacy mode). */
  templateTextChars?: number;
}

const paramsCache = new Map<string, LshParams>();
let defaultParams: LshParams | undefined;

/** The banding used for a set of options (cached). */
export function resolveLsh(options: FingerprintOptions = {}): LshParams {
  const slots = options.slots ?? 128;
  if (options.bands !== undefined && options.rows !== undefined) {
    if (options.bands * options.rows > slots)
      throw new RangeError(`bands x rows (${options.bands}x${options.rows}) exceeds ${slots} slots`);
    return { slots, bands: options.bands, rows: options.rows };
  }
  if (options.slots === undefined && options.threshold === undefined) {
    defaultParams ??= lshParams(0.7, 128);
    return defaultParams;
  }
  const threshold = options.threshold ?? 0.7;
  const key = `${slots}:${threshold}`;
  let params = paramsCache.get(key);
  if (params === undefined) {
    params = lshParams(threshold, slots);
    paramsCache.set(key, params);
  }
  return params;
}

const signatures = new Map<number, Uint32Array>();

function signatureBuffer(slots: number): Uint32Array {
  let sig = signatures.get(slots);
  if (sig === undefined) {
    if (slots < 16 || slots > 1024 || (slots & (slots - 1)) !== 0)
      throw new RangeError(`slots must be a power of two in 16..1024, got ${slots}`);
    sig = new Uint32Array(slots);
    signatures.set(slots, sig);
  }
  return sig;
}

/** Shape of declared tool schemas: per tool, its parameter types (`?` = optional), names masked. */
export function toolShape(tools: unknown[] | undefined): string {
  if (!tools || tools.length === 0) return '';
  const shapes = tools.map((tool) => {
    const t = (tool ?? {}) as Record<string, unknown>;
    const fn = (t.function ?? t) as Record<string, unknown>;
    const schema = (fn.parameters ?? fn.input_schema ?? t.input_schema ?? {}) as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const params = Object.keys(properties)
      .map((name) => {
        const type = ((properties[name] ?? {}) as Record<string, unknown>).type;
        return `${typeof type === 'string' ? type : 'any'}${required.has(name) ? '' : '?'}`;
      })
      .sort();
    return `f(${params.join(',')})`;
  });
  return `<tools:${shapes.sort().join(' ')}>`;
}

/** Request shape: turns, tools, context bucket and the sampling parameters the exchange carries. */
export function requestShape(exchange: Partial<Exchange>): RequestShape {
  const chars = (exchange.prompt?.length ?? 0) + (exchange.system?.length ?? 0);
  const shape: RequestShape = {
    turns: exchange.turns ?? 1,
    tools: exchange.tools?.length ?? 0,
    contextBucket: chars < 256 ? 'xs' : chars < 1024 ? 's' : chars < 4096 ? 'm' : chars < 16384 ? 'l' : 'xl',
    chars,
    hasSystem: exchange.system !== undefined && exchange.system !== '',
  };
  if (exchange.n !== undefined) shape.n = exchange.n;
  if (exchange.logprobs !== undefined) shape.logprobs = exchange.logprobs;
  if (exchange.temperature !== undefined) shape.temperature = exchange.temperature;
  if (exchange.topP !== undefined) shape.topP = exchange.topP;
  if (exchange.seed !== undefined) shape.seed = exchange.seed;
  return shape;
}

/** 64-bit hex id of a token stream and a structure key. */
function streamId(s: TokenStream, structure: number): string {
  let h1 = fmix32(structure ^ 0x1b873593);
  let h2 = fmix32(structure ^ 0x68e31da4);
  for (let t = 0; t < s.count; t++) {
    h1 = combine(h1, s.hashes[t]);
    h2 = combine(h2, s.hashes[t] ^ 0x5851f42d);
  }
  h1 = combine(h1, s.count);
  return hex64(fmix32(h1), fmix32(h2));
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.floor(max * 0.7);
  return `${text.slice(0, head)} <…> ${text.slice(text.length - (max - head - 5))}`;
}

const SYSTEM_CHARS = 4096;
const LATIN_RULES: RuleLanguage[] = ['en', 'es', 'fr', 'de'];
const ENGLISH: RuleLanguage[] = ['en'];

/** True when every word of the stream is in Latin script (no CJK, Cyrillic, ... tokens). */
function latinOnly(s: TokenStream): boolean {
  const sc = s.scripts;
  for (let i = 0; i < sc.length; i++) if (i !== LATIN && sc[i] > 0) return false;
  return true;
}

/** The fingerprint around a template (shared by the stateless and the mining paths). */
function complete(
  exchange: Partial<Exchange>,
  options: FingerprintOptions,
  params: LshParams,
  s: TokenStream,
  structure: string,
  template: string,
  templateText: string,
): Fingerprint {
  const sig = signatureBuffer(params.slots);
  const bands = minhash(s, sig, options.seed ?? 0) > 0 ? bandKeys(sig, params) : [];
  const system = exchange.system
    ? exchange.system.slice(0, SYSTEM_CHARS).normalize('NFKC').toLowerCase()
    : '';
  const tagText = system ? `${system}\n${s.text}` : s.text;
  // A Latin-script prompt without a system prompt: the trigger pass also gives the language
  let triggers = system === '' && latinOnly(s) ? triggersOf(s) : null;
  const language = triggers !== null ? (triggers.latinLanguage as string) : detectLanguage(s);
  // The trigger table covers English (and es/fr/de words); anything else runs every regex gate.
  if (language !== 'en' && language !== 'und') triggers = null;
  const extraction =
    triggers === null
      ? extractionTags(tagText)
      : extractionTags(
          tagText,
          triggers.words,
          (triggers.words & FOREIGN) !== 0 ? LATIN_RULES : ENGLISH,
          triggers.spans ?? null,
        );
  const shape = requestShape(exchange);
  const capabilities = capabilityTags(tagText, {
    tools: shape.tools,
    turns: shape.turns,
    chars: shape.chars,
    codeBlocks: s.codeBlocks,
    cot: extraction.some((m) => m.tag === 'cot-elicitation'),
    numbers: s.masks[NUM],
    triggers,
  });
  if (structure !== '' && !capabilities.includes('tool-use')) capabilities.push('tool-use');
  return { template, templateText, bands, capabilities, extraction, language, shape };
}

/** Computes the stateless fingerprint of an exchange (pure, deterministic). */
export function fingerprint(exchange: Partial<Exchange>, options: FingerprintOptions = {}): Fingerprint {
  const s = scan(exchange.prompt ?? '', options);
  const structure = toolShape(exchange.tools);
  const structureKey = structure === '' ? 0 : hashString(structure);
  const template = streamId(s, structureKey);
  const max = options.templateTextChars ?? 512;
  const masked = max <= 0 ? '' : boundedMaskedText(s, max);
  const templateText = max <= 0 ? '' : clip(structure === '' ? masked : `${structure} ${masked}`, max);
  return complete(exchange, options, resolveLsh(options), s, structure, template, templateText);
}

/** Options of a fingerprinter: the stateless options plus the miner's. */
export interface FingerprinterOptions extends FingerprintOptions {
  miner?: MinerOptions;
}

/** A stateful fingerprinter whose templates are mined online. */
export interface Fingerprinter {
  /** Fingerprints one exchange; a precomputed `exchange.fingerprint` (privacy mode) is validated and returned. */
  fingerprint(exchange: Partial<Exchange>): Fingerprint;
  /** The templates mined so far, largest first. */
  templates(): { id: string; text: string; size: number }[];
  /** The miner's state, to resume from (`importState`) after a restart. */
  exportState(): MinerState;
  importState(state: MinerState): void;
}

/** Creates a fingerprinter with an online Drain-style template miner (see miner.ts). */
export function createFingerprinter(options: FingerprinterOptions = {}): Fingerprinter {
  const miner = createTemplateMiner(options.miner);
  const max = options.templateTextChars ?? 512;
  const params = resolveLsh(options);
  return {
    fingerprint(exchange) {
      if (exchange.fingerprint !== undefined) {
        const problem = checkFingerprint(exchange.fingerprint);
        if (problem === null) return exchange.fingerprint;
        if (exchange.prompt === undefined) throw new TypeError(`exchange.fingerprint is invalid: ${problem}`);
      }
      const s = scan(exchange.prompt ?? '', options);
      const structure = toolShape(exchange.tools);
      const mined = miner.add(s, structure === '' ? 0 : hashString(structure));
      const templateText =
        max <= 0 ? '' : clip(structure === '' ? mined.text : `${structure} ${mined.text}`, max);
      return complete(exchange, options, params, s, structure, mined.id, templateText);
    },
    templates: () => miner.templates(),
    exportState: () => miner.exportState(),
    importState: (state) => miner.importState(state),
  };
}
