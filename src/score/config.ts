/**
 * Validation of the campaign engine's configuration (the `engine` part of a pipeline config
 * file): unknown fields and wrong types are an operator error with the field's path and the
 * reason, never a silent default.
 */
import * as v from 'valibot';
import { OperatorError } from '../core/errors.js';

const Num = v.number('must be a number');
const NonNeg = v.pipe(Num, v.minValue(0, 'must be >= 0'));
const Share = v.pipe(Num, v.minValue(0, 'must be >= 0'), v.maxValue(1, 'must be <= 1'));

const LinkSchema = v.strictObject({
  minPopulation: v.optional(NonNeg),
  expectedPartners: v.optional(v.pipe(Num, v.minValue(1, 'must be >= 1'))),
  edgeMargin: v.optional(Num),
  minKinds: v.optional(NonNeg),
  singleKindBits: v.optional(NonNeg),
  anchorBits: v.optional(NonNeg),
  maxNeighbours: v.optional(NonNeg),
  spreadNeighbours: v.optional(NonNeg),
  spreadFloor: v.optional(Share),
  fullPostings: v.optional(NonNeg),
  recentSamples: v.optional(NonNeg),
  hashedSamples: v.optional(NonNeg),
  maxCandidates: v.optional(NonNeg),
  candidateFloor: v.optional(NonNeg),
  sharedByDesignBits: v.optional(NonNeg),
  addressShare: v.optional(Share),
  profileRarityBits: v.optional(NonNeg),
  diminishing: v.optional(Share),
  valueFloor: v.optional(NonNeg),
  amplifierFloor: v.optional(NonNeg),
});

const ClusterSchema = v.strictObject({
  minSize: v.optional(NonNeg),
  louvainMinSize: v.optional(NonNeg),
  resolution: v.optional(NonNeg),
  mergeRatio: v.optional(NonNeg),
  regrowShare: v.optional(NonNeg),
  fullEveryMs: v.optional(NonNeg),
  maxComponent: v.optional(NonNeg),
});

const WeightsSchema = v.strictObject({
  version: Num,
  comment: v.string('must be a string'),
  bias: Num,
  weights: v.record(v.string(), Num, 'must be an object of numbers'),
  thresholds: v.strictObject({ suspected: Share, confirmed: Share, keep: v.optional(Share) }),
  minAccounts: NonNeg,
  minExchanges: NonNeg,
  smallCluster: v.optional(v.strictObject({ accounts: NonNeg, score: Share })),
  accountableCustomer: v.optional(v.strictObject({ cohesion: Share, maxResidencyInconsistency: Share })),
});

/** The JSON-able engine options (functions such as `residency` are passed in code). */
export const EngineConfigFileSchema = v.strictObject(
  {
    link: v.optional(LinkSchema),
    cluster: v.optional(ClusterSchema),
    weights: v.optional(WeightsSchema),
    rekeyEveryMs: v.optional(NonNeg),
    relinkChange: v.optional(Share),
    maxRelinkPerTick: v.optional(v.pipe(Num, v.minValue(1, 'must be >= 1'))),
    rescoreEveryMs: v.optional(NonNeg),
    graphEdgeLimit: v.optional(NonNeg),
    residency: v.optional(v.function('must be a function')),
    onScored: v.optional(v.function('must be a function')),
    detectors: v.optional(v.array(v.unknown(), 'must be an array')),
  },
  'unknown field (allowed: link, cluster, weights, rekeyEveryMs, relinkChange, maxRelinkPerTick, rescoreEveryMs, graphEdgeLimit)',
);

/** Throws an OperatorError('config') naming the first bad field of an engine configuration. */
export function checkEngineConfig(config: unknown): void {
  const result = v.safeParse(EngineConfigFileSchema, config);
  if (result.success) return;
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  throw new OperatorError('config', `engine${path ? `.${path}` : ''}: ${issue.message}`);
}
