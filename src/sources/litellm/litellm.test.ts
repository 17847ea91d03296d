import { describe, expect, it } from 'vitest';
import { decodeLitellmBody, litellmAccount } from './litellm.js';

/** Shaped like LiteLLM's StandardLoggingPayload (litellm/types/utils.py), trimmed of cost fields. */
const payload = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  trace_id: `trace-${id}`,
  call_type: 'acompletion',
  stream: false,
  response_cost: 0.00012,
  status: 'success',
  custom_llm_provider: 'openai',
  total_tokens: 130,
  prompt_tokens: 30,
  completion_tokens: 100,
  startTime: 1767225600.5,
  endTime: 1767225602.0,
  completionStartTime: 1767225601.0,
  response_time: 1.5,
  model_map_information: { model_map_key: 'gpt-4o', model_map_value: null },
  model: 'gpt-4o',
  model_id: 'deploy-1',
  model_group: 'gpt-4o',
  api_base: 'https://api.openai.com/v1',
  metadata: {
    user_api_key_hash: '88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b',
    user_api_key_alias: 'prod',
    user_api_key_org_id: 'org-1',
    user_api_key_team_id: 'team-1',
    user_api_key_user_id: 'user-42',
    user_api_key_team_alias: null,
    user_api_key_end_user_id: null,
    spend_logs_metadata: null,
    requester_ip_address: '198.51.100.4',
    requester_metadata: {},
  },
  cache_hit: false,
  cache_key: null,
  saved_cache_cost: 0,
  request_tags: [],
  end_user: '',
  requester_ip_address: '198.51.100.4',
  messages: [
    { role: 'system', content: 'Be helpful.' },
    { role: 'user', content: [{ type: 'text', text: 'Write a Python function that reverses a list.' }] },
  ],
  response: { id: 'chatcmpl-1', choices: [], usage: { completion_tokens_details: { reasoning_tokens: 40 } } },
  error_str: null,
  error_information: null,
  model_parameters: {
    temperature: 0.7,
    max_tokens: 256,
    top_p: 1,
    n: 1,
    seed: 7,
    logprobs: true,
    top_logprobs: 5,
  },
  hidden_params: {
    model_id: 'deploy-1',
    cache_key: null,
    api_base: null,
    response_cost: null,
    additional_headers: null,
  },
  ...overrides,
});

describe('decodeLitellmBody', () => {
  it('maps a StandardLoggingPayload to an exchange', () => {
    const result = decodeLitellmBody(JSON.stringify(payload('call-1')));
    expect(result.rejected).toEqual([]);
    expect(result.exchanges).toEqual([
      {
        id: 'call-1',
        ts: 1767225600500,
        account: 'user-42',
        org: 'org-1',
        apiKey: '88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b',
        model: 'gpt-4o',
        ip: '198.51.100.4',
        prompt: 'Write a Python function that reverses a list.',
        system: 'Be helpful.',
        turns: 1,
        maxTokens: 256,
        temperature: 0.7,
        topP: 1,
        seed: 7,
        n: 1,
        logprobs: 5,
        status: 200,
        inputTokens: 30,
        outputTokens: 100,
        reasoningTokens: 40,
        latencyMs: 1500,
      },
    ]);
  });

  it('accepts json_array, ndjson and single bodies alike', () => {
    const records = [payload('a'), payload('b')];
    expect(decodeLitellmBody(JSON.stringify(records)).exchanges.map((x) => x.id)).toEqual(['a', 'b']);
    expect(
      decodeLitellmBody(records.map((r) => JSON.stringify(r)).join('\n')).exchanges.map((x) => x.id),
    ).toEqual(['a', 'b']);
    expect(decodeLitellmBody(JSON.stringify(records[1])).exchanges.map((x) => x.id)).toEqual(['b']);
  });

  it('keeps good records and lists bad ones with index and reason', () => {
    const lines = [
      JSON.stringify(payload('ok-1')),
      '{not json',
      JSON.stringify(payload('no-account', { metadata: {}, end_user: null })),
      JSON.stringify(payload('bad-temp', { model_parameters: { temperature: 'hot' } })),
      JSON.stringify(
        payload('failed', {
          status: 'failure',
          error_information: { error_code: '429', error_class: 'RateLimitError' },
        }),
      ),
    ];
    const result = decodeLitellmBody(lines.join('\n'));
    expect(result.records).toBe(5);
    expect(result.exchanges.map((x) => [x.id, x.status])).toEqual([
      ['ok-1', 200],
      ['failed', 429],
    ]);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(result.rejected[0].reason).toMatch(/invalid JSON/);
    expect(result.rejected[1].reason).toMatch(/no account/);
    expect(result.rejected[2].reason).toMatch(/model_parameters\.temperature/);
  });

  it('prefers the end user, then the key user, team and key hash', () => {
    expect(litellmAccount({ user_api_key_user_id: 'u' }, 'end-1')).toBe('end-1');
    expect(litellmAccount({ user_api_key_user_id: 'u', user_api_key_end_user_id: 'e' })).toBe('e');
    expect(litellmAccount({ user_api_key_team_id: 't' })).toBe('t');
    expect(litellmAccount({ user_api_key_hash: 'h' })).toBe('key:h');
    expect(litellmAccount({})).toBeUndefined();
  });
});
