import { describe, expect, it } from 'vitest';
import { decodeOtlpTraces } from './otlp.js';

const s = (key: string, value: string) => ({ key, value: { stringValue: value } });
const i = (key: string, value: number) => ({ key, value: { intValue: String(value) } });
const d = (key: string, value: number) => ({ key, value: { doubleValue: value } });

const span = (spanId: string, attributes: unknown[], extra: Record<string, unknown> = {}) => ({
  traceId: '5b8efff798038103d269b633813fc60c',
  spanId,
  name: 'chat gpt-4o',
  kind: 3,
  startTimeUnixNano: '1767225600000000000',
  endTimeUnixNano: '1767225601250000000',
  attributes,
  ...extra,
});

const request = (spans: unknown[], resource: unknown[] = []) => ({
  resourceSpans: [{ resource: { attributes: resource }, scopeSpans: [{ scope: { name: 'test' }, spans }] }],
});

describe('decodeOtlpTraces', () => {
  it('maps current GenAI attributes (semconv 1.37+ messages with parts) to an exchange', () => {
    const messages = JSON.stringify([
      { role: 'system', parts: [{ type: 'text', content: 'You are terse.' }] },
      { role: 'user', parts: [{ type: 'text', content: 'first question' }] },
      { role: 'assistant', parts: [{ type: 'text', content: 'answer' }] },
      { role: 'user', parts: [{ type: 'text', content: 'Think step by step and show your reasoning.' }] },
    ]);
    const result = decodeOtlpTraces(
      request([
        span('eee19b7ec3c1b174', [
          s('gen_ai.operation.name', 'chat'),
          s('gen_ai.request.model', 'gpt-4o'),
          s('user.id', 'acct-7'),
          s('client.address', '203.0.113.9'),
          s('user_agent.original', 'OpenAI/Python 1.40.0'),
          d('gen_ai.request.temperature', 0),
          i('gen_ai.request.seed', 42),
          i('gen_ai.request.choice.count', 4),
          i('gen_ai.request.max_tokens', 512),
          i('gen_ai.usage.input_tokens', 120),
          i('gen_ai.usage.output_tokens', 800),
          i('http.response.status_code', 200),
          s('gen_ai.input.messages', messages),
          {
            key: 'http.request.header.x-stainless-lang',
            value: { arrayValue: { values: [{ stringValue: 'python' }] } },
          },
        ]),
      ]),
    );
    expect(result.rejected).toEqual([]);
    expect(result.exchanges).toEqual([
      {
        id: '5b8efff798038103d269b633813fc60c:eee19b7ec3c1b174',
        ts: 1767225600000,
        account: 'acct-7',
        model: 'gpt-4o',
        ip: '203.0.113.9',
        userAgent: 'OpenAI/Python 1.40.0',
        prompt: 'Think step by step and show your reasoning.',
        system: 'You are terse.',
        turns: 2,
        sdk: { 'x-stainless-lang': 'python' },
        maxTokens: 512,
        temperature: 0,
        seed: 42,
        n: 4,
        status: 200,
        inputTokens: 120,
        outputTokens: 800,
        latencyMs: 1250,
      },
    ]);
  });

  it('reads older names through the alias table (prompt_tokens, enduser.id, indexed prompts)', () => {
    const result = decodeOtlpTraces(
      request(
        [
          span('0000000000000001', [
            s('gen_ai.system', 'openai'),
            s('llm.request.model', 'gpt-3.5-turbo'),
            i('gen_ai.usage.prompt_tokens', 10),
            i('gen_ai.usage.completion_tokens', 20),
            s('gen_ai.prompt.0.role', 'user'),
            s('gen_ai.prompt.0.content', 'hello there'),
            s('http.user_agent', 'curl/8'),
          ]),
        ],
        [s('enduser.id', 'acct-old')],
      ),
    );
    expect(result.rejected).toEqual([]);
    expect(result.exchanges[0]).toMatchObject({
      account: 'acct-old',
      model: 'gpt-3.5-turbo',
      inputTokens: 10,
      outputTokens: 20,
      prompt: 'hello there',
      turns: 1,
      userAgent: 'curl/8',
    });
  });

  it('reads event-based prompts (gen_ai.user.message events)', () => {
    const result = decodeOtlpTraces(
      request([
        span('0000000000000002', [s('gen_ai.request.model', 'm'), s('user.id', 'a')], {
          events: [
            {
              name: 'gen_ai.user.message',
              timeUnixNano: '1767225600000000000',
              attributes: [s('content', 'from an event')],
            },
          ],
        }),
      ]),
    );
    expect(result.exchanges[0].prompt).toBe('from an event');
  });

  it('ignores non-GenAI spans and rejects GenAI spans it cannot use, with index and reason', () => {
    const result = decodeOtlpTraces(
      request([
        span('0000000000000003', [s('http.request.method', 'GET'), s('user.id', 'a')]),
        span('0000000000000004', [s('gen_ai.request.model', 'm')]),
        span('0000000000000005', [
          s('gen_ai.request.model', 'm'),
          s('user.id', 'a'),
          d('gen_ai.request.temperature', -1),
        ]),
        span('0000000000000006', [s('gen_ai.request.model', 'm'), s('user.id', 'a')], {
          startTimeUnixNano: 'soon',
        }),
        span('0000000000000007', [s('gen_ai.request.model', 'm'), s('user.id', 'ok')]),
      ]),
    );
    expect(result.spans).toBe(5);
    expect(result.ignored).toBe(1);
    expect(result.exchanges.map((x) => x.account)).toEqual(['ok']);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(result.rejected[0].reason).toMatch(/no account attribute/);
    expect(result.rejected[1].reason).toMatch(/temperature must be >= 0/);
    expect(result.rejected[2].reason).toMatch(/startTimeUnixNano/);
  });

  it('rejects a body that is not an export request', () => {
    expect(decodeOtlpTraces({ spans: [] }).rejected[0].reason).toMatch(/resourceSpans/);
    expect(decodeOtlpTraces(null).exchanges).toEqual([]);
  });
});
