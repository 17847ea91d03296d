/** `distillwatch baseline volume|network`: run a reference detector and write the result contract. */
import type { Command } from 'commander';
import { BASELINES, type BaselineName, runBaseline } from '../../baselines/index.js';
import { OperatorError } from '../../core/errors.js';
import { formatIssue, formatSummary } from '../../sources/ndjson/index.js';
import { formatCount } from '../format.js';
import { createProgress, PROGRESS_EVERY_HELP, progressEvery } from '../progress.js';

/** Registers `baseline`. */
export function register(program: Command): void {
  program
    .command('baseline')
    .description(
      'Run a reference detector (volume: per-account 24 h volume threshold; network: hosting/VPN/Tor/relay IP or disposable email) and write campaigns.json + verdicts.ndjson',
    )
    .argument('<name>', `baseline: ${BASELINES.join(' or ')}`)
    .argument('<exchanges>', 'exchange log (NDJSON, .gz, or - for stdin)')
    .option(
      '--accounts <file>',
      'account log: every account in it gets a verdict; network reads email domains from it',
    )
    .requiredOption('--out <dir>', 'result directory to write')
    .option('--threshold <n>', 'volume: exchanges within the window that flag an account', '1000')
    .option('--window-hours <h>', 'volume: sliding window length in hours', '24')
    .option('--progress-every <seconds>', PROGRESS_EVERY_HELP)
    .action(
      async (
        name: string,
        exchanges: string,
        options: {
          accounts?: string;
          out: string;
          threshold: string;
          windowHours: string;
          progressEvery?: string;
        },
      ) => {
        if (!(BASELINES as readonly string[]).includes(name)) {
          throw new OperatorError('usage', `unknown baseline '${name}': use ${BASELINES.join(' or ')}`);
        }
        const threshold = Number(options.threshold);
        const windowHours = Number(options.windowHours);
        if (!(Number.isInteger(threshold) && threshold >= 1))
          throw new OperatorError('usage', `--threshold must be an integer >= 1, got '${options.threshold}'`);
        if (!(windowHours > 0))
          throw new OperatorError('usage', `--window-hours must be > 0, got '${options.windowHours}'`);
        const progress = createProgress(process.stderr, progressEvery(options.progressEvery));
        const report = await runBaseline({
          baseline: name as BaselineName,
          exchangesPath: exchanges,
          accountsPath: options.accounts,
          outDir: options.out,
          volume: { threshold, windowHours },
          onProgress: (count) => progress.update(() => `${name}: ${formatCount(count)} exchanges`),
        });
        progress.done();
        for (const summary of [report.accounts, report.exchanges]) {
          if (!summary) continue;
          process.stderr.write(`${formatSummary(summary)}\n`);
          for (const issue of summary.issues) process.stderr.write(`  ${formatIssue(issue)}\n`);
        }
        if (report.outOfOrder > 0)
          process.stderr.write(
            `${formatCount(report.outOfOrder)} exchanges were older than their account's previous one (counted at that time)\n`,
          );
        const flagged = report.result.verdicts.filter((verdict) => verdict.flaggedAt !== null).length;
        process.stdout.write(
          `${name} baseline: ${formatCount(flagged)} of ${formatCount(report.result.verdicts.length)} accounts flagged; wrote ${options.out}/campaigns.json and verdicts.ndjson\n`,
        );
      },
    );
}
