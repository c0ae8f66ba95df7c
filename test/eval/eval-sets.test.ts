import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.js';
import { readEvalSet } from '../../src/eval/evaluate.js';
import { SEED_DIR } from '../helpers.js';

const DIR = 'test/eval';
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

/**
 * Every evaluation set, held-out ones included, is well-formed: it parses, and each expected
 * substring names exactly one sentence of the seed (a typo would make a question count as missed
 * for ever, a substring two sentences share would count either as a hit). Only their shape is
 * checked here: the held-out sets' answers are never looked at.
 */
describe('evaluation sets', () => {
  const sentences = Engine.open({ knowledgeDir: SEED_DIR, cacheDir: null })
    .allPassages()
    .map((p) => p.text);
  it('are all found', () => {
    expect(files.length).toBeGreaterThanOrEqual(23);
  });
  for (const file of files) {
    it(`${file}: parses, and every expected substring is in exactly one seed sentence`, () => {
      const set = readEvalSet(join(DIR, file));
      expect(set.answerable.length).toBeGreaterThan(0);
      const bad = set.answerable.flatMap((item) => item.expect.filter((s) => sentences.filter((t) => t.includes(s)).length !== 1).map((s) => `${item.q} → ${s}`));
      expect(bad).toEqual([]);
    });
  }
});
