/** `distillwatch eval`: score a result directory against the simulator's ground truth. */
import type { Command } from 'commander';
import { OperatorError } from '../../core/errors.js';
import { evaluateResult, type Score, writeScore } from '../../eval/index.js';
import { formatCount, formatRatio, formatTable } from '../format.js';

/** Rows shown per table; score.json holds them all. */
const MAX_ROWS = 40;

/** Registers `eval`. */
export function register(program: Command): void {
  program
    .command('eval')
    .description(
      'Score a result (campaigns.json + verdicts.ndjson) against ground truth; writes OUTDIR/score.json',
    )
    .requiredOption('--labels <file>', 'ground truth written by simulate (DIR/labels.json)')
    .requiredOption('--result <dir>', 'result directory (campaigns.json + verdicts.ndjson)')
    .option('--exchanges <file>', 'the exchange log the result came from (for the served-before-flag share)')
    .option('--fp-budget <rate>', 'benign false-positive budget for the risk-ranked recall', '0.01')
    .action(async (options: { labels: string; result: string; exchanges?: string; fpBudget: string }) => {
      const budget = Number(options.fpBudget);
      if (!(budget >= 0 && budget <= 1))
        throw new OperatorError(
          'usage',
          `--fp-budget must be a rate between 0 and 1, got '${options.fpBudget}'`,
        );
      const score = await evaluateResult({
        labelsPath: options.labels,
        resultDir: options.result,
        exchangesPath: options.exchanges,
        falsePositiveBudget: budget,
      });
      const path = await writeScore(options.result, score);
      process.stdout.write(`${renderScore(score)}\n\nwrote ${path}\n`);
    });
}

const hours = (h: number | null) => (h === null ? 'never' : h.toFixed(1));
const share = (x: number | null) => formatRatio(x, 3);
const capped = <T>(rows: T[]) => rows.slice(0, MAX_ROWS);
const more = (rows: unknown[]) =>
  rows.length > MAX_ROWS ? `\n... ${rows.length - MAX_ROWS} more in score.json` : '';

/** Text cut to `max` characters with an ellipsis (the full text is in score.json). */
function abbreviate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The score as readable text tables. */
export function renderScore(score: Score): string {
  const { world, accounts: a, atBudget, detection, exposure, purity, attribution } = score;
  const parts: string[] = [];
  parts.push(`world: ${world.preset} (seed ${world.seed}, scale ${world.scale}, ${world.days} days)`);
  parts.push(
    formatTable(
      ['accounts', 'value'],
      [
        [
          'labelled (attack / benign)',
          `${formatCount(a.labeled)} (${formatCount(a.attack)} / ${formatCount(a.benign)})`,
        ],
        [
          'flagged (TP / FP)',
          `${formatCount(a.flagged)} (${formatCount(a.truePositives)} / ${formatCount(a.falsePositives)})`,
        ],
        ['precision', share(a.precision)],
        ['recall', share(a.recall)],
        ['F1', share(a.f1)],
        ['benign false-positive rate', formatRatio(a.falsePositiveRate, 4)],
        [
          `recall at benign FPR <= ${atBudget.falsePositiveBudget}`,
          `${share(atBudget.recall)} (risk >= ${atBudget.riskThreshold ?? '-'}, FPR ${formatRatio(atBudget.falsePositiveRate, 4)})`,
        ],
      ],
    ),
  );
  const personaRows = score.personas.map((p) => [
    p.persona,
    p.accounts,
    p.flaggedBenign + p.flaggedAttack,
    formatRatio(p.falsePositiveRate, 4),
    share(p.recall),
  ]);
  parts.push(
    formatTable(['persona', 'accounts', 'flagged', 'benign FPR', 'recall'], capped(personaRows)) +
      more(personaRows),
  );
  const campaignRows = score.campaigns.map((c) => [
    c.id,
    abbreviate(c.tactics.join('+') || '-', 40),
    c.accounts,
    c.flagged,
    share(c.recall),
    c.detected ? 'yes' : 'no',
    hours(c.hoursToFirstFlag),
    hours(c.hoursToDetect),
    c.harvestStart === null ? 'n/a' : hours(c.hoursFromHarvestToDetect),
    c.exposure ? share(c.exposure.share) : 'n/a',
  ]);
  parts.push(
    formatTable(
      [
        'campaign',
        'tactics',
        'accounts',
        'flagged',
        'recall',
        'detected',
        'h to 1st flag',
        'h to detect',
        'h harvest→caught',
        'served before flag',
      ],
      capped(campaignRows),
    ) + more(campaignRows),
  );
  const tacticRows = score.tactics.map((t) => [
    t.tactic,
    t.campaigns,
    t.campaignsDetected,
    t.accounts,
    share(t.recall),
  ]);
  if (tacticRows.length > 0)
    parts.push(
      formatTable(['campaign tactic', 'campaigns', 'detected', 'accounts', 'recall'], capped(tacticRows)) +
        more(tacticRows),
    );
  const accountTacticRows = score.accountTactics.map((t) => [
    t.tactic,
    t.accounts,
    t.flagged,
    share(t.recall),
  ]);
  if (accountTacticRows.length > 0)
    parts.push(
      formatTable(['account tactic', 'accounts', 'flagged', 'recall'], capped(accountTacticRows)) +
        more(accountTacticRows),
    );
  parts.push(
    [
      `campaigns detected (recall >= 0.5): ${detection.detected} of ${detection.campaigns}`,
      `median hours to first flag: ${hours(detection.medianHoursToFirstFlag)}; to detection: ${hours(detection.medianHoursToDetect)}` +
        (score.campaigns.some((c) => c.harvestStart !== null)
          ? `; from harvest start to caught at work: ${hours(detection.medianHoursFromHarvestToDetect)}`
          : ''),
      exposure
        ? `campaign exchanges served before the flag: ${formatCount(exposure.servedBeforeFlag)} of ${formatCount(exposure.attackExchanges)} (${share(exposure.servedBeforeFlagShare)}); ` +
          `benign exchanges after a flag: ${formatCount(exposure.benignAfterFlag)} of ${formatCount(exposure.benignExchanges)} (${formatRatio(exposure.benignAfterFlagShare, 4)})`
        : 'served-before-flag share: unavailable (pass --exchanges FILE, the log the result came from)',
      `result campaigns: ${purity.campaigns} (${purity.scored} non-empty); purity weighted ${share(purity.weighted)}, mean ${share(purity.mean)}`,
      `attributions: ${attribution.attributed} (same operator ${attribution.sameOperator}, across operators ${attribution.acrossOperators}, unresolved ${attribution.unresolved}; precision ${share(attribution.precision)}); ` +
        `campaigns linked to an earlier one of their operator: ${attribution.linked} of ${attribution.linkable} (${share(attribution.recall)})`,
    ].join('\n'),
  );
  const bySize = [...purity.byCampaign].sort((x, y) => y.accounts - x.accounts);
  const purityRows = bySize
    .filter((p) => p.accounts > 0)
    .map((p) => [
      p.id,
      p.accounts,
      p.dominantCampaign ?? '-',
      p.dominantAccounts,
      p.benign,
      p.unknown,
      share(p.purity),
    ]);
  if (purityRows.length > 0) {
    parts.push(
      formatTable(
        ['result campaign', 'accounts', 'dominant truth', 'from it', 'benign', 'unknown', 'purity'],
        capped(purityRows),
      ) + more(purityRows),
    );
  }
  if (score.warnings.length > 0) parts.push(score.warnings.map((w) => `warning: ${w}`).join('\n'));
  return parts.join('\n\n');
}
