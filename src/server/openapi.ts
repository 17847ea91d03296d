/**
 * The OpenAPI 3.1 document of the HTTP API, served at `/openapi.json`. Written by hand next to
 * the routes (http.ts) so it says exactly what the handlers do; a test checks every route is in it.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ok = (description: string, schema: unknown) => ({ description, ...json(schema) });
const error = (description: string) => ok(description, ref('Error'));
const secured = (role: string) => ({ security: [{ bearer: [] }], 'x-required-role': role });
const standardErrors = {
  '400': error('Invalid input (the message says which field and why).'),
  '401': error('Missing or unknown bearer token.'),
  '403': error("The token's role may not call this endpoint."),
  '429': error('Rate limit exceeded; see Retry-After.'),
};
const idParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', minLength: 1, maxLength: 512 },
});
const ingestBody = (description: string, schema: string) => ({
  description: `${description} NDJSON, one record a line; gzip with \`Content-Encoding: gzip\`. At most the configured batch size (default 10,000 records) and body size (default 64 MiB).`,
  required: true,
  content: { 'application/x-ndjson': { schema: { type: 'string', description: `Lines of ${schema}` } } },
});

const nullableString = { type: ['string', 'null'] };
const evidence = {
  type: 'object',
  required: ['kind', 'weight', 'summary'],
  properties: {
    kind: { type: 'string' },
    weight: { type: 'number' },
    summary: { type: 'string' },
    facts: { type: 'object' },
  },
};

/** The OpenAPI document. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'distillwatch',
      version: '0.1.0',
      description:
        'Live detection of distillation campaigns: ingest API traffic, query campaigns and accounts, enforce verdicts. Every endpoint but /healthz needs `Authorization: Bearer <token>` (`distillwatch token create --role ROLE`); roles are ordered ingest < analyst < admin.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
        Evidence: evidence,
        Exchange: {
          type: 'object',
          description: 'One API call (docs/records.md). Unknown fields are ignored.',
          required: ['id', 'ts', 'account'],
          properties: {
            id: { type: 'string', description: 'Idempotency key' },
            ts: { type: ['string', 'number'], description: 'RFC 3339 or epoch ms' },
            account: { type: 'string' },
            org: { type: 'string' },
            apiKey: { type: 'string' },
            model: { type: 'string' },
            ip: { type: 'string' },
            userAgent: { type: 'string' },
            ja4: { type: 'string' },
            prompt: { type: 'string' },
            fingerprint: { type: 'object' },
            system: { type: 'string' },
            turns: { type: 'integer', minimum: 1 },
            tools: { type: 'array' },
            sdk: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
            maxTokens: { type: 'integer', minimum: 0 },
            temperature: { type: 'number', minimum: 0 },
            topP: { type: 'number', minimum: 0 },
            seed: { type: 'number' },
            n: { type: 'integer', minimum: 1 },
            logprobs: { type: ['boolean', 'integer'] },
            stream: { type: 'boolean' },
            status: { type: 'integer', minimum: 100, maximum: 599 },
            inputTokens: { type: 'integer', minimum: 0 },
            outputTokens: { type: 'integer', minimum: 0 },
            reasoningTokens: { type: 'integer', minimum: 0 },
            latencyMs: { type: 'number', minimum: 0 },
          },
        },
        AccountEvent: {
          type: 'object',
          required: ['ts', 'account', 'kind'],
          properties: {
            ts: { type: ['string', 'number'] },
            account: { type: 'string' },
            kind: {
              type: 'string',
              description: 'signup, profile, payment, verification, ban (others kept and ignored)',
            },
            org: { type: 'string' },
            emailDomain: { type: 'string' },
            emailLocalShape: { type: 'string' },
            paymentFingerprint: { type: 'string' },
            cardBin: { type: 'string' },
            cardCountry: { type: 'string' },
            phoneCountry: { type: 'string' },
            declaredCountry: { type: 'string' },
            signupIp: { type: 'string' },
            deviceId: { type: 'string' },
            ja4: { type: 'string' },
            route: { type: 'string' },
          },
        },
        IngestResult: {
          type: 'object',
          required: ['received', 'accepted', 'stored', 'duplicates', 'rejectedCount', 'rejected'],
          description:
            'Answered once the accepted records are durably stored. 400 when no record was accepted.',
          properties: {
            received: { type: 'integer' },
            accepted: { type: 'integer', description: 'Valid records' },
            stored: { type: 'integer', description: 'Valid records not stored before' },
            duplicates: {
              type: 'integer',
              description: 'Valid records already stored (same id): retries are safe',
            },
            rejectedCount: { type: 'integer' },
            rejected: {
              type: 'array',
              description: 'The first 1,000 rejected records',
              items: {
                type: 'object',
                required: ['index', 'reason'],
                properties: {
                  index: { type: 'integer', description: '0-based record index in the batch' },
                  line: { type: 'integer' },
                  field: nullableString,
                  reason: { type: 'string' },
                },
              },
            },
          },
        },
        CampaignResult: {
          type: 'object',
          required: [
            'id',
            'status',
            'score',
            'accounts',
            'exchanges',
            'callsPerAccount',
            'firstSeen',
            'lastSeen',
            'detectedAt',
            'capabilities',
            'evidence',
          ],
          properties: {
            id: { type: 'string' },
            status: { enum: ['suspected', 'confirmed', 'dismissed', 'closed'] },
            score: { type: 'number' },
            accounts: { type: 'array', items: { type: 'string' } },
            exchanges: { type: 'integer' },
            callsPerAccount: { type: 'number' },
            firstSeen: { type: 'string', format: 'date-time' },
            lastSeen: { type: 'string', format: 'date-time' },
            detectedAt: nullableString,
            capabilities: { type: 'object', additionalProperties: { type: 'number' } },
            evidence: { type: 'array', items: evidence },
            attribution: {
              type: ['object', 'null'],
              properties: { campaign: { type: 'string' }, summary: { type: 'string' } },
            },
          },
        },
        HistoryEntry: {
          type: 'object',
          required: ['ts', 'status', 'score'],
          properties: {
            ts: { type: 'string' },
            status: { type: 'string' },
            score: { type: 'number' },
            note: { type: 'string' },
            actor: { type: 'string' },
          },
        },
        CampaignList: {
          type: 'object',
          required: ['campaigns', 'total', 'nextCursor'],
          properties: {
            campaigns: { type: 'array', items: ref('CampaignResult') },
            total: { type: 'integer' },
            nextCursor: nullableString,
          },
        },
        CampaignDetail: {
          type: 'object',
          required: ['campaign', 'members', 'timeline', 'graph', 'residency', 'extraction'],
          properties: {
            campaign: {
              allOf: [
                ref('CampaignResult'),
                { type: 'object', properties: { history: { type: 'array', items: ref('HistoryEntry') } } },
              ],
            },
            members: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  account: { type: 'string' },
                  risk: { type: 'number' },
                  flaggedAt: nullableString,
                  exchanges: { type: 'integer' },
                  declaredCountry: nullableString,
                  residency: { enum: ['consistent', 'inconsistent', 'unknown'] },
                },
              },
            },
            timeline: {
              type: 'array',
              items: {
                type: 'object',
                properties: { hour: { type: 'string' }, exchanges: { type: 'integer' } },
              },
            },
            graph: {
              type: 'object',
              properties: {
                nodes: {
                  type: 'array',
                  items: { type: 'object', properties: { id: { type: 'string' }, risk: { type: 'number' } } },
                },
                edges: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      source: { type: 'string' },
                      target: { type: 'string' },
                      weight: { type: 'number' },
                      kinds: { type: 'array', items: { type: 'string' } },
                    },
                  },
                },
              },
            },
            residency: {
              type: 'object',
              description:
                'byVerdict: members per residency verdict; byCountry: member exchanges per observed IP country',
              properties: {
                byVerdict: { type: 'object', additionalProperties: { type: 'integer' } },
                byCountry: { type: 'object', additionalProperties: { type: 'integer' } },
              },
            },
            extraction: {
              type: 'object',
              additionalProperties: { type: 'integer' },
              description: 'Extraction tag -> member exchanges',
            },
          },
        },
        AccountDetail: {
          type: 'object',
          required: ['account', 'summary', 'verdict', 'residency', 'links', 'campaign'],
          properties: {
            account: { type: 'string' },
            summary: {
              type: 'object',
              description:
                'AccountSummary (src/core/types.ts): identity, volumes, fingerprints (templates, bands, capabilities, extraction), networks',
            },
            verdict: {
              type: ['object', 'null'],
              properties: {
                account: { type: 'string' },
                risk: { type: 'number' },
                campaign: nullableString,
                flaggedAt: nullableString,
              },
            },
            residency: { type: ['object', 'null'], description: 'ResidencyVerdict with evidence' },
            links: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  account: { type: 'string' },
                  weight: { type: 'number' },
                  evidence: { type: 'array', items: evidence },
                },
              },
            },
            campaign: nullableString,
            override: {
              type: ['object', 'null'],
              properties: {
                decision: { type: 'string' },
                note: { type: 'string' },
                ts: { type: 'string' },
                actor: { type: 'string' },
              },
            },
          },
        },
        RiskDecision: {
          type: 'object',
          required: ['account', 'decision', 'risk', 'campaign', 'reasons'],
          properties: {
            account: { type: 'string' },
            decision: { enum: ['allow', 'review', 'challenge', 'block'] },
            risk: { type: 'number' },
            campaign: nullableString,
            reasons: { type: 'array', items: { type: 'string' } },
          },
        },
        Stats: {
          type: 'object',
          required: ['exchanges', 'accounts', 'ratePerSecond', 'campaigns', 'lastTick'],
          properties: {
            exchanges: { type: 'integer', description: 'Exchanges stored' },
            accounts: { type: 'integer', description: 'Accounts seen by detection (as of the last tick)' },
            ratePerSecond: { type: 'number', description: 'Exchanges stored per second over the last 10 s' },
            campaigns: {
              type: 'object',
              additionalProperties: { type: 'integer' },
              description: 'Campaigns by status',
            },
            lastTick: nullableString,
            detectionLag: {
              type: 'integer',
              description: 'Exchanges stored but not yet applied by detection',
            },
            eventLoopDelayMs: {
              type: 'object',
              properties: { p50: { type: 'number' }, p99: { type: 'number' }, max: { type: 'number' } },
              description:
                'Delay of the HTTP thread event loop since the previous stats call (at most 60 s): what an inline request may wait',
            },
            detectionHeapMiB: {
              type: ['object', 'null'],
              properties: { used: { type: 'integer' }, limit: { type: 'integer' } },
              description:
                "Heap of detection's thread in use and its cap, in MiB, as of detection's last answer (null before the first)",
            },
          },
        },
        Review: {
          type: 'object',
          required: ['action'],
          additionalProperties: false,
          properties: { action: { enum: ['confirm', 'dismiss'] }, note: { type: 'string', maxLength: 4000 } },
        },
        Override: {
          type: 'object',
          required: ['decision'],
          additionalProperties: false,
          properties: {
            decision: { enum: ['allow', 'review', 'challenge', 'block'] },
            note: { type: 'string', maxLength: 4000 },
          },
        },
        GuardrailRequest: {
          type: 'object',
          description:
            'LiteLLM Generic Guardrail API request (only request_data is read: the account is its end user, else user, team, key hash).',
          properties: {
            texts: { type: 'array', items: { type: 'string' } },
            request_data: {
              type: 'object',
              properties: {
                user_api_key_hash: { type: 'string' },
                user_api_key_user_id: { type: 'string' },
                user_api_key_team_id: { type: 'string' },
                user_api_key_org_id: { type: 'string' },
                user_api_key_end_user_id: { type: 'string' },
              },
            },
            input_type: { enum: ['request', 'response'] },
            litellm_call_id: nullableString,
          },
        },
        GuardrailResponse: {
          type: 'object',
          required: ['action'],
          properties: { action: { enum: ['NONE', 'BLOCKED'] }, blocked_reason: { type: 'string' } },
        },
        Webhook: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            url: { type: 'string' },
            secret: { type: 'string', description: 'HMAC-SHA256 key; returned only when created' },
            events: {
              type: 'array',
              items: { enum: ['campaign.new', 'campaign.escalated', 'campaign.confirmed'] },
            },
            createdAt: { type: 'integer' },
          },
        },
      },
    },
    paths: {
      '/healthz': {
        get: {
          summary: 'Liveness (open)',
          responses: { '200': ok('Alive', { type: 'object', properties: { status: { const: 'ok' } } }) },
        },
      },
      '/openapi.json': {
        get: {
          summary: 'This document',
          ...secured('ingest'),
          responses: { '200': ok('OpenAPI 3.1', { type: 'object' }), ...standardErrors },
        },
      },
      '/v1/exchanges': {
        post: {
          summary: 'Ingest exchanges (idempotent by id)',
          ...secured('ingest'),
          requestBody: ingestBody('Canonical exchanges.', 'Exchange'),
          responses: {
            '200': ok('Batch answer', ref('IngestResult')),
            '413': error('Body or batch too large'),
            '415': error('Unsupported Content-Encoding'),
            ...standardErrors,
          },
        },
      },
      '/v1/accounts': {
        post: {
          summary: 'Ingest account events (identical events are stored once)',
          ...secured('ingest'),
          requestBody: ingestBody('Account events.', 'AccountEvent'),
          responses: {
            '200': ok('Batch answer', ref('IngestResult')),
            '413': error('Body or batch too large'),
            ...standardErrors,
          },
        },
      },
      '/v1/traces': {
        post: {
          summary: 'OTLP/HTTP JSON traces: GenAI spans become exchanges (id = traceId:spanId)',
          description:
            'ExportTraceServiceRequest in the JSON encoding, optionally gzip. Spans without gen_ai.*/llm.* attributes are ignored; GenAI spans that cannot be used are counted in partialSuccess.rejectedSpans with reasons in errorMessage. See docs/server.md for the attribute alias table.',
          ...secured('ingest'),
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { type: 'object', properties: { resourceSpans: { type: 'array' } } },
              },
            },
          },
          responses: {
            '200': ok('Export answer', {
              type: 'object',
              properties: {
                partialSuccess: {
                  type: 'object',
                  properties: { rejectedSpans: { type: 'integer' }, errorMessage: { type: 'string' } },
                },
              },
            }),
            '415': error('Protobuf encoding (use http/json)'),
            ...standardErrors,
          },
        },
      },
      '/v1/litellm': {
        post: {
          summary:
            'LiteLLM generic webhook callback (StandardLoggingPayload; log_format json_array, ndjson or single)',
          ...secured('ingest'),
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { oneOf: [{ type: 'array', items: { type: 'object' } }, { type: 'object' }] },
              },
              'application/x-ndjson': { schema: { type: 'string' } },
            },
          },
          responses: { '200': ok('Batch answer', ref('IngestResult')), ...standardErrors },
        },
      },
      '/v1/campaigns': {
        get: {
          summary: 'Campaigns, highest score first',
          ...secured('analyst'),
          parameters: [
            {
              name: 'status',
              in: 'query',
              schema: { type: 'string' },
              description: 'Comma-separated statuses: suspected, confirmed, dismissed, closed',
            },
            { name: 'minScore', in: 'query', schema: { type: 'number', minimum: 0, maximum: 1 } },
            {
              name: 'since',
              in: 'query',
              schema: { type: 'string' },
              description: 'Campaigns active at or after (lastSeen >= since); RFC 3339 or epoch ms',
            },
            {
              name: 'until',
              in: 'query',
              schema: { type: 'string' },
              description: 'Campaigns active at or before (firstSeen <= until)',
            },
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            },
            {
              name: 'cursor',
              in: 'query',
              schema: { type: 'string' },
              description: 'nextCursor of the previous page',
            },
          ],
          responses: { '200': ok('A page of campaigns', ref('CampaignList')), ...standardErrors },
        },
      },
      '/v1/campaigns/{id}': {
        get: {
          summary: 'One campaign with history, members, timeline, graph, residency and extraction mix',
          ...secured('analyst'),
          parameters: [idParam('id', 'Campaign id')],
          responses: {
            '200': ok('The campaign', ref('CampaignDetail')),
            '404': error('No such campaign'),
            ...standardErrors,
          },
        },
      },
      '/v1/campaigns/{id}/review': {
        post: {
          summary:
            'Confirm or dismiss a campaign (recorded in history and the audit log; feeds back into scoring)',
          ...secured('analyst'),
          parameters: [idParam('id', 'Campaign id')],
          requestBody: { required: true, ...json(ref('Review')) },
          responses: {
            '200': ok('The updated campaign', {
              type: 'object',
              properties: {
                campaign: {
                  allOf: [
                    ref('CampaignResult'),
                    {
                      type: 'object',
                      properties: { history: { type: 'array', items: ref('HistoryEntry') } },
                    },
                  ],
                },
              },
            }),
            '404': error('No such campaign'),
            ...standardErrors,
          },
        },
      },
      '/v1/accounts/{id}': {
        get: {
          summary: 'One account: summary (fingerprints, networks), verdict, residency, links, campaign',
          ...secured('analyst'),
          parameters: [idParam('id', 'Account id')],
          responses: {
            '200': ok('The account', ref('AccountDetail')),
            '404': error('Account never seen'),
            ...standardErrors,
          },
        },
      },
      '/v1/accounts/{id}/risk': {
        get: {
          summary: 'Inline enforcement decision for a gateway',
          ...secured('ingest'),
          parameters: [idParam('id', 'Account id')],
          responses: {
            '200': ok('Decision with reasons (unknown accounts are allowed)', ref('RiskDecision')),
            ...standardErrors,
          },
        },
      },
      '/v1/accounts/{id}/override': {
        post: {
          summary: "Set an analyst's decision for one account (audit-logged)",
          ...secured('analyst'),
          parameters: [idParam('id', 'Account id')],
          requestBody: { required: true, ...json(ref('Override')) },
          responses: {
            '200': ok('The override and the resulting decision', {
              type: 'object',
              properties: { override: { type: 'object' }, risk: ref('RiskDecision') },
            }),
            ...standardErrors,
          },
        },
        delete: {
          summary: "Remove an account's override",
          ...secured('analyst'),
          parameters: [idParam('id', 'Account id')],
          responses: {
            '200': ok('The resulting decision', {
              type: 'object',
              properties: { risk: ref('RiskDecision') },
            }),
            '404': error('No override'),
            ...standardErrors,
          },
        },
      },
      '/v1/overrides': {
        get: {
          summary: 'All account overrides',
          ...secured('analyst'),
          responses: {
            '200': ok('Overrides', {
              type: 'object',
              properties: { overrides: { type: 'array', items: { type: 'object' } } },
            }),
            ...standardErrors,
          },
        },
      },
      '/v1/stats': {
        get: {
          summary: 'Live overview',
          ...secured('analyst'),
          responses: { '200': ok('Counters', ref('Stats')), ...standardErrors },
        },
      },
      '/beta/litellm_basic_guardrail_api': {
        post: {
          summary:
            'LiteLLM Generic Guardrail API: BLOCKED for accounts whose decision is block (configurable), else NONE',
          ...secured('ingest'),
          requestBody: { required: true, ...json(ref('GuardrailRequest')) },
          responses: { '200': ok('Guardrail answer', ref('GuardrailResponse')), ...standardErrors },
        },
      },
      '/v1/blocklist': {
        get: {
          summary: 'Accounts to block (one per line, or JSON with reasons)',
          ...secured('ingest'),
          parameters: [
            {
              name: 'format',
              in: 'query',
              schema: { enum: ['text', 'json'] },
              description: 'Default: json when Accept includes application/json, else text',
            },
            {
              name: 'min',
              in: 'query',
              schema: { enum: ['block', 'challenge', 'review'], default: 'block' },
              description: 'Least severe decision listed',
            },
          ],
          responses: {
            '200': {
              description: 'The block list',
              content: {
                'text/plain': { schema: { type: 'string' } },
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      generatedAt: { type: 'string' },
                      min: { type: 'string' },
                      accounts: { type: 'array', items: ref('RiskDecision') },
                    },
                  },
                },
              },
            },
            ...standardErrors,
          },
        },
      },
      '/v1/webhooks': {
        get: {
          summary: 'Registered webhooks (secrets omitted)',
          ...secured('admin'),
          responses: {
            '200': ok('Webhooks', {
              type: 'object',
              properties: { webhooks: { type: 'array', items: ref('Webhook') } },
            }),
            ...standardErrors,
          },
        },
        post: {
          summary:
            'Register a webhook; deliveries are signed `X-Distillwatch-Signature: sha256=HMAC(secret, timestamp + "." + body)` and retried with backoff',
          ...secured('admin'),
          requestBody: {
            required: true,
            ...json({
              type: 'object',
              required: ['url'],
              properties: {
                url: { type: 'string' },
                events: { type: 'array', items: { type: 'string' } },
                secret: { type: 'string', minLength: 16 },
              },
            }),
          },
          responses: {
            '201': ok('The webhook with its secret', {
              type: 'object',
              properties: { webhook: ref('Webhook') },
            }),
            ...standardErrors,
          },
        },
      },
      '/v1/webhooks/{id}': {
        delete: {
          summary: 'Remove a webhook',
          ...secured('admin'),
          parameters: [idParam('id', 'Webhook id')],
          responses: {
            '204': { description: 'Removed' },
            '404': error('No such webhook'),
            ...standardErrors,
          },
        },
      },
      '/v1/webhooks/deliveries': {
        get: {
          summary: 'Recent deliveries and their state',
          ...secured('admin'),
          responses: {
            '200': ok('Deliveries', {
              type: 'object',
              properties: { deliveries: { type: 'array', items: { type: 'object' } } },
            }),
            ...standardErrors,
          },
        },
      },
      '/v1/audit': {
        get: {
          summary: 'Audit log, newest first',
          ...secured('admin'),
          parameters: [
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 10000, default: 100 },
            },
          ],
          responses: {
            '200': ok('Entries', {
              type: 'object',
              properties: { entries: { type: 'array', items: { type: 'object' } } },
            }),
            ...standardErrors,
          },
        },
      },
      '/v1/admin/flush': {
        post: {
          summary: 'Apply every held record and run the global stage now (what the wall-clock tick does)',
          ...secured('admin'),
          responses: { '200': ok('Stats after the tick', ref('Stats')), ...standardErrors },
        },
      },
      '/v1/admin/snapshot': {
        post: {
          summary:
            'Save a detection snapshot now (also done every 10 minutes and at a clean stop): a restart resumes from it and replays only records stored after it',
          ...secured('admin'),
          responses: {
            '200': ok('Whether a snapshot was saved (false when detection cannot snapshot)', {
              type: 'object',
              properties: { saved: { type: 'boolean' } },
            }),
            ...standardErrors,
          },
        },
      },
    },
  };
}
