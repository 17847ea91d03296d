/**
 * The HTTP API (Hono): routes, bearer-token auth with roles, rate limits, strict validation of
 * every input, JSON errors without stack traces, and the dashboard's static files. Handlers are
 * thin: parse, call the service, serialise. Shapes are documented in openapi.ts.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import { OperatorError } from '../core/errors.js';
import { decodeAccountEvent, parseRfc3339 } from '../core/schema.js';
import type { AccountEvent } from '../core/types.js';
import { decodeLitellmBody, litellmAccount } from '../sources/litellm/litellm.js';
import { decodeOtlpTraces } from '../sources/otlp/otlp.js';
import { pace } from '../store/pace.js';
import { HttpError, ndjsonLines, readBody } from './body.js';
import { openApiDocument } from './openapi.js';
import { type Rejection, rejection } from './parse.js';
import { createParsePool, type ParsePool } from './parse-pool.js';
import type { Decision } from './risk.js';
import type { IngestOutcome, Service } from './service.js';
import { type Role, roleAllows, type TokenBook, type TokenRecord } from './tokens.js';

/** Request limits of the API. */
export interface HttpLimits {
  /** Largest request body, before and after gzip (default 64 MiB). */
  maxBodyBytes: number;
  /** Most records in one ingest batch (default 10,000). */
  maxBatch: number;
  /** Sustained requests per second per token (default 5,000), and the burst above it (default 10,000). */
  ratePerSecond: number;
  rateBurst: number;
  /** Rejected records listed in full in an ingest answer (the count is always exact; default 1,000). */
  maxListedRejections: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  maxBodyBytes: 64 * 1024 * 1024,
  maxBatch: 10_000,
  ratePerSecond: 5000,
  rateBurst: 10_000,
  maxListedRejections: 1000,
};

/** Token buckets of the rate limit, shared by the app and the inline risk path (`fast-risk.ts`). */
export interface RateLimiter {
  /** Takes one request from the bucket of `key`; throws a 429 `HttpError` with Retry-After when it is empty. */
  spend(key: string): void;
}

/** Token buckets per key: `ratePerSecond` sustained, `rateBurst` at once. */
export function createRateLimiter(
  limits: Pick<HttpLimits, 'ratePerSecond' | 'rateBurst'>,
  now: () => number = Date.now,
): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    spend(key) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: limits.rateBurst, at: t };
      bucket.tokens = Math.min(
        limits.rateBurst,
        bucket.tokens + ((t - bucket.at) / 1000) * limits.ratePerSecond,
      );
      bucket.at = t;
      if (bucket.tokens < 1) {
        buckets.set(key, bucket);
        const wait = Math.ceil((1 - bucket.tokens) / limits.ratePerSecond);
        throw new HttpError(429, 'rate limit exceeded', { 'retry-after': String(Math.max(1, wait)) });
      }
      bucket.tokens -= 1;
      buckets.set(key, bucket);
      if (buckets.size > 100_000) buckets.clear();
    },
  };
}

/** Options of `createApp`. */
export interface AppOptions {
  service: Service;
  tokens: TokenBook;
  /** Rate-limit buckets (default: the app's own); share one with the inline risk path. */
  limiter?: RateLimiter;
  limits?: Partial<HttpLimits>;
  /** Directory of the built dashboard (served at `/` when it holds index.html). */
  webDist?: string | null;
  /** Decisions the LiteLLM guardrail answers BLOCKED for (default: block only). */
  guardrailBlocks?: Decision[];
  /** Where NDJSON exchange batches are parsed (default: inline). */
  parser?: ParsePool;
  log?: (message: string) => void;
  now?: () => number;
}

/** Node's request is passed by the Node server adapter (absent when the app is called directly). */
type Env = { Variables: { token: TokenRecord }; Bindings: { incoming?: IncomingMessage } };

const CAMPAIGN_STATUSES = ['suspected', 'confirmed', 'dismissed', 'closed'] as const;
const DECISIONS = ['allow', 'review', 'challenge', 'block'] as const;
/** Longest path id (account or campaign) accepted. */
export const MAX_ID = 512;

const ReviewBody = v.strictObject(
  {
    action: v.picklist(['confirm', 'dismiss'], "action must be 'confirm' or 'dismiss'"),
    note: v.optional(
      v.pipe(v.string('note must be a string'), v.maxLength(4000, 'note is longer than 4000 characters')),
    ),
  },
  'unknown field (allowed: action, note)',
);

const OverrideBody = v.strictObject(
  {
    decision: v.picklist(DECISIONS, `decision must be one of ${DECISIONS.join(', ')}`),
    note: v.optional(
      v.pipe(v.string('note must be a string'), v.maxLength(4000, 'note is longer than 4000 characters')),
    ),
  },
  'unknown field (allowed: decision, note)',
);

const WebhookBody = v.strictObject(
  {
    url: v.pipe(
      v.string('url must be a string'),
      v.url('url must be an absolute URL'),
      v.regex(/^https?:\/\//, 'url must be http or https'),
    ),
    events: v.optional(
      v.array(v.picklist(['campaign.new', 'campaign.escalated', 'campaign.confirmed'], 'unknown event')),
    ),
    secret: v.optional(v.pipe(v.string(), v.minLength(16, 'secret must be at least 16 characters'))),
  },
  'unknown field (allowed: url, events, secret)',
);

const GuardrailBody = v.object({
  texts: v.optional(v.array(v.string())),
  request_data: v.optional(v.record(v.string(), v.unknown())),
  input_type: v.optional(v.string()),
  litellm_call_id: v.optional(v.nullable(v.string())),
});

/** Builds the Hono app of the API. */
export function createApp(options: AppOptions): Hono<Env> {
  const { service, tokens } = options;
  const limits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...options.limits };
  const log = options.log ?? ((message: string) => process.stderr.write(`distillwatch: ${message}\n`));
  const now = options.now ?? Date.now;
  const guardrailBlocks = new Set<Decision>(options.guardrailBlocks ?? ['block']);
  const { spend } = options.limiter ?? createRateLimiter(limits, now);
  const parser = options.parser ?? createParsePool(0, limits.maxBatch);
  const app = new Hono<Env>();

  const clientAddress = (c: Context) => {
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };

  /** Middleware: a bearer token whose role allows `role`. */
  const requireRole = (role: Role) => async (c: Context<Env>, next: () => Promise<void>) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match ? tokens.verify(match[1]) : null;
    if (!token) {
      spend(`ip:${clientAddress(c)}`);
      throw new HttpError(
        401,
        match ? 'invalid token' : 'missing bearer token (Authorization: Bearer <token>)',
        {
          'www-authenticate': 'Bearer realm="distillwatch"',
        },
      );
    }
    spend(`token:${token.id}`);
    if (!roleAllows(token.role, role))
      throw new HttpError(403, `this endpoint needs the ${role} role; the token has ${token.role}`);
    c.set('token', token);
    await next();
  };
  const actorOf = (c: Context<Env>) =>
    `token:${c.get('token').id}${c.get('token').note ? ` (${c.get('token').note})` : ''}`;

  const pathId = (c: Context<Env>, name: string) => {
    const value = c.req.param(name) ?? '';
    if (value === '' || value.length > MAX_ID)
      throw new HttpError(400, `${name} must be 1 to ${MAX_ID} characters`);
    return value;
  };

  const jsonBody = async (c: Context<Env>): Promise<unknown> => {
    const body = await readBody(c.req.raw, limits.maxBodyBytes, c.env?.incoming);
    try {
      return JSON.parse(body.toString('utf8'));
    } catch (error) {
      throw new HttpError(400, `body is not valid JSON: ${(error as Error).message}`);
    }
  };

  const validate = <T>(schema: v.GenericSchema<unknown, T>, value: unknown): T => {
    const result = v.safeParse(schema, value);
    if (result.success) return result.output;
    const issue = result.issues[0];
    const path = v.getDotPath(issue);
    throw new HttpError(400, path ? `${path}: ${issue.message}` : issue.message);
  };

  const batchAnswer = (
    c: Context<Env>,
    received: number,
    accepted: number,
    outcome: IngestOutcome,
    rejected: Rejection[],
  ) =>
    c.json(
      {
        received,
        accepted,
        stored: outcome.stored,
        duplicates: outcome.duplicates,
        rejectedCount: rejected.length,
        rejected: rejected.slice(0, limits.maxListedRejections),
      },
      accepted === 0 && rejected.length > 0 ? 400 : 200,
    );

  /** Reads an NDJSON batch of account events (few and small: validated inline with the schema). */
  const ingestAccountEvents = async (c: Context<Env>) => {
    const body = await readBody(c.req.raw, limits.maxBodyBytes, c.env?.incoming);
    const lines = ndjsonLines(body, limits.maxBatch);
    const good: AccountEvent[] = [];
    const rejected: Rejection[] = [];
    for (let index = 0; index < lines.length; index++) {
      const wait = pace();
      if (wait) await wait;
      const { line, start, end } = lines[index];
      let value: unknown;
      try {
        value = JSON.parse(body.toString('utf8', start, end));
      } catch (error) {
        rejected.push({ index, line, field: null, reason: `invalid JSON: ${(error as Error).message}` });
        continue;
      }
      const decoded = decodeAccountEvent(value, { file: 'request', line });
      if (decoded.ok) good.push(decoded.value);
      else rejected.push(rejection(index, decoded.issues));
    }
    const outcome = good.length > 0 ? await service.ingestAccountEvents(good) : { stored: 0, duplicates: 0 };
    return batchAnswer(c, lines.length, good.length, outcome, rejected);
  };

  /**
   * Reads an NDJSON batch of exchanges: parsed and validated on a parse worker (`parse-pool.ts`)
   * so the HTTP thread stays free for inline lookups; every rejected record is listed.
   */
  const ingestExchanges = async (c: Context<Env>) => {
    const body = await readBody(c.req.raw, limits.maxBodyBytes, c.env?.incoming);
    const batch = await parser.parse(body);
    const accepted = batch.ids.length;
    const outcome = accepted > 0 ? await service.ingestExchangeColumns(batch) : { stored: 0, duplicates: 0 };
    return batchAnswer(c, batch.received, accepted, outcome, batch.rejected);
  };

  app.onError((error, c) => {
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json({ error: error.message }, error.status);
    }
    if (error instanceof OperatorError) {
      if (error.httpStatus >= 500) log(`${c.req.method} ${c.req.path}: ${error.message}`);
      return c.json({ error: error.message }, error.httpStatus as 400 | 500 | 503);
    }
    log(`${c.req.method} ${c.req.path}: ${(error as Error)?.stack ?? String(error)}`);
    return c.json({ error: 'internal error' }, 500);
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.get('/openapi.json', requireRole('ingest'), (c) => c.json(openApiDocument()));

  // Ingest.
  app.post('/v1/exchanges', requireRole('ingest'), ingestExchanges);
  app.post('/v1/accounts', requireRole('ingest'), ingestAccountEvents);
  app.post('/v1/traces', requireRole('ingest'), async (c) => {
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (type.includes('protobuf')) {
      throw new HttpError(
        415,
        'only the OTLP/HTTP JSON encoding is accepted: set OTEL_EXPORTER_OTLP_PROTOCOL=http/json',
      );
    }
    const decoded = decodeOtlpTraces(await jsonBody(c));
    if (decoded.exchanges.length > limits.maxBatch) {
      throw new HttpError(
        413,
        `request has ${decoded.exchanges.length} GenAI spans, over the ${limits.maxBatch} maximum; export smaller batches`,
      );
    }
    if (decoded.exchanges.length > 0) await service.ingestExchanges(decoded.exchanges);
    if (decoded.rejected.length === 0) return c.json({ partialSuccess: {} });
    const shown = decoded.rejected.slice(0, 20).map((r) => `span ${r.index}: ${r.reason}`);
    const more =
      decoded.rejected.length > shown.length ? `; and ${decoded.rejected.length - shown.length} more` : '';
    return c.json({
      partialSuccess: { rejectedSpans: decoded.rejected.length, errorMessage: `${shown.join('; ')}${more}` },
    });
  });
  app.post('/v1/litellm', requireRole('ingest'), async (c) => {
    const body = await readBody(c.req.raw, limits.maxBodyBytes, c.env?.incoming);
    const decoded = decodeLitellmBody(body.toString('utf8'));
    if (decoded.records > limits.maxBatch) {
      throw new HttpError(
        413,
        `batch has ${decoded.records} records, over the ${limits.maxBatch} maximum; lower batch_size`,
      );
    }
    const outcome =
      decoded.exchanges.length > 0
        ? await service.ingestExchanges(decoded.exchanges)
        : { stored: 0, duplicates: 0 };
    return batchAnswer(c, decoded.records, decoded.exchanges.length, outcome, decoded.rejected);
  });

  // Query.
  app.get('/v1/campaigns', requireRole('analyst'), (c) => {
    const query = c.req.query();
    for (const key of Object.keys(query)) {
      if (!['status', 'minScore', 'since', 'until', 'limit', 'cursor'].includes(key)) {
        throw new HttpError(
          400,
          `unknown query parameter '${key}' (allowed: status, minScore, since, until, limit, cursor)`,
        );
      }
    }
    const status = query.status ? query.status.split(',').map((s) => s.trim()) : undefined;
    for (const s of status ?? []) {
      if (!(CAMPAIGN_STATUSES as readonly string[]).includes(s))
        throw new HttpError(400, `status must be among ${CAMPAIGN_STATUSES.join(', ')}`);
    }
    const minScore = query.minScore === undefined ? undefined : Number(query.minScore);
    if (minScore !== undefined && !(Number.isFinite(minScore) && minScore >= 0 && minScore <= 1)) {
      throw new HttpError(400, 'minScore must be a number from 0 to 1');
    }
    const since = optionalTime(query.since, 'since');
    const until = optionalTime(query.until, 'until');
    const limit = query.limit === undefined ? 50 : Number(query.limit);
    if (!(Number.isInteger(limit) && limit >= 1 && limit <= 500))
      throw new HttpError(400, 'limit must be an integer from 1 to 500');
    const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
    const page = service.listCampaigns({ status, minScore, since, until, limit, offset });
    const next = offset + page.campaigns.length;
    return c.json({
      campaigns: page.campaigns,
      total: page.total,
      nextCursor: next < page.total ? encodeCursor(next) : null,
    });
  });
  app.get('/v1/campaigns/:id', requireRole('analyst'), async (c) => {
    const detail = await service.campaign(pathId(c, 'id'));
    if (!detail) throw new HttpError(404, 'no such campaign');
    return c.json(detail);
  });
  app.post('/v1/campaigns/:id/review', requireRole('analyst'), async (c) => {
    const id = pathId(c, 'id');
    const body = validate(ReviewBody, await jsonBody(c));
    const updated = await service.review(id, body.action, body.note ?? null, actorOf(c));
    if (!updated) throw new HttpError(404, 'no such campaign');
    return c.json({ campaign: { ...updated.campaign, history: updated.history } });
  });
  app.get('/v1/accounts/:id', requireRole('analyst'), async (c) => {
    const detail = await service.account(pathId(c, 'id'));
    if (!detail) throw new HttpError(404, 'no such account');
    return c.json(detail);
  });
  app.post('/v1/accounts/:id/override', requireRole('analyst'), async (c) => {
    const account = pathId(c, 'id');
    const body = validate(OverrideBody, await jsonBody(c));
    const record = await service.setOverride(account, body.decision, body.note ?? null, actorOf(c));
    return c.json({ override: record, risk: service.risk(account) });
  });
  app.delete('/v1/accounts/:id/override', requireRole('analyst'), async (c) => {
    const account = pathId(c, 'id');
    if (!(await service.clearOverride(account, actorOf(c))))
      throw new HttpError(404, 'no override for this account');
    return c.json({ risk: service.risk(account) });
  });
  app.get('/v1/overrides', requireRole('analyst'), (c) => c.json({ overrides: service.overrides() }));
  app.get('/v1/stats', requireRole('analyst'), (c) => c.json(service.stats()));

  // Enforcement.
  // Usually answered before this app by the inline path (`fast-risk.ts`), with the same answer.
  app.get('/v1/accounts/:id/risk', requireRole('ingest'), (c) =>
    c.body(service.riskJson(pathId(c, 'id')), 200, { 'content-type': 'application/json' }),
  );
  app.post('/beta/litellm_basic_guardrail_api', requireRole('ingest'), async (c) => {
    const body = validate(GuardrailBody, await jsonBody(c));
    const account = litellmAccount((body.request_data ?? {}) as Record<string, string>);
    if (account === undefined) return c.json({ action: 'NONE' });
    const risk = service.risk(account);
    if (!guardrailBlocks.has(risk.decision)) return c.json({ action: 'NONE' });
    return c.json({
      action: 'BLOCKED',
      blocked_reason: `distillwatch: ${risk.decision} account ${account}: ${risk.reasons.join('; ')}`,
    });
  });
  app.get('/v1/blocklist', requireRole('ingest'), (c) => {
    const min = c.req.query('min') ?? 'block';
    if (min !== 'block' && min !== 'challenge' && min !== 'review')
      throw new HttpError(400, "min must be 'block', 'challenge' or 'review'");
    const format =
      c.req.query('format') ??
      ((c.req.header('accept') ?? '').includes('application/json') ? 'json' : 'text');
    if (format !== 'json' && format !== 'text') throw new HttpError(400, "format must be 'json' or 'text'");
    const entries = service.blocklist(min);
    if (format === 'json')
      return c.json({ generatedAt: new Date(now()).toISOString(), min, accounts: entries });
    return c.text(entries.map((entry) => `${entry.account}\n`).join(''), 200, {
      'content-type': 'text/plain; charset=utf-8',
    });
  });

  // Administration.
  app.get('/v1/webhooks', requireRole('admin'), (c) =>
    c.json({ webhooks: service.webhooks().map(({ secret: _secret, ...rest }) => rest) }),
  );
  app.post('/v1/webhooks', requireRole('admin'), async (c) => {
    const body = validate(WebhookBody, await jsonBody(c));
    const record = await service.addWebhook(body.url, body.events ?? [], actorOf(c), body.secret);
    return c.json({ webhook: record }, 201);
  });
  app.delete('/v1/webhooks/:id', requireRole('admin'), async (c) => {
    if (!(await service.removeWebhook(pathId(c, 'id'), actorOf(c))))
      throw new HttpError(404, 'no such webhook');
    return c.body(null, 204);
  });
  app.get('/v1/webhooks/deliveries', requireRole('admin'), async (c) => {
    const deliveries = await service.store.listDeliveries();
    return c.json({ deliveries: deliveries.slice(-500).map(({ body: _body, ...rest }) => rest) });
  });
  app.get('/v1/audit', requireRole('admin'), async (c) => {
    const limit = Number(c.req.query('limit') ?? 100);
    if (!(Number.isInteger(limit) && limit >= 1 && limit <= 10_000))
      throw new HttpError(400, 'limit must be an integer from 1 to 10000');
    return c.json({ entries: await service.store.listAudit(limit) });
  });
  app.post('/v1/admin/flush', requireRole('admin'), async (c) => {
    await service.flush();
    return c.json(service.stats());
  });
  app.post('/v1/admin/snapshot', requireRole('admin'), async (c) =>
    c.json({ saved: await service.snapshot() }),
  );

  app.all('/v1/*', () => {
    throw new HttpError(404, 'no such endpoint (see /openapi.json)');
  });
  app.all('/beta/*', () => {
    throw new HttpError(404, 'no such endpoint (see /openapi.json)');
  });

  if (options.webDist) {
    const root = resolve(options.webDist);
    app.get('*', async (c) => {
      const file = await staticFile(root, c.req.path);
      if (!file) throw new HttpError(404, 'not found');
      return c.body(new Uint8Array(file.data), 200, {
        'content-type': file.type,
        'cache-control': file.index ? 'no-cache' : 'public, max-age=3600',
      });
    });
  }
  app.notFound(() => {
    throw new HttpError(404, 'not found');
  });
  return app;
}

function optionalTime(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) : parseRfc3339(value);
  if (!Number.isFinite(ms))
    throw new HttpError(400, `${name} must be an RFC 3339 time or epoch milliseconds`);
  return ms;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const text = /^[A-Za-z0-9_-]{1,32}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^o:(\d{1,9})$/.exec(text);
  if (!match) throw new HttpError(400, 'cursor is not one this server issued');
  return Number(match[1]);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file under `root` for a URL path, or index.html for paths without an extension (SPA routes). */
async function staticFile(
  root: string,
  urlPath: string,
): Promise<{ data: Buffer; type: string; index: boolean } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  try {
    if ((await stat(candidate)).isFile()) {
      return {
        data: await readFile(candidate),
        type: CONTENT_TYPES[extname(candidate)] ?? 'application/octet-stream',
        index: false,
      };
    }
  } catch {
    // Not a file: maybe an SPA route.
  }
  if (extname(decoded) !== '') return null;
  try {
    return { data: await readFile(join(root, 'index.html')), type: CONTENT_TYPES['.html'], index: true };
  } catch {
    return null;
  }
}
