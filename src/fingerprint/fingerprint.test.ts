import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeFingerprint } from '../core/schema.js';
import type { Exchange } from '../core/types.js';
import { createFingerprinter, fingerprint, toolShape } from './fingerprint.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('fingerprint (stateless)', () => {
  it('is deterministic and gives masked variants the same template id', () => {
    const a = fingerprint({ prompt: 'Order 1234 shipped on 2024-05-01 to "Alice"' });
    const b = fingerprint({ prompt: 'order 98 shipped on 2023-01-09 to "Bob Smith"' });
    expect(a.template).toBe(b.template);
    expect(a.templateText).toBe('order <num> shipped on <date> to <str>');
    expect(fingerprint({ prompt: 'Order 1234 shipped on 2024-05-01 to "Alice"' })).toEqual(a);
    expect(a.template).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint({ prompt: 'order 1234 was returned' }).template).not.toBe(a.template);
  });

  it('produces every contract field, valid against the privacy-mode schema', () => {
    const fp = fingerprint({
      prompt: "Let's think step by step: what is 17 * 3?",
      system: 'You are helpful.',
      turns: 2,
      n: 4,
      logprobs: 5,
      temperature: 0.7,
      seed: 1,
    });
    expect(Object.keys(fp).sort()).toEqual([
      'bands',
      'capabilities',
      'extraction',
      'language',
      'shape',
      'template',
      'templateText',
    ]);
    expect(fp.bands).toHaveLength(14);
    expect(fp.extraction).toEqual([{ tag: 'cot-elicitation', span: 'think step by step' }]);
    expect(fp.capabilities).toContain('math');
    expect(fp.capabilities).toContain('reasoning');
    expect(fp.language).toBe('en');
    expect(fp.shape).toEqual({
      turns: 2,
      tools: 0,
      contextBucket: 'xs',
      chars: 57,
      hasSystem: true,
      n: 4,
      logprobs: 5,
      temperature: 0.7,
      seed: 1,
    });
    expect(decodeFingerprint(JSON.parse(JSON.stringify(fp)), { file: 't', line: 1 }).ok).toBe(true);
  });

  it('reads the system prompt for extraction tags', () => {
    const fp = fingerprint({
      prompt: 'What is the capital of France?',
      system: 'Always provide complete and transparent reasoning before the answer.',
    });
    expect(fp.extraction.map((m) => m.tag)).toEqual(['cot-elicitation']);
  });

  it('reduces tool schemas to their shape and tags tool use', () => {
    const tools = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          parameters: {
            type: 'object',
            properties: { city: { type: 'string' }, days: { type: 'integer' } },
            required: ['city'],
          },
        },
      },
    ];
    expect(toolShape(tools)).toBe('<tools:f(integer?,string)>');
    const renamed = [
      {
        name: 'weather_lookup',
        parameters: { properties: { town: { type: 'string' }, n: { type: 'integer' } }, required: ['town'] },
      },
    ];
    const a = fingerprint({ prompt: 'weather in Paris', tools });
    expect(a.template).toBe(fingerprint({ prompt: 'weather in Paris', tools: renamed }).template);
    expect(a.template).not.toBe(fingerprint({ prompt: 'weather in Paris' }).template);
    expect(a.capabilities).toContain('tool-use');
    expect(a.shape.tools).toBe(1);
  });

  it('has bounded cost and no bands for an empty prompt', () => {
    const empty = fingerprint({});
    expect(empty.bands).toEqual([]);
    expect(empty.language).toBe('und');
    const long = fingerprint({ prompt: `${'word '.repeat(50_000)}end` });
    expect(long.shape.contextBucket).toBe('xl');
    expect(long.capabilities).toContain('long-horizon');
    expect(long.templateText.length).toBeLessThanOrEqual(512);
    expect(fingerprint({ prompt: 'x y z' }, { templateTextChars: 0 }).templateText).toBe('');
  });
});

describe('adversarial input', () => {
  it.each([
    ['one 1 MB word', 'a'.repeat(1_000_000)],
    ['thousands of Task N: lines', 'task 1: x\n'.repeat(3000)],
    ['unbalanced quotes', '"'.repeat(20_000)],
    ['lone surrogates and emoji', '😀\ud800 test \udfff '.repeat(3000)],
    ['fence markers only', '```'.repeat(5000)],
    ['separators between digits', '1.2.3.4-5/6:7,8 '.repeat(3000)],
  ])('fingerprints %s without failing', (_, prompt) => {
    const fp = fingerprint({ prompt, system: prompt.slice(0, 5000) });
    expect(fp.template).toMatch(/^[0-9a-f]{16}$/);
    expect(fp.templateText.length).toBeLessThanOrEqual(512);
  });

  it('gives no bands to a long whitespace-only prompt', () => {
    expect(fingerprint({ prompt: ' '.repeat(10_000) }).bands).toEqual([]);
  });
});

describe('createFingerprinter', () => {
  it('mines templates across variants and returns a precomputed fingerprint as is (privacy mode)', () => {
    const fper = createFingerprinter();
    const ids = new Set<string>();
    for (const city of ['Paris', 'Berlin', 'Madrid', 'Rome', 'Oslo', 'Lisbon']) {
      for (const q of [
        'what should I see first',
        'where do locals eat',
        'is it safe at night for tourists',
      ]) {
        ids.add(
          fper.fingerprint({
            prompt: `You are a travel guide for ${city}. Keep answers short and friendly. Question: ${q}`,
          }).template,
        );
      }
    }
    expect(fper.templates()[0].size).toBeGreaterThanOrEqual(17);
    expect(fper.templates()[0].text.startsWith('you are a travel guide for')).toBe(true);
    const precomputed = fingerprint({ prompt: 'hello' });
    const exchange: Partial<Exchange> = { fingerprint: precomputed };
    expect(fper.fingerprint(exchange)).toBe(precomputed);
    expect(() => fper.fingerprint({ fingerprint: { ...precomputed, bands: 'x' } as never })).toThrow(/bands/);
  });
});

describe('edge entry', () => {
  it('imports only the fingerprint code (no schema, CLI or graph libraries)', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(/^(?:import|export)[^;]*?from\s+'([^']+)'/gms)) {
        expect(spec.startsWith('.'), `${file} imports package ${spec}`).toBe(true);
        visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      }
    };
    visit(resolve(here, '../edge.ts'));
    expect(
      [...seen].every(
        (f) => f.includes('/fingerprint/') || f.endsWith('edge.ts') || f.endsWith('core/types.ts'),
      ),
    ).toBe(true);
  });
});
