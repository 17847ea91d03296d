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

/**
 * Replays `DIR/exchanges.ndjson` and `DIR/accounts.ndjson`; every cluster scoring goes to
 * `onScored`. `workers` as in `scan`'s config: each partition mines its own templates, so a
 * rare family's ids (and the campaigns) can depend on it; pass scan's default to see what it sees.
 */
export async function replayWorld(
  dir: string,
  out: string,
  onScored: (e: ScoredEvent) => void,
  workers = 0,
): Promise<CampaignEngine> {
  const engine = createCampaignEngine({ residency: (input) => residencyVerdict(input), onScored });
  const fingerprinter = createFingerprinter();
  // Worker partitions run the configured stages module; the calling thread runs these.
  const stages = {
    ...createStages(),
    fingerprint: (x: Parameters<typeof fingerprinter.fingerprint>[0]) => fingerprinter.fingerprint(x),
  };
  await scan({
    exchanges: `${dir}/exchanges.ndjson`,
    accounts: `${dir}/accounts.ndjson`,
    out: `${dir}/${out}`,
    config: { ...DEFAULT_PIPELINE_CONFIG, workers },
    parts: workers > 0 ? { engine } : { engine, stages },
  });
  return engine;
}
