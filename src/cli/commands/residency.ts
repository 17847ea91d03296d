/**
 * `distillwatch residency EXCHANGES --accounts ACCOUNTS`: per-account residency verdicts as NDJSON
 * on stdout, and a summary table by declared country and verdict on stderr (`--table` prints only
 * the table, on stdout). Bad lines are reported on stderr with position and reason.
 */
import type { Command } from 'commander';
import { OperatorError } from '../../core/errors.js';
import type { ResidencyVerdict } from '../../core/types.js';
import { createEnricher } from '../../enrich/index.js';
import {
  createResidencyBook,
  guessLanguage,
  residencyVerdict,
  summariseVerdicts,
} from '../../residency/index.js';
import { formatIssue, formatSummary, readAccountEvents, readExchanges } from '../../sources/ndjson/index.js';
import { formatTable } from '../format.js';
import { createProgress, PROGRESS_EVERY_HELP, progressEvery } from '../progress.js';
import { type EnricherFlags, enricherOptionsFrom, withEnricherFlags } from './enrich.js';

interface ResidencyFlags extends EnricherFlags {
  accounts: string;
  restricted?: string;
  table?: boolean;
  quiet?: boolean;
  inconsistentAt?: string;
  progressEvery?: string;
}

/** Registers `residency`. */
export function register(program: Command): void {
  withEnricherFlags(
    program
      .command('residency')
      .argument('<exchanges>', "exchange log (NDJSON, gzip ok); '-' for stdin")
      .requiredOption(
        '--accounts <file>',
        'account events (declared, card, phone countries; sign-up address)',
      )
      .description(
        "Verify each account's declared residency against its network, clock, language and holidays",
      ),
  )
    .option('--restricted <codes>', 'comma-separated restricted regions (default CN,RU,IR,KP,SY,CU)')
    .option('--inconsistent-at <score>', 'score from which a verdict is inconsistent', '0.65')
    .option('--table', 'print only the summary table, on stdout (no NDJSON)')
    .option('--quiet', 'do not print the summary table on stderr')
    .option('--progress-every <seconds>', PROGRESS_EVERY_HELP)
    .action(async (exchanges: string, flags: ResidencyFlags) => {
      const restricted = flags.restricted
        ?.split(',')
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean);
      for (const code of restricted ?? []) {
        if (!/^[A-Z]{2}$/.test(code))
          throw new OperatorError('usage', `--restricted expects ISO 3166-1 alpha-2 codes, got '${code}'`);
      }
      const inconsistentAt = Number(flags.inconsistentAt);
      if (!(inconsistentAt > 0 && inconsistentAt <= 1)) {
        throw new OperatorError(
          'usage',
          `--inconsistent-at must be a number in (0, 1], got '${flags.inconsistentAt}'`,
        );
      }
      const enricher = createEnricher(enricherOptionsFrom(flags));
      enricher.load();
      const book = createResidencyBook(
        enricher.ip,
        (ex) => ex.fingerprint?.language ?? guessLanguage(ex.prompt),
      );
      const onIssue = (issue: Parameters<typeof formatIssue>[0]) =>
        process.stderr.write(`${formatIssue(issue)}\n`);
      const progress = createProgress(process.stderr, progressEvery(flags.progressEvery));
      const events = readAccountEvents(flags.accounts, { onIssue });
      for await (const batch of events) for (const event of batch) book.addAccountEvent(event);
      const log = readExchanges(exchanges, { onIssue });
      let seen = 0;
      for await (const batch of log) {
        for (const exchange of batch) book.addExchange(exchange);
        seen += batch.length;
        progress.update(
          () =>
            `residency: ${seen.toLocaleString('en-US')} exchanges, ${book.accounts.size.toLocaleString('en-US')} accounts`,
        );
      }
      progress.done();
      const policy = { restricted, inconsistentAt };
      const verdicts: ResidencyVerdict[] = [];
      let chunk = '';
      for (const input of book.accounts.values()) {
        const verdict = residencyVerdict(input, policy);
        verdicts.push(verdict);
        if (flags.table) continue;
        chunk += `${JSON.stringify(verdict)}\n`;
        if (chunk.length > 1 << 20) {
          if (!process.stdout.write(chunk))
            await new Promise((resolve) => process.stdout.once('drain', resolve));
          chunk = '';
        }
      }
      if (chunk) process.stdout.write(chunk);
      const rows = summariseVerdicts(verdicts);
      const table = formatTable(
        ['declared', 'consistent', 'inconsistent', 'unknown', 'restricted', 'total'],
        rows.map((r) => [r.declaredCountry, r.consistent, r.inconsistent, r.unknown, r.restricted, r.total]),
      );
      if (flags.table) process.stdout.write(`${table}\n`);
      else if (!flags.quiet) process.stderr.write(`${table}\n`);
      if (!flags.quiet) {
        process.stderr.write(`${formatSummary(events.summary)}\n${formatSummary(log.summary)}\n`);
      }
    });
}
