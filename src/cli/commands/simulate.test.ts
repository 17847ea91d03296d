/** The `simulate` command's flags and layout (the CLI contract), run in-process. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { register } from './simulate.js';

const dir = mkdtempSync(join(tmpdir(), 'dw-sim-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function program(): Command {
  const p = new Command('distillwatch').exitOverride();
  register(p);
  return p;
}

describe('distillwatch simulate', () => {
  it('writes DIR/exchanges.ndjson(.gz), accounts.ndjson and labels.json from the documented flags', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = join(dir, 'w');
    await program().parseAsync(
      [
        'simulate',
        '--preset',
        'small',
        '--seed',
        '4',
        '--days',
        '0.5',
        '--scale',
        '0.2',
        '--out',
        out,
        '--gzip',
      ],
      { from: 'user' },
    );
    stderr.mockRestore();
    expect(existsSync(join(out, 'exchanges.ndjson.gz'))).toBe(true);
    expect(readFileSync(join(out, 'accounts.ndjson'), 'utf8').length).toBeGreaterThan(0);
    const labels = JSON.parse(readFileSync(join(out, 'labels.json'), 'utf8'));
    expect(labels).toMatchObject({ preset: 'small', seed: 4, scale: 0.2, days: 0.5 });
  });

  it('rejects bad numbers and unknown presets with a usage error', async () => {
    await expect(
      program().parseAsync(['simulate', '--scale', 'x', '--out', dir], { from: 'user' }),
    ).rejects.toThrow(/--scale must be a number/);
    await expect(
      program().parseAsync(['simulate', '--seed', '1.5', '--out', dir], { from: 'user' }),
    ).rejects.toThrow(/--seed must be an integer/);
    await expect(
      program().parseAsync(['simulate', '--preset', 'nope', '--out', dir], { from: 'user' }),
    ).rejects.toThrow(/unknown preset "nope"/);
  });
});
