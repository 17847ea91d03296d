/** `distillwatch simulate`: generate a world (exchanges, account events, ground-truth labels). */
import type { Command } from 'commander';
import { OperatorError } from '../../core/errors.js';
import { toRfc3339 } from '../../core/time.js';
import { PRESETS, simulateToFiles } from '../../sim/index.js';
import { createProgress, PROGRESS_EVERY_HELP, progressEvery } from '../progress.js';

interface SimulateFlags {
  preset: string;
  seed: string;
  days?: string;
  scale: string;
  out: string;
  corpus?: string;
  gzip?: boolean;
  accountsOut?: string;
  labelsOut?: string;
  progressEvery?: string;
}

function number(flag: string, text: string, integer = false): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value)))
    throw new OperatorError('usage', `${flag} must be ${integer ? 'an integer' : 'a number'}, got '${text}'`);
  return value;
}

/** Registers `simulate`. */
export function register(program: Command): void {
  program
    .command('simulate')
    .description('Generate a simulated world: DIR/exchanges.ndjson, DIR/accounts.ndjson, DIR/labels.json')
    .option('--preset <name>', `world preset (${Object.keys(PRESETS).join(', ')})`, 'small')
    .option('--seed <n>', 'random seed (same seed, same bytes)', '1')
    .option('--days <d>', "length of the window in days (default: the preset's)")
    .option('--scale <s>', 'multiplies accounts and volume', '1')
    .requiredOption('--out <dir>', "output directory, or '-' for exchanges on stdout")
    .option('--corpus <dir>', 'mix in real prompts from *.jsonl files (text, kind, turns, tools)')
    .option('--gzip', 'write exchanges.ndjson.gz')
    .option(
      '--accounts-out <file>',
      'account events file (default DIR/accounts.ndjson, or ./accounts.ndjson with --out -)',
    )
    .option('--labels-out <file>', 'labels file (default DIR/labels.json, or ./labels.json with --out -)')
    .option('--progress-every <seconds>', PROGRESS_EVERY_HELP)
    .action(async (flags: SimulateFlags) => {
      const progress = createProgress(process.stderr, progressEvery(flags.progressEvery));
      const started = performance.now();
      const { stats, paths } = await simulateToFiles(
        {
          preset: flags.preset,
          seed: number('--seed', flags.seed, true),
          days: flags.days === undefined ? undefined : number('--days', flags.days),
          scale: number('--scale', flags.scale),
          corpus: flags.corpus,
          onHour: (s, t) =>
            progress.update(
              () =>
                `simulate: ${toRfc3339(t).slice(0, 13)}h  ${s.exchanges.toLocaleString('en-US')} exchanges`,
            ),
        },
        { out: flags.out, gzip: flags.gzip, accountsOut: flags.accountsOut, labelsOut: flags.labelsOut },
      );
      const seconds = (performance.now() - started) / 1000;
      progress.done();
      const where = flags.out === '-' ? 'stdout' : paths.exchanges;
      process.stderr.write(
        `simulated ${stats.exchanges.toLocaleString('en-US')} exchanges (${stats.attackExchanges.toLocaleString('en-US')} attack) ` +
          `of ${stats.accounts.toLocaleString('en-US')} accounts, ${stats.accountEvents.toLocaleString('en-US')} account events ` +
          `in ${seconds.toFixed(1)} s (${Math.round(stats.exchanges / seconds).toLocaleString('en-US')}/s)\n` +
          `  exchanges: ${where}\n  accounts:  ${paths.accounts}\n  labels:    ${paths.labels}\n`,
      );
    });
}
