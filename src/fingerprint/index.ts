/** Prompt fingerprinting: normalisation and masking, template mining, MinHash + LSH, tags, language. */
export {
  createFingerprinter,
  type Fingerprinter,
  type FingerprinterOptions,
  type FingerprintOptions,
  fingerprint,
  requestShape,
  resolveLsh,
  toolShape,
} from './fingerprint.js';
export {
  type AccountSharing,
  createFingerprintIndex,
  type FingerprintIndex,
  type FingerprintIndexJSON,
  type FingerprintIndexOptions,
  fingerprintIndexFromJSON,
  type KeyKind,
  type KeyStats,
  type SharedKey,
} from './fingerprint-index.js';
export {
  createTemplateMiner,
  type MinerOptions,
  type MinerState,
  type Template,
  type TemplateMiner,
} from './miner.js';
export { collisionProbability, type LshParams, lshParams } from './minhash.js';
export { type BoundOptions, normalise } from './normalise.js';
export { checkFingerprint } from './validate.js';
