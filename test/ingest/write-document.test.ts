import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { writeNewFile } from '../../src/ingest/write-document.js';
import { tempKnowledge } from '../helpers.js';

let cleanup = (): void => {};
afterEach(() => cleanup());

describe('writeNewFile', () => {
  it('writes a new file and leaves no temporary file behind', () => {
    const t = tempKnowledge({});
    cleanup = t.cleanup;
    expect(writeNewFile(t.dir, 'deal', 'text')).toBe(true);
    expect(readdirSync(t.dir)).toEqual(['deal.md']);
    expect(readFileSync(`${t.dir}/deal.md`, 'utf8')).toBe('text');
  });

  it('never replaces an existing file: returns false and leaves it as it was', () => {
    const t = tempKnowledge({ 'deal.md': 'original' });
    cleanup = t.cleanup;
    expect(writeNewFile(t.dir, 'deal', 'new')).toBe(false);
    expect(readFileSync(`${t.dir}/deal.md`, 'utf8')).toBe('original');
    expect(readdirSync(t.dir)).toEqual(['deal.md']);
  });

  it.each(['../escape', 'a/b', '/etc/passwd'])('refuses a stem that is a path (%j) — a bug, since slugs never are', (stem) => {
    const t = tempKnowledge({});
    cleanup = t.cleanup;
    expect(() => writeNewFile(t.dir, stem, 'x')).toThrow(/refusing to write outside/);
    expect(readdirSync(t.dir)).toEqual([]);
  });
});
