import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLabels, readLabels } from './labels.js';
import { labels } from './test-support/fixture.js';

describe('labels', () => {
  it('accepts the hand-built labels and ignores extra fields', () => {
    expect(decodeLabels({ ...labels, generator: 'x' }, 'l.json')).toEqual(labels);
  });

  it('names the file and the field of each problem', () => {
    const bad = {
      ...labels,
      accounts: { a: { persona: 'p', isAttack: 'yes', campaignId: null, tactic: null } },
      campaigns: [{ ...labels.campaigns[0], start: 'soon' }],
    };
    expect(() => decodeLabels(bad, 'l.json')).toThrow(/l\.json accounts\.a\.isAttack: must be a boolean/);
    expect(() => decodeLabels(bad, 'l.json')).toThrow(
      /l\.json campaigns\.0\.start: must be an RFC 3339 time/,
    );
  });

  it('reports unreadable and malformed files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dw-labels-'));
    try {
      await expect(readLabels(join(dir, 'none.json'))).rejects.toThrow(/cannot read labels/);
      await writeFile(join(dir, 'bad.json'), '{');
      await expect(readLabels(join(dir, 'bad.json'))).rejects.toThrow(/invalid JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
