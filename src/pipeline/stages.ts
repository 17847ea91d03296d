/**
 * The default per-event stages: the enricher (src/enrich) and the fingerprinter
 * (src/fingerprint). Built once per partition (once per worker thread), from plain options so a
 * worker can build its own: `createStages` is what `hosts.ts` names as a worker's stages module.
 */
import type { Exchange, Fingerprint } from '../core/types.js';
import { createEnricher, type EnricherOptions } from '../enrich/index.js';
import { createFingerprinter, type FingerprinterOptions } from '../fingerprint/index.js';
import type { PerEventStages } from './partition.js';

/** Options of the default stages (the `stages` part of the pipeline config). */
export interface StageOptions {
  enrich?: EnricherOptions;
  fingerprint?: FingerprinterOptions;
}

/** The URL of this module, for worker threads to import. */
export const DEFAULT_STAGES_MODULE = import.meta.url;

/** Builds the default per-event stages. */
export function createStages(options: StageOptions = {}): PerEventStages {
  const enricher = createEnricher(options.enrich);
  const fingerprinter = createFingerprinter(options.fingerprint);
  return {
    fingerprint(exchange: Exchange): Fingerprint | null {
      if (exchange.prompt === undefined && exchange.fingerprint === undefined) return null;
      try {
        return fingerprinter.fingerprint(exchange);
      } catch {
        return null; // a precomputed fingerprint that fails validation, without a prompt to redo it
      }
    },
    net: (address) => enricher.ip(address),
    client: (userAgent, sdk) => enricher.client(userAgent, sdk),
  };
}
