/**
 * The detector registry: one line per detector, in evidence order. The score reads each
 * detector's weight by id from src/score/weights.v1.json; a detector without a weight is inert.
 */
import { capabilityFocus } from './capability-focus/capability-focus.js';
import { churn } from './churn/churn.js';
import { clusterScale } from './cluster-scale/cluster-scale.js';
import type { Detector } from './detector.js';
import { educationNetwork } from './education-network/education-network.js';
import { extractionShare } from './extraction-share/extraction-share.js';
import { harvestingParams } from './harvesting-params/harvesting-params.js';
import { humanRhythm } from './human-rhythm/human-rhythm.js';
import { modelPivot } from './model-pivot/model-pivot.js';
import { organisationCohesion } from './organisation-cohesion/organisation-cohesion.js';
import { proxyShare } from './proxy-share/proxy-share.js';
import { residencyInconsistency } from './residency-inconsistency/residency-inconsistency.js';
import { signupBurst } from './signup-burst/signup-burst.js';
import { synchronisedActivity } from './synchronised-activity/synchronised-activity.js';
import { templateConcentration } from './template-concentration/template-concentration.js';
import { templateExclusivity } from './template-exclusivity/template-exclusivity.js';
import { volumeUniformity } from './volume-uniformity/volume-uniformity.js';

export type { Detector, DetectorContext, Finding } from './detector.js';

/** Every cluster detector, one line each. */
export const DETECTORS: readonly Detector<unknown>[] = [
  templateConcentration as Detector<unknown>,
  templateExclusivity as Detector<unknown>,
  extractionShare as Detector<unknown>,
  capabilityFocus as Detector<unknown>,
  harvestingParams as Detector<unknown>,
  residencyInconsistency as Detector<unknown>,
  proxyShare as Detector<unknown>,
  signupBurst as Detector<unknown>,
  synchronisedActivity as Detector<unknown>,
  churn as Detector<unknown>,
  modelPivot as Detector<unknown>,
  volumeUniformity as Detector<unknown>,
  clusterScale as Detector<unknown>,
  organisationCohesion as Detector<unknown>,
  educationNetwork as Detector<unknown>,
  humanRhythm as Detector<unknown>,
];
