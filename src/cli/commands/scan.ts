/** `distillwatch scan`: replay a log in event time through the pipeline; write the result and report.md. */
import os from 'node:os';
import type { Command } from 'commander';
import { OperatorError } from '../../core/errors.js';
import { DEFAULT_PIPELINE_CONFIG, loadPipelineConfig, type PipelineConfig } from '../../pipeline/config.js';
import { scan } from '../../pipeline/scan.js';
import { formatIssue } from '../../sources/ndjson/index.js';
import { formatCount, formatTable } from '../format.js';
import { createProgress, PROGRESS_EVERY_HELP, progressEvery } from '../progress.js';

/** Issues printed to stderr as they come; the rest are counted (report.md lists the first 50). */
const PRINTED_ISSUES = 20;

/** Worker threads by default: one per core, at most 4 (the main thread splits and routes lines). */
export function defaultWorkers(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores));
}

interface ScanFlags {
  accounts?: string;
  out: string;
  config?: string;
  progressEvery?: string;
}

/** Registers `scan`. */
export function register(program: Command): void {
  program
    .command('scan')
    .description(
      'Replay an exchange log in event time and find campaigns; writes campaigns.json, verdicts.ndjson, report.md',
    )
    .argument('<exchanges>', "exchange log (NDJSON, optionally gzip), or '-' for stdin")
    .option('--accounts <file>', 'account event log (NDJSON, optionally gzip)')
    .requiredOption('--out <dir>', 'result directory')
    .option('--config <file>', 'JSON config: tickMinutes, reorderSeconds, workers, limits, stages, engine')
    .option('--progress-every <seconds>', PROGRESS_EVERY_HELP)
    .action(async (exchanges: string, options: ScanFlags) => {
      if (options.accounts === '-' && exchanges === '-')
        throw new OperatorError('usage', 'only one input can be stdin');
      const base: PipelineConfig = { ...DEFAULT_PIPELINE_CONFIG, workers: defaultWorkers() };
      const config = options.config ? loadPipelineConfig(options.config, base) : base;
      const progress = createProgress(process.stderr, progressEvery(options.progressEvery));
      const started = Date.now();
      let printed = 0;
      let issues = 0;
      const result = await scan({
        exchanges,
        accounts: options.accounts,
        out: options.out,
        config,
        onIssue: (issue) => {
          issues++;
          // On a terminal, clear the progress line first (it is redrawn on the next update).
          const clear = process.stderr.isTTY ? '\r\x1b[K' : '';
          if (printed++ < PRINTED_ISSUES) process.stderr.write(`${clear}${formatIssue(issue)}\n`);
        },
        onProgress: (p) =>
          progress.update(() => {
            const seconds = Math.max(0.001, (Date.now() - started) / 1000);
            const at =
              p.eventTime === null ? '-' : new Date(p.eventTime).toISOString().slice(0, 16).replace('T', ' ');
            return `scan: ${formatCount(p.lines)} lines, ${formatCount(p.lines / seconds)}/s, event time ${at}, ${p.campaigns} campaigns`;
          }),
      });
      progress.done();
      if (issues > PRINTED_ISSUES)
        process.stderr.write(`... ${issues - PRINTED_ISSUES} more issues (report.md lists the first 50)\n`);
      const r = result.replay;
      if (r.late > 0) {
        process.stderr.write(
          `${formatCount(r.late)} records arrived more than the reorder window after their hour (applied late, up to ${(r.maxLatenessMs / 3_600_000).toFixed(1)} h behind), first:\n`,
        );
        for (const late of r.lateExamples)
          process.stderr.write(
            `  ${late.file}:${late.line} ts ${new Date(late.ts).toISOString()} (${(late.behindMs / 60_000).toFixed(0)} min behind)\n`,
          );
      }
      const shown = result.campaigns.filter((c) => c.status === 'suspected' || c.status === 'confirmed');
      const seconds = result.wallMs / 1000;
      process.stdout.write(
        `${formatTable(
          ['scan', 'value'],
          [
            ['exchanges (accepted / rejected)', `${formatCount(r.exchanges)} / ${formatCount(r.rejected)}`],
            ['account events', formatCount(r.accountEvents)],
            ['accounts', formatCount(r.accounts)],
            ['late records', formatCount(r.late)],
            ['ticks', formatCount(r.ticks)],
            [
              'campaigns (confirmed / suspected)',
              `${shown.filter((c) => c.status === 'confirmed').length} / ${shown.filter((c) => c.status === 'suspected').length}`,
            ],
            ['accounts flagged', formatCount(result.flagged)],
            [
              'wall time',
              `${seconds.toFixed(1)} s (${formatCount(r.exchanges / Math.max(seconds, 0.001))} exchanges/s, ${config.workers} workers)`,
            ],
          ],
        )}\n\nwrote ${result.files.campaigns}, ${result.files.verdicts}, ${result.files.report}\n`,
      );
    });
}
