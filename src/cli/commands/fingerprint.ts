/**
 * `distillwatch fingerprint [FILE|-]`: one fingerprint per input record, in input order, as NDJSON.
 * Input lines are canonical exchanges or bare `{"prompt": ...}` (or `{"text": ...}`) objects.
 * A bad line is reported on stderr (`file:line field: reason`) and yields `{"line": N, "error": ...}`
 * on stdout, so output line k always answers input record k (blank lines are not records).
 */
import type { Command } from 'commander';
import { OperatorError } from '../../core/errors.js';
import { decodeExchange, type Position } from '../../core/schema.js';
import type { Exchange, InputIssue } from '../../core/types.js';
import { createFingerprinter, type FingerprintOptions, fingerprint } from '../../fingerprint/index.js';
import { formatIssue, formatSummary, readNdjson } from '../../sources/ndjson/index.js';

interface Numbered {
  line: number;
  exchange: Exchange;
}

/** Decodes an exchange or a bare prompt object, keeping its line number. */
function decodeRecord(value: unknown, at: Position) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false as const,
      issues: [{ file: at.file, line: at.line, field: null, reason: 'the record must be a JSON object' }],
    };
  }
  const record = value as Record<string, unknown>;
  const prompt = record.prompt ?? record.text;
  if (prompt === undefined && record.fingerprint === undefined) {
    return {
      ok: false as const,
      issues: [
        { file: at.file, line: at.line, field: 'prompt', reason: 'is required (or text, or fingerprint)' },
      ],
    };
  }
  const decoded = decodeExchange({ id: '-', ts: 0, account: '-', ...record, prompt }, at);
  return decoded.ok ? { ok: true as const, value: { line: at.line, exchange: decoded.value } } : decoded;
}

/** Registers `fingerprint`. */
export function register(program: Command): void {
  program
    .command('fingerprint')
    .description('Print the fingerprint of each exchange or {"prompt": ...} line as NDJSON, in input order')
    .argument('[file]', 'NDJSON file (gzip ok) or - for stdin', '-')
    .option(
      '--stateless',
      'template = hash of the masked prompt (the edge function), instead of mined templates',
    )
    .option('--threshold <jaccard>', 'Jaccard similarity the LSH bands are tuned for', '0.7')
    .option('--template-text-chars <n>', 'longest templateText printed (0 = ids only)', '512')
    .action(
      async (
        file: string,
        options: { stateless?: boolean; threshold: string; templateTextChars: string },
      ) => {
        const threshold = Number(options.threshold);
        if (!(threshold > 0 && threshold < 1))
          throw new OperatorError('usage', `--threshold must be between 0 and 1, got '${options.threshold}'`);
        const templateTextChars = Number(options.templateTextChars);
        if (!Number.isInteger(templateTextChars) || templateTextChars < 0)
          throw new OperatorError(
            'usage',
            `--template-text-chars must be a non-negative integer, got '${options.templateTextChars}'`,
          );
        const fpOptions: FingerprintOptions = { threshold, templateTextChars };
        const fingerprinter = options.stateless
          ? { fingerprint: (e: Exchange) => e.fingerprint ?? fingerprint(e, fpOptions) }
          : createFingerprinter(fpOptions);

        const errors = new Map<number, string[]>();
        const onIssue = (issue: InputIssue) => {
          process.stderr.write(`${formatIssue(issue)}\n`);
          const reasons = errors.get(issue.line) ?? [];
          reasons.push(issue.field ? `${issue.field}: ${issue.reason}` : issue.reason);
          errors.set(issue.line, reasons);
        };
        const reader = readNdjson<Numbered>(file, decodeRecord, { onIssue });
        const errorLine = (line: number) => JSON.stringify({ line, error: errors.get(line)!.join('; ') });
        const flushErrorsBefore = (line: number, out: string[]) => {
          for (const at of [...errors.keys()].sort((a, b) => a - b)) {
            if (at >= line) break;
            out.push(errorLine(at));
            errors.delete(at);
          }
        };
        try {
          for await (const batch of reader) {
            const out: string[] = [];
            for (const { line, exchange } of batch) {
              flushErrorsBefore(line, out);
              out.push(JSON.stringify(fingerprinter.fingerprint(exchange)));
            }
            await write(`${out.join('\n')}\n`);
          }
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR')
            throw new OperatorError('input', `cannot read ${file}: ${(error as Error).message}`);
          throw error;
        }
        const rest: string[] = [];
        flushErrorsBefore(Number.POSITIVE_INFINITY, rest);
        if (rest.length > 0) await write(`${rest.join('\n')}\n`);
        if (reader.summary.rejected > 0) process.stderr.write(`${formatSummary(reader.summary)}\n`);
      },
    );
}

function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}
