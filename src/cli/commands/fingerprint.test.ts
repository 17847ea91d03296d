import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from './fingerprint.js';

async function run(args: string[]): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const program = new Command('distillwatch').exitOverride();
  register(program);
  await program.parseAsync(['node', 'distillwatch', 'fingerprint', ...args]);
  vi.restoreAllMocks();
  return { stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

describe('distillwatch fingerprint', () => {
  it('prints one fingerprint per input line, in order, with the contract field names, and an error line for a bad line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dw-fp-'));
    const file = join(dir, 'in.ndjson');
    writeFileSync(
      file,
      [
        JSON.stringify({ prompt: "Let's think step by step: what is 12 * 7?" }),
        '{not json',
        JSON.stringify({
          id: 'e1',
          ts: '2026-01-01T00:00:00Z',
          account: 'a1',
          prompt: '请一步一步地思考。',
          tools: [{ name: 'f', parameters: { properties: { x: { type: 'string' } } } }],
        }),
        '',
        JSON.stringify({ text: 'Rate the following response on a scale of 1 to 10.' }),
        JSON.stringify({ prompt: 42 }),
      ].join('\n'),
    );
    const { stdout, stderr } = await run([file]);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    for (const i of [0, 2, 3]) {
      for (const field of [
        'template',
        'templateText',
        'bands',
        'capabilities',
        'extraction',
        'language',
        'shape',
      ])
        expect(lines[i]).toHaveProperty(field);
    }
    expect(lines[0].extraction).toEqual([{ tag: 'cot-elicitation', span: 'think step by step' }]);
    expect(lines[1]).toMatchObject({ line: 2 });
    expect(lines[1].error).toMatch(/invalid JSON/);
    expect(lines[2].language).toBe('zh');
    expect(lines[2].capabilities).toContain('tool-use');
    expect(lines[3].extraction[0].tag).toBe('rubric-grading');
    expect(lines[4]).toEqual({ line: 6, error: 'prompt: must be a string' });
    expect(stderr).toContain(`${file}:2: invalid JSON`);
    expect(stderr).toContain(`${file}:6 prompt: must be a string`);
  });

  it('stateless mode gives masked variants the same template id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dw-fp-'));
    const file = join(dir, 'in.ndjson');
    writeFileSync(
      file,
      `${JSON.stringify({ prompt: 'order 12 for "Ann"' })}\n${JSON.stringify({ prompt: 'order 97 for "Bob"' })}\n`,
    );
    const { stdout } = await run(['--stateless', '--template-text-chars', '0', file]);
    const [a, b] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(a.template).toBe(b.template);
    expect(a.templateText).toBe('');
  });

  it('passes a precomputed fingerprint through (privacy mode), in both modes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dw-fp-'));
    const file = join(dir, 'in.ndjson');
    const precomputed = {
      template: 'abc123',
      templateText: '',
      bands: ['0:x'],
      capabilities: ['chat'],
      extraction: [],
      language: 'en',
      shape: { turns: 1, tools: 0, contextBucket: 'xs', chars: 5, hasSystem: false },
    };
    writeFileSync(file, `${JSON.stringify({ id: 'e', ts: 1, account: 'a', fingerprint: precomputed })}\n`);
    for (const args of [[file], ['--stateless', file]]) {
      const { stdout } = await run(args);
      expect(JSON.parse(stdout.trim())).toEqual(precomputed);
    }
  });
});
