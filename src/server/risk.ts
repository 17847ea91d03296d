/**
 * The enforcement decision for one account, as a gateway asks for it inline: a pure function of
 * what detection already concluded (verdict, campaign and its review status) and any analyst
 * override. No detection happens here; it only maps conclusions to `allow | review | challenge |
 * block` and says why, in words.
 */
import type { AccountVerdict, CampaignResult } from '../core/types.js';
import type { OverrideRecord } from '../store/types.js';

export type Decision = 'allow' | 'review' | 'challenge' | 'block';

/** The answer of `GET /v1/accounts/:id/risk`. */
export interface RiskDecision {
  account: string;
  decision: Decision;
  risk: number;
  campaign: string | null;
  reasons: string[];
}

/** Thresholds of the mapping (risk and campaign scores are 0..1). */
export interface RiskPolicy {
  /** Risk at or above which an account outside any campaign is reviewed (default 0.5). */
  reviewAt: number;
  /** Risk at or above which an account outside any campaign is challenged (default 0.8). */
  challengeAt: number;
  /** Suspected-campaign score at or above which members are challenged rather than reviewed (default 0.7). */
  campaignChallengeAt: number;
}

export const DEFAULT_RISK_POLICY: RiskPolicy = { reviewAt: 0.5, challengeAt: 0.8, campaignChallengeAt: 0.7 };

/** Maps an account's verdict, campaign and override to a decision with reasons. */
export function decideRisk(
  account: string,
  verdict: AccountVerdict | undefined,
  campaign: CampaignResult | undefined,
  override: OverrideRecord | undefined,
  policy: RiskPolicy = DEFAULT_RISK_POLICY,
): RiskDecision {
  const risk = verdict?.risk ?? 0;
  const campaignId = campaign?.id ?? verdict?.campaign ?? null;
  if (override) {
    const why = override.note ? `: ${override.note}` : '';
    return {
      account,
      decision: override.decision,
      risk,
      campaign: campaignId,
      reasons: [`analyst override by ${override.actor} (${override.decision})${why}`],
    };
  }
  if (campaign && campaign.status !== 'dismissed' && campaign.status !== 'closed') {
    const evidence = campaign.evidence
      .slice()
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 3)
      .map((item) => item.summary);
    const head = `member of ${campaign.status} campaign ${campaign.id} (score ${campaign.score.toFixed(2)}, ${campaign.accounts.length} accounts)`;
    const decision: Decision =
      campaign.status === 'confirmed'
        ? 'block'
        : campaign.score >= policy.campaignChallengeAt
          ? 'challenge'
          : 'review';
    return { account, decision, risk, campaign: campaign.id, reasons: [head, ...evidence] };
  }
  if (!verdict)
    return { account, decision: 'allow', risk: 0, campaign: null, reasons: ['no suspicious activity seen'] };
  if (campaign?.status === 'dismissed' && verdict.campaign === campaign.id) {
    // The account's risk came from a pattern a reviewer dismissed: it does not count against it.
    return {
      account,
      decision: 'allow',
      risk,
      campaign: campaign.id,
      reasons: [`campaign ${campaign.id} was dismissed by review`],
    };
  }
  const dismissed =
    campaign?.status === 'dismissed' ? [`campaign ${campaign.id} was dismissed by review`] : [];
  if (risk >= policy.challengeAt) {
    return {
      account,
      decision: 'challenge',
      risk,
      campaign: campaignId,
      reasons: [`account risk ${risk.toFixed(2)} >= ${policy.challengeAt}`, ...dismissed],
    };
  }
  if (risk >= policy.reviewAt) {
    return {
      account,
      decision: 'review',
      risk,
      campaign: campaignId,
      reasons: [`account risk ${risk.toFixed(2)} >= ${policy.reviewAt}`, ...dismissed],
    };
  }
  return {
    account,
    decision: 'allow',
    risk,
    campaign: campaignId,
    reasons: [`account risk ${risk.toFixed(2)} below ${policy.reviewAt}`, ...dismissed],
  };
}
