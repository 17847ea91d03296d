/**
 * Replays a generated world through the scan pipeline in process (no workers, one fingerprinter)
 * with a campaign engine the caller configures, so the bench tools that look inside the engine
 * (calibration, tracing) replay exactly what `scan` does. Writes the scan result to DIR/OUT.
 */
import { createFingerprinter } from '../src/fingerprint/index.js';
import { DEFAULT_PIPELINE_CONFIG } from '../src/pipeline/config.js';
import { scan } from '../src/pipeline/scan.js';
import { createStages } from '../src/pipeline/stages.js';
import { residencyVerdict } from '../src/residency/index.js';
import { type CampaignEngine, createCampaignEngine, type ScoredEvent } from '../src/score/index.js';

/** Replays `DIR/exchanges.ndjson` and `DIR/accounts.ndjson`; every cluster scoring goes to `onScored`. */
export async function replayWorld(
  dir: string,
  out: string,
  onScored: (e: ScoredEvent) => void,
): Promise<CampaignEngine> {
  const engine = createCampaignEngine({ residency: (input) => residencyVerdict(input), onScored });
  const fingerprinter = createFingerprinter();
  const stages = {
    ...createStages(),
    fingerprint: (x: Parameters<typeof fingerprinter.fingerprint>[0]) => fingerprinter.fingerprint(x),
  };
  await scan({
    exchanges: `${dir}/exchanges.ndjson`,
    accounts: `${dir}/accounts.ndjson`,
    out: `${dir}/${out}`,
    config: { ...DEFAULT_PIPELINE_CONFIG, workers: 0 },
    parts: { engine, stages },
  });
  return engine;
}
