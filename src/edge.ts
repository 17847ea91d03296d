/**
 * The lightweight edge entry (`distillwatch/edge`): only the fingerprint code, no schema library,
 * CLI or graph dependencies, so a gateway can fingerprint prompts in-process and ship only the
 * fingerprints (privacy mode: `Exchange.fingerprint` instead of `Exchange.prompt`).
 */
export type {
  CapabilityTag,
  Exchange,
  ExtractionMatch,
  ExtractionTag,
  Fingerprint,
  RequestShape,
} from './core/types.js';
export {
  createFingerprinter,
  type Fingerprinter,
  type FingerprinterOptions,
  type FingerprintOptions,
  fingerprint,
  requestShape,
} from './fingerprint/fingerprint.js';
export { checkFingerprint } from './fingerprint/validate.js';
