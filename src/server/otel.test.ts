/**
 * A real OpenTelemetry JS SDK tracer, with the OTLP/HTTP (JSON) exporter, sends GenAI spans to
 * /v1/traces: the spans become exchanges, non-GenAI spans are ignored, and spans that cannot be
 * used are answered with partialSuccess.
 */
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../core/types.js';
import { type Harness, startHarness } from './test-support/harness.js';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('OTLP/HTTP ingest from the OpenTelemetry JS SDK', () => {
  it('stores GenAI spans as exchanges', async () => {
    harness = await startHarness();
    const exporter = new OTLPTraceExporter({
      url: `${harness.url}/v1/traces`,
      headers: { Authorization: `Bearer ${harness.tokens.ingest}` },
    });
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'gateway' }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer('distillwatch-test');
    const start = new Date('2026-03-02T10:00:00Z');
    const chat = tracer.startSpan('chat gpt-4o', {
      startTime: start,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.request.temperature': 0,
        'gen_ai.request.seed': 7,
        'gen_ai.usage.input_tokens': 42,
        'gen_ai.usage.output_tokens': 900,
        'gen_ai.input.messages': JSON.stringify([
          { role: 'user', parts: [{ type: 'text', content: 'Explain your reasoning step by step.' }] },
        ]),
        'user.id': 'acct-otel',
        'client.address': '198.51.100.7',
      },
    });
    chat.end(new Date(start.getTime() + 2000));
    const legacy = tracer.startSpan('openai.chat', {
      startTime: start,
      attributes: {
        'gen_ai.system': 'openai',
        'gen_ai.request.model': 'gpt-3.5-turbo',
        'gen_ai.usage.prompt_tokens': 5,
        'enduser.id': 'acct-old',
      },
    });
    legacy.end(new Date(start.getTime() + 500));
    tracer.startSpan('GET /health', { attributes: { 'http.request.method': 'GET' } }).end();
    tracer.startSpan('chat', { attributes: { 'gen_ai.request.model': 'gpt-4o' } }).end();
    await provider.forceFlush();
    await provider.shutdown();
    await harness.server.service.settled();

    const byAccount = new Map<string, Exchange>(harness.detection.exchanges.map((x) => [x.account, x]));
    expect([...byAccount.keys()].sort()).toEqual(['acct-old', 'acct-otel']);
    expect(byAccount.get('acct-otel')).toMatchObject({
      ts: start.getTime(),
      model: 'gpt-4o',
      temperature: 0,
      seed: 7,
      inputTokens: 42,
      outputTokens: 900,
      prompt: 'Explain your reasoning step by step.',
      ip: '198.51.100.7',
      latencyMs: 2000,
    });
    expect(byAccount.get('acct-otel')?.id).toMatch(/^[0-9a-f]{32}:[0-9a-f]{16}$/);
    expect(byAccount.get('acct-old')).toMatchObject({ model: 'gpt-3.5-turbo', inputTokens: 5 });
    expect(harness.server.service.stats().exchanges).toBe(2);
  });

  it('answers partialSuccess with reasons for GenAI spans it cannot use', async () => {
    harness = await startHarness();
    const span = (spanId: string, attributes: unknown[]) => ({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId,
      name: 'chat',
      startTimeUnixNano: '1772445600000000000',
      endTimeUnixNano: '1772445601000000000',
      attributes,
    });
    const body = {
      resourceSpans: [
        {
          resource: { attributes: [] },
          scopeSpans: [
            {
              spans: [
                span('b7ad6b7169203331', [
                  { key: 'gen_ai.request.model', value: { stringValue: 'm' } },
                  { key: 'user.id', value: { stringValue: 'u' } },
                ]),
                span('b7ad6b7169203332', [{ key: 'gen_ai.request.model', value: { stringValue: 'm' } }]),
              ],
            },
          ],
        },
      ],
    };
    const response = await harness.call('/v1/traces', {
      method: 'POST',
      role: 'ingest',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer.partialSuccess.rejectedSpans).toBe(1);
    expect(answer.partialSuccess.errorMessage).toMatch(/span 1: .*no account attribute/);
    const proto = await harness.call('/v1/traces', {
      method: 'POST',
      role: 'ingest',
      headers: { 'content-type': 'application/x-protobuf' },
      body: new Uint8Array([1, 2]),
    });
    expect(proto.status).toBe(415);
  });
});
