/**
 * The result contract (docs/result-contract.md): `OUTDIR/campaigns.json` and
 * `OUTDIR/verdicts.ndjson`. One writer and one reader shared by `scan`, the baselines, `eval`
 * and the server, so every producer writes exactly what every consumer validates.
 * The reader validates with valibot and fails with file, line and field; the writer validates
 * what a producer hands it (a producer bug must not ship a file the reader would reject).
 */
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { OperatorError } from '../core/errors.js';
import { parseRfc3339 } from '../core/schema.js';
import type { AccountVerdict, CampaignResult, InputIssue } from '../core/types.js';
import { formatIssue, readNdjson } from '../sources/ndjson/index.js';

/** File names inside a result directory. */
export const CAMPAIGNS_FILE = 'campaigns.json';
export const VERDICTS_FILE = 'verdicts.ndjson';

const Rfc3339 = v.pipe(
  v.string('must be an RFC 3339 string'),
  v.check(
    (text) => Number.isFinite(parseRfc3339(text)),
    'must be an RFC 3339 time (e.g. 2026-04-22T08:00:00Z)',
  ),
);
const Id = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));
const Finite = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));
const Count = v.pipe(Finite, v.integer('must be an integer'), v.minValue(0, 'must be >= 0'));

const EvidenceSchema = v.object({
  kind: Id,
  weight: Finite,
  summary: v.string('must be a string'),
  facts: v.optional(v.record(v.string(), v.unknown(), 'must be an object')),
});

/** One campaign of `campaigns.json`; unknown extra fields are ignored. */
export const CampaignResultSchema = v.object({
  id: Id,
  status: v.picklist(
    ['suspected', 'confirmed', 'dismissed', 'closed'],
    'must be suspected, confirmed, dismissed or closed',
  ),
  score: Finite,
  accounts: v.array(Id, 'must be an array of account ids'),
  exchanges: Count,
  callsPerAccount: v.pipe(Finite, v.minValue(0, 'must be >= 0')),
  firstSeen: Rfc3339,
  lastSeen: Rfc3339,
  detectedAt: v.nullable(Rfc3339),
  capabilities: v.record(v.string(), Finite, 'must be an object of tag -> share'),
  evidence: v.array(EvidenceSchema, 'must be an array of evidence'),
  attribution: v.optional(
    v.nullable(
      v.object({ campaign: Id, summary: v.string('must be a string') }, 'must be an object or null'),
    ),
  ),
});

/** The whole `campaigns.json` document. */
export const CampaignsFileSchema = v.object({
  campaigns: v.array(CampaignResultSchema, 'must be an array of campaigns'),
});

/** One line of `verdicts.ndjson`; unknown extra fields are ignored. */
export const AccountVerdictSchema = v.object({
  account: Id,
  risk: Finite,
  campaign: v.nullable(Id),
  flaggedAt: v.nullable(Rfc3339),
});

/** A result as read back: campaigns and one verdict per scored account. */
export interface ResultSet {
  campaigns: CampaignResult[];
  verdicts: AccountVerdict[];
}

/** Issues shown in one error message; the rest are counted. */
const SHOWN_ISSUES = 20;

function toIssues(file: string, line: number, issues: v.BaseIssue<unknown>[]): InputIssue[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue);
    const missing = issue.kind === 'schema' && issue.input === undefined && path;
    return { file, line, field: path || null, reason: missing ? 'is required' : issue.message };
  });
}

function fail(what: string, issues: InputIssue[], total = issues.length): never {
  const shown = issues.slice(0, SHOWN_ISSUES).map((issue) => `  ${formatIssue(issue)}`);
  const more = total > shown.length ? [`  ... and ${total - shown.length} more`] : [];
  throw new OperatorError('input', [`invalid ${what}:`, ...shown, ...more].join('\n'));
}

/** Line (1-based) of a character offset in a text. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Reads and validates `campaigns.json`. Field errors name the field by its path
 * (`campaigns.3.accounts.0`) and the line where that campaign starts; JSON syntax errors their line.
 */
export async function readCampaigns(path: string): Promise<CampaignResult[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new OperatorError('input', `cannot read ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    fail(path, [
      {
        file: path,
        line: at ? lineAt(text, Number(at[1])) : 1,
        field: null,
        reason: `invalid JSON: ${message}`,
      },
    ]);
  }
  const lineOf = campaignLines(text, value);
  const parsed = v.safeParse(CampaignsFileSchema, value);
  if (!parsed.success) {
    const issues = parsed.issues.flatMap((issue) => {
      const index = issue.path?.[1]?.key;
      return toIssues(path, typeof index === 'number' ? lineOf(index) : 1, [issue]);
    });
    fail(path, issues);
  }
  const campaigns = parsed.output.campaigns as CampaignResult[];
  const seen = new Set<string>();
  const duplicates: InputIssue[] = [];
  campaigns.forEach((campaign, index) => {
    if (seen.has(campaign.id)) {
      duplicates.push({
        file: path,
        line: lineOf(index),
        field: `campaigns.${index}.id`,
        reason: `duplicate campaign id '${campaign.id}'`,
      });
    }
    seen.add(campaign.id);
  });
  if (duplicates.length > 0) fail(path, duplicates);
  return campaigns;
}

/**
 * Line of each campaign object in a campaigns.json text, by index: exact for the layout
 * `writeResult` produces (one campaign a line, starting with its id); 1 for any other layout.
 */
function campaignLines(text: string, value: unknown): (index: number) => number {
  const starts: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (/^\s*\{\s*"id"\s*:/.test(line)) starts.push(index + 1);
  });
  const campaigns = (value as { campaigns?: unknown } | null)?.campaigns;
  const exact = Array.isArray(campaigns) && campaigns.length === starts.length;
  return (index) => (exact ? starts[index] : 1);
}

/**
 * Reads and validates `verdicts.ndjson`: each bad line is reported with its line and field, as is
 * a duplicate account or a campaign id that `campaignIds` (when given) does not hold.
 */
export async function readVerdicts(
  path: string,
  campaignIds?: ReadonlySet<string>,
): Promise<AccountVerdict[]> {
  if (!existsSync(path)) throw new OperatorError('input', `cannot read ${path}: no such file`);
  let rejected = 0;
  const accountLine = new Map<string, number>();
  const reader = readNdjson<AccountVerdict>(
    path,
    (value, at) => {
      const parsed = v.safeParse(AccountVerdictSchema, value);
      if (!parsed.success) {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          return { ok: false, issues: [{ ...at, field: null, reason: 'the record must be a JSON object' }] };
        }
        return { ok: false, issues: toIssues(at.file, at.line, parsed.issues) };
      }
      const verdict = parsed.output;
      const earlier = accountLine.get(verdict.account);
      if (earlier !== undefined) {
        return {
          ok: false,
          issues: [
            {
              ...at,
              field: 'account',
              reason: `duplicate verdict for '${verdict.account}' (first on line ${earlier})`,
            },
          ],
        };
      }
      accountLine.set(verdict.account, at.line);
      if (campaignIds && verdict.campaign !== null && !campaignIds.has(verdict.campaign)) {
        return {
          ok: false,
          issues: [
            {
              ...at,
              field: 'campaign',
              reason: `campaign '${verdict.campaign}' is not in ${CAMPAIGNS_FILE}`,
            },
          ],
        };
      }
      return { ok: true, value: verdict };
    },
    {
      keepIssues: SHOWN_ISSUES,
      onIssue: () => {
        rejected++;
      },
    },
  );
  const verdicts: AccountVerdict[] = [];
  try {
    for await (const batch of reader) for (const verdict of batch) verdicts.push(verdict);
  } catch (error) {
    throw new OperatorError('input', `cannot read ${path}: ${(error as Error).message}`);
  }
  if (reader.summary.issues.length > 0) fail(path, reader.summary.issues, rejected);
  return verdicts;
}

/** Reads and validates a result directory (`campaigns.json` + `verdicts.ndjson`). */
export async function readResult(dir: string): Promise<ResultSet> {
  const campaignsPath = join(dir, CAMPAIGNS_FILE);
  const verdictsPath = join(dir, VERDICTS_FILE);
  for (const path of [campaignsPath, verdictsPath]) {
    if (!existsSync(path)) {
      throw new OperatorError(
        'input',
        `${path} is missing: a result directory holds ${CAMPAIGNS_FILE} and ${VERDICTS_FILE} (docs/result-contract.md)`,
      );
    }
  }
  const campaigns = await readCampaigns(campaignsPath);
  const verdicts = await readVerdicts(verdictsPath, new Set(campaigns.map((campaign) => campaign.id)));
  return { campaigns, verdicts };
}

function validate<T>(schema: v.GenericSchema<unknown, unknown>, value: T, what: string): T {
  const parsed = v.safeParse(schema, value);
  if (!parsed.success) {
    const detail = parsed.issues
      .map((issue) => `${v.getDotPath(issue) ?? '(record)'}: ${issue.message}`)
      .join('; ');
    throw new OperatorError('internal', `refusing to write an invalid ${what}: ${detail}`);
  }
  return value;
}

const WRITE_CHUNK = 1 << 20;

/**
 * Writes a result directory: `campaigns.json` (one campaign a line) and `verdicts.ndjson` (in the
 * order given; pass them sorted for byte-identical reruns). Verdicts may be a stream. Each file
 * is written under a temporary name and renamed, so a reader never sees half a result.
 */
export async function writeResult(
  dir: string,
  campaigns: readonly CampaignResult[],
  verdicts: Iterable<AccountVerdict> | AsyncIterable<AccountVerdict>,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const ids = new Set<string>();
  for (const campaign of campaigns) {
    validate(CampaignResultSchema, campaign, `campaign '${campaign.id}'`);
    if (ids.has(campaign.id))
      throw new OperatorError('internal', `refusing to write duplicate campaign id '${campaign.id}'`);
    ids.add(campaign.id);
  }
  const campaignsPath = join(dir, CAMPAIGNS_FILE);
  const lines = campaigns.map((campaign) => JSON.stringify(campaign));
  const body = lines.length === 0 ? '{"campaigns":[]}\n' : `{"campaigns":[\n${lines.join(',\n')}\n]}\n`;
  await writeFile(`${campaignsPath}.tmp`, body);

  const verdictsPath = join(dir, VERDICTS_FILE);
  const handle = await open(`${verdictsPath}.tmp`, 'w');
  const accounts = new Set<string>();
  try {
    let buffer = '';
    for await (const verdict of verdicts) {
      validate(AccountVerdictSchema, verdict, `verdict for '${verdict.account}'`);
      if (verdict.campaign !== null && !ids.has(verdict.campaign)) {
        throw new OperatorError(
          'internal',
          `refusing to write verdict for '${verdict.account}': unknown campaign '${verdict.campaign}'`,
        );
      }
      if (accounts.has(verdict.account))
        throw new OperatorError('internal', `refusing to write a second verdict for '${verdict.account}'`);
      accounts.add(verdict.account);
      const { account, risk, campaign, flaggedAt } = verdict;
      buffer += `${JSON.stringify({ account, risk, campaign, flaggedAt })}\n`;
      if (buffer.length >= WRITE_CHUNK) {
        await handle.write(buffer);
        buffer = '';
      }
    }
    if (buffer.length > 0) await handle.write(buffer);
  } catch (error) {
    await handle.close();
    await rm(`${verdictsPath}.tmp`, { force: true });
    await rm(`${campaignsPath}.tmp`, { force: true });
    throw error;
  }
  await handle.close();
  await rename(`${campaignsPath}.tmp`, campaignsPath);
  await rename(`${verdictsPath}.tmp`, verdictsPath);
}
