/**
 * Runtime schemas of the canonical records (valibot). `decodeExchange` and `decodeAccountEvent`
 * turn one parsed JSON value into a typed record or a list of issues: failures are data.
 */
import * as v from 'valibot';
import type { AccountEvent, Exchange, Fingerprint, InputIssue } from './types.js';

/** Accepts RFC 3339 text or epoch milliseconds; yields epoch milliseconds. */
const Timestamp = v.pipe(
  v.union([v.string(), v.number()], 'must be an RFC 3339 string or epoch milliseconds'),
  v.transform((input) => (typeof input === 'number' ? input : parseRfc3339(input))),
  v.check((ms) => Number.isFinite(ms) && ms >= 0, 'is not a valid time (RFC 3339 or epoch ms)'),
);

const RFC3339 = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|z|[+-]\d{2}:?\d{2})$/;

/** Parses RFC 3339 strictly (NaN when malformed): Date.parse alone accepts far too much. */
export function parseRfc3339(text: string): number {
  return RFC3339.test(text) ? Date.parse(text) : Number.NaN;
}

const Id = v.pipe(
  v.string('must be a string'),
  v.nonEmpty('must not be empty'),
  v.maxLength(512, 'is longer than 512 characters'),
);
const Text = v.string('must be a string');
const Count = v.pipe(
  v.number('must be a number'),
  v.integer('must be an integer'),
  v.minValue(0, 'must be >= 0'),
);
const NonNegative = v.pipe(v.number('must be a number'), v.minValue(0, 'must be >= 0'));
const Country = v.pipe(
  v.string('must be a string'),
  v.regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
);

const ShapeSchema = v.object({
  turns: Count,
  tools: Count,
  contextBucket: v.picklist(['xs', 's', 'm', 'l', 'xl']),
  chars: Count,
  hasSystem: v.boolean(),
  n: v.optional(Count),
  logprobs: v.optional(v.union([v.boolean(), Count])),
  temperature: v.optional(NonNegative),
  topP: v.optional(NonNegative),
  seed: v.optional(v.number()),
});

/** A precomputed fingerprint shipped in privacy mode. */
export const FingerprintSchema = v.object({
  template: Id,
  templateText: Text,
  bands: v.array(v.string()),
  capabilities: v.array(v.string()),
  extraction: v.array(v.object({ tag: v.string(), span: v.string() })),
  language: v.string(),
  shape: ShapeSchema,
});

/** The canonical exchange record; unknown extra fields are ignored (v.object strips them). */
export const ExchangeSchema = v.object({
  id: Id,
  ts: Timestamp,
  account: Id,
  org: v.optional(Text),
  apiKey: v.optional(Text),
  model: v.optional(Text),
  ip: v.optional(Text),
  userAgent: v.optional(Text),
  ja4: v.optional(Text),
  prompt: v.optional(Text),
  fingerprint: v.optional(FingerprintSchema),
  system: v.optional(Text),
  turns: v.optional(v.pipe(Count, v.minValue(1, 'must be >= 1'))),
  tools: v.optional(v.array(v.unknown(), 'must be an array of tool schemas')),
  sdk: v.optional(
    v.record(
      v.string(),
      v.union([v.string(), v.number(), v.boolean()]),
      'must be an object of header values',
    ),
  ),
  maxTokens: v.optional(Count),
  temperature: v.optional(NonNegative),
  topP: v.optional(NonNegative),
  seed: v.optional(v.number('must be a number')),
  n: v.optional(v.pipe(Count, v.minValue(1, 'must be >= 1'))),
  logprobs: v.optional(v.union([v.boolean(), Count], 'must be a boolean or a count of top logprobs')),
  stream: v.optional(v.boolean('must be a boolean')),
  status: v.optional(
    v.pipe(Count, v.minValue(100, 'must be an HTTP status'), v.maxValue(599, 'must be an HTTP status')),
  ),
  inputTokens: v.optional(Count),
  outputTokens: v.optional(Count),
  reasoningTokens: v.optional(Count),
  latencyMs: v.optional(NonNegative),
});

/** The canonical account event record; kinds the engine does not read are kept, not rejected. */
export const AccountEventSchema = v.object({
  ts: Timestamp,
  account: Id,
  kind: v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')),
  org: v.optional(Text),
  emailDomain: v.optional(Text),
  emailLocalShape: v.optional(Text),
  paymentFingerprint: v.optional(Text),
  cardBin: v.optional(Text),
  cardCountry: v.optional(Country),
  phoneCountry: v.optional(Country),
  declaredCountry: v.optional(Country),
  signupIp: v.optional(Text),
  deviceId: v.optional(Text),
  ja4: v.optional(Text),
  route: v.optional(Text),
});

/** Where a record came from, so its issues can say so. */
export interface Position {
  file: string;
  line: number;
}

/** The result of decoding one record: the record, or every issue found in it. */
export type Decoded<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };

function decodeWith<T>(schema: v.GenericSchema<unknown, T>, input: unknown, at: Position): Decoded<T> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, issues: [{ ...at, field: null, reason: 'the record must be a JSON object' }] };
  }
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return {
    ok: false,
    issues: result.issues.map((issue) => ({
      file: at.file,
      line: at.line,
      field: issueField(issue),
      reason: issueReason(issue),
    })),
  };
}

function issueField(issue: v.BaseIssue<unknown>): string | null {
  const path = v.getDotPath(issue);
  return path === null || path === '' ? null : path;
}

function issueReason(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.input === undefined) return 'is required';
  return issue.message;
}

/** Validates one parsed JSON value as an Exchange. */
export function decodeExchange(input: unknown, at: Position): Decoded<Exchange> {
  return decodeWith(ExchangeSchema, input, at) as Decoded<Exchange>;
}

/** Validates one parsed JSON value as an AccountEvent. */
export function decodeAccountEvent(input: unknown, at: Position): Decoded<AccountEvent> {
  return decodeWith(AccountEventSchema, input, at) as Decoded<AccountEvent>;
}

/** Validates a precomputed fingerprint (privacy mode). */
export function decodeFingerprint(input: unknown, at: Position): Decoded<Fingerprint> {
  return decodeWith(FingerprintSchema, input, at) as Decoded<Fingerprint>;
}
