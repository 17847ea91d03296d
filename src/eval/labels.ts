/**
 * Reads the simulator's ground truth (`DIR/labels.json`, type `Labels`) with validation, so the
 * scorer never works on a half-understood file: errors name the file and the field path.
 */
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { OperatorError } from '../core/errors.js';
import { parseRfc3339 } from '../core/schema.js';
import type { Labels } from '../core/types.js';

const Rfc3339 = v.pipe(
  v.string('must be an RFC 3339 string'),
  v.check((text) => Number.isFinite(parseRfc3339(text)), 'must be an RFC 3339 time'),
);
const Id = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));
const Count = v.pipe(
  v.number('must be a number'),
  v.integer('must be an integer'),
  v.minValue(0, 'must be >= 0'),
);

const AccountLabelSchema = v.object({
  persona: Id,
  isAttack: v.boolean('must be a boolean'),
  campaignId: v.nullable(Id),
  tactic: v.nullable(v.string('must be a string or null')),
  harvestStart: v.optional(Rfc3339),
});

const CampaignLabelSchema = v.object({
  id: Id,
  operator: v.string('must be a string'),
  tactics: v.array(v.string(), 'must be an array of tactic names'),
  accounts: v.array(Id, 'must be an array of account ids'),
  start: Rfc3339,
  end: Rfc3339,
  exchanges: Count,
  harvestStart: v.optional(Rfc3339),
});

/** The ground-truth document; unknown extra fields are ignored. */
export const LabelsSchema = v.object({
  preset: v.string('must be a string'),
  seed: v.number('must be a number'),
  scale: v.number('must be a number'),
  days: v.number('must be a number'),
  start: Rfc3339,
  end: Rfc3339,
  accounts: v.record(v.string(), AccountLabelSchema, 'must be an object of account id -> label'),
  campaigns: v.array(CampaignLabelSchema, 'must be an array of campaigns'),
});

/** Validates a parsed labels document; `file` names it in errors. */
export function decodeLabels(value: unknown, file: string): Labels {
  const parsed = v.safeParse(LabelsSchema, value);
  if (parsed.success) return parsed.output as Labels;
  const lines = parsed.issues
    .slice(0, 20)
    .map((issue) => `  ${file} ${v.getDotPath(issue) ?? '(document)'}: ${issue.message}`);
  const more = parsed.issues.length > 20 ? [`  ... and ${parsed.issues.length - 20} more`] : [];
  throw new OperatorError('input', [`invalid labels ${file}:`, ...lines, ...more].join('\n'));
}

/** Reads and validates a labels.json file. */
export async function readLabels(path: string): Promise<Labels> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new OperatorError('input', `cannot read labels ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new OperatorError('input', `invalid labels ${path}: invalid JSON: ${(error as Error).message}`);
  }
  return decodeLabels(value, path);
}
