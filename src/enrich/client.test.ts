import { describe, expect, it } from 'vitest';
import { parseClient } from './client.js';

describe('parseClient', () => {
  it('recognises the official SDKs with name, version, OS and runtime from X-Stainless-* headers', () => {
    expect(
      parseClient('OpenAI/Python 1.54.4', {
        'X-Stainless-Lang': 'python',
        'X-Stainless-Package-Version': '1.54.4',
        'X-Stainless-OS': 'MacOS',
        'X-Stainless-Arch': 'arm64',
        'X-Stainless-Runtime': 'CPython',
        'X-Stainless-Runtime-Version': '3.11.9',
      }),
    ).toEqual({
      kind: 'sdk',
      name: 'openai-python',
      version: '1.54.4',
      os: 'macOS',
      runtime: 'CPython 3.11.9',
    });
    expect(parseClient('AsyncOpenAI/Python 1.40.0')).toMatchObject({
      kind: 'sdk',
      name: 'openai-python',
      version: '1.40.0',
      runtime: 'python',
    });
    expect(parseClient('Anthropic/Python 0.40.0')).toMatchObject({
      kind: 'sdk',
      name: 'anthropic-python',
      version: '0.40.0',
    });
    expect(
      parseClient('Anthropic/JS 0.32.1', {
        'x-stainless-os': 'Linux',
        'x-stainless-runtime': 'node',
        'x-stainless-runtime-version': 'v20.11.0',
      }),
    ).toEqual({
      kind: 'sdk',
      name: 'anthropic-js',
      version: '0.32.1',
      os: 'Linux',
      runtime: 'node v20.11.0',
    });
    expect(parseClient('OpenAI/JS 4.73.0')).toMatchObject({
      kind: 'sdk',
      name: 'openai-js',
      version: '4.73.0',
      runtime: 'node',
    });
  });

  it('recognises a Stainless SDK from its headers when the user agent was rewritten', () => {
    expect(
      parseClient('my-gateway/1.0', {
        'x-stainless-lang': 'js',
        'x-stainless-package-version': '0.30.0',
        'anthropic-version': '2023-06-01',
        'x-stainless-os': 'Windows',
      }),
    ).toMatchObject({ kind: 'sdk', name: 'anthropic-js', version: '0.30.0', os: 'Windows' });
    expect(parseClient(undefined, { 'x-stainless-lang': 'python' })).toMatchObject({
      kind: 'sdk',
      name: 'stainless-python',
      version: null,
    });
  });

  it('recognises other SDK-ish clients generically', () => {
    expect(parseClient('litellm/1.52.0')).toMatchObject({ kind: 'sdk', name: 'litellm', version: '1.52.0' });
    expect(parseClient('google-genai-sdk/1.2.0 gl-python/3.12.1')).toMatchObject({
      kind: 'sdk',
      name: 'google-genai-sdk',
      version: '1.2.0',
    });
  });

  it('recognises scripts and HTTP libraries', () => {
    expect(parseClient('python-requests/2.31.0')).toEqual({
      kind: 'script',
      name: 'python-requests',
      version: '2.31.0',
      os: null,
      runtime: 'python',
    });
    expect(parseClient('curl/8.4.0')).toMatchObject({ kind: 'script', name: 'curl', version: '8.4.0' });
    expect(parseClient('Go-http-client/1.1')).toMatchObject({
      kind: 'script',
      name: 'Go-http-client',
      version: '1.1',
      runtime: 'go',
    });
    expect(parseClient('Go-http-client/2.0')).toMatchObject({ name: 'Go-http-client', version: '2.0' });
    expect(parseClient('python-httpx/0.27.0')).toMatchObject({ kind: 'script', name: 'python-httpx' });
    expect(parseClient('Python/3.11 aiohttp/3.9.1')).toMatchObject({
      kind: 'script',
      name: 'aiohttp',
      version: '3.9.1',
    });
    expect(parseClient('axios/1.6.7')).toMatchObject({ kind: 'script', name: 'axios', runtime: 'node' });
    expect(parseClient('node-fetch/1.0 (+https://github.com/bitinn/node-fetch)')).toMatchObject({
      name: 'node-fetch',
      version: '1.0',
    });
    expect(parseClient('okhttp/4.12.0')).toMatchObject({ kind: 'script', name: 'okhttp' });
    expect(parseClient('PostmanRuntime/7.36.0')).toMatchObject({
      kind: 'script',
      name: 'PostmanRuntime',
      version: '7.36.0',
    });
    expect(parseClient('Wget/1.21.4')).toMatchObject({ kind: 'script', name: 'wget' });
  });

  it('recognises browsers and their OS, and headless Chrome as a script', () => {
    expect(
      parseClient(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
      ),
    ).toEqual({ kind: 'browser', name: 'Chrome', version: '124.0.0.0', os: 'Windows', runtime: null });
    expect(
      parseClient(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
      ),
    ).toMatchObject({ kind: 'browser', name: 'Safari', version: '17.4', os: 'macOS' });
    expect(
      parseClient('Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0'),
    ).toMatchObject({
      kind: 'browser',
      name: 'Firefox',
      os: 'Linux',
    });
    expect(
      parseClient(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51',
      ),
    ).toMatchObject({ name: 'Edge', version: '124.0.2478.51' });
    expect(
      parseClient(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      ),
    ).toMatchObject({ kind: 'browser', name: 'Safari', os: 'iOS' });
    expect(
      parseClient(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36',
      ),
    ).toMatchObject({ kind: 'script', name: 'HeadlessChrome' });
  });

  it('says unknown when it cannot tell', () => {
    expect(parseClient()).toEqual({ kind: 'unknown', name: null, version: null, os: null, runtime: null });
    expect(parseClient('')).toMatchObject({ kind: 'unknown' });
    expect(parseClient('SomethingCustom/3.2')).toMatchObject({
      kind: 'unknown',
      name: 'SomethingCustom',
      version: '3.2',
    });
    expect(parseClient('Mozilla/5.0 (compatible)')).toMatchObject({ kind: 'unknown', name: null });
  });
});
