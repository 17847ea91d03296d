/**
 * The versioned score weights (weights.v1.json, reviewed like code): a logistic model over the
 * detector values, the status thresholds and the smallest cluster that may become a campaign.
 */
import weightsV1 from './weights.v1.json' with { type: 'json' };

/** The contents of a weights file. */
export interface ScoreWeights {
  version: number;
  /** How the weights were obtained (data, seeds, method). */
  comment: string;
  bias: number;
  /** Detector id -> weight (negative for benign-looking detectors). */
  weights: Record<string, number>;
  /**
   * `keep`: a confirmed campaign goes on flagging members while its score stays at or above it
   * and most of its members are flagged (default: `suspected`), so a dip while a few young
   * members join does not pause its flags.
   */
  thresholds: { suspected: number; confirmed: number; keep?: number };
  minAccounts: number;
  minExchanges: number;
  /**
   * A cluster smaller than `minAccounts` but of at least `accounts` accounts may become a campaign
   * when it scores at least `score`: a handful of accounts can carry overwhelming evidence long
   * before the operator has added more, and waiting for them is traffic served.
   */
  smallCluster?: { accounts: number; score: number };
  /**
   * A cluster whose organisation-cohesion is at least `cohesion` (one declared org billed to one
   * instrument) and whose residency inconsistency stays below `maxResidencyInconsistency` is one
   * accountable customer: scored and explained, never flagged automatically.
   */
  accountableCustomer?: { cohesion: number; maxResidencyInconsistency: number };
}

/** The weights shipped with this version. */
export const DEFAULT_WEIGHTS: ScoreWeights = weightsV1 as ScoreWeights;

/**
 * Whether a cluster of `accounts` accounts that has sent `exchanges` may become a campaign at
 * `score` (it still needs the `suspected` threshold, and is never flagged automatically when it is
 * one accountable customer): `minAccounts` accounts, or a small cluster's higher score, and
 * `minExchanges` exchanges.
 */
export function bigEnoughForCampaign(
  w: ScoreWeights,
  accounts: number,
  exchanges: number,
  score: number,
): boolean {
  const small = w.smallCluster;
  const bigEnough =
    accounts >= w.minAccounts || (small !== undefined && accounts >= small.accounts && score >= small.score);
  return bigEnough && exchanges >= w.minExchanges;
}
