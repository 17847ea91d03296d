/**
 * Loads a prompt corpus directory in the shared line format (every *.jsonl file: one object a
 * line with text, kind, and optionally turns, tools, template, system), grouped by kind. Files
 * are read in name order so the same directory always gives the same world.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OperatorError } from '../core/errors.js';
import type { Corpus, CorpusRecord } from './prompts.js';

/** Reads every *.jsonl in `dir` into records grouped by `kind`; bad lines are skipped and counted. */
export function loadCorpus(dir: string): { corpus: Corpus; records: number; skipped: number } {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  } catch (error) {
    throw new OperatorError('input', `cannot read corpus directory ${dir}: ${(error as Error).message}`);
  }
  if (files.length === 0) throw new OperatorError('input', `corpus directory ${dir} holds no *.jsonl files`);
  const corpus: Corpus = new Map();
  let records = 0;
  let skipped = 0;
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(line) as Record<string, unknown>;
      } catch {
        skipped++;
        continue;
      }
      if (typeof value.text !== 'string' || value.text === '' || typeof value.kind !== 'string') {
        skipped++;
        continue;
      }
      const record: CorpusRecord = {
        text: value.text,
        kind: value.kind,
        source: typeof value.source === 'string' ? value.source : file.replace(/\.jsonl$/, ''),
      };
      if (Array.isArray(value.turns))
        record.turns = value.turns.filter((t): t is string => typeof t === 'string');
      if (Array.isArray(value.tools)) {
        record.tools = value.tools;
        record.toolsJson = JSON.stringify(value.tools);
      }
      if (typeof value.template === 'string') record.template = value.template;
      if (typeof value.system === 'string') record.system = value.system;
      let list = corpus.get(record.kind);
      if (!list) {
        list = [];
        corpus.set(record.kind, list);
      }
      list.push(record);
      records++;
    }
  }
  return { corpus, records, skipped };
}
