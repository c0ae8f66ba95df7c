import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_MAX_AGE_MS, pruneCached, touchCached, writeCached } from '../src/cache-files.js';
import { Engine } from '../src/answer/engine.js';
import { doc, tempKnowledge } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dealdesk-prune-'));
  dirs.push(dir);
  return dir;
}
/** A file last used `days` ago. */
function file(dir: string, name: string, days: number): string {
  const path = join(dir, name);
  writeFileSync(path, 'x');
  const then = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  utimesSync(path, then, then);
  return path;
}

describe('cached files', () => {
  it('prunes the other versions of one kind unused for two weeks, never the one kept', () => {
    const dir = cacheDir();
    const keep = file(dir, 'index-new.bin', 30); // just written, whatever its time
    file(dir, 'index-old.bin', 15);
    file(dir, 'index-old.bin.123.tmp', 20); // a crashed writer's
    file(dir, 'index-recent.bin', 13);
    file(dir, 'wordnet-old.json', 30); // another kind
    expect(pruneCached(dir, 'index-', keep).sort()).toEqual(['index-old.bin', 'index-old.bin.123.tmp']);
    expect(readdirSync(dir).sort()).toEqual(['index-new.bin', 'index-recent.bin', 'wordnet-old.json']);
    expect(pruneCached(join(dir, 'absent'), 'index-', keep)).toEqual([]);
    expect(CACHE_MAX_AGE_MS).toBe(14 * 24 * 60 * 60 * 1000);
  });

  it('writes one whole, in a folder it creates, and prunes the stale others of its kind', () => {
    const dir = cacheDir();
    file(dir, 'wordnet-old.json', 30);
    file(dir, 'index-old.bin', 30);
    const path = join(dir, 'wordnet-new.json');
    writeCached(path, 'wordnet-', '{"a":1}');
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}');
    expect(readdirSync(dir).sort()).toEqual(['index-old.bin', 'wordnet-new.json']); // no temporary file left
    const nested = join(dir, 'sub', 'index-a.bin');
    writeCached(nested, 'index-', Buffer.from([1, 2]));
    expect([...readFileSync(nested)]).toEqual([1, 2]);
  });

  it('marks a file used when it is read', () => {
    const dir = cacheDir();
    const path = file(dir, 'index-a.bin', 30);
    touchCached(path);
    expect(Date.now() - statSync(path).mtimeMs).toBeLessThan(60_000);
    expect(() => touchCached(join(dir, 'absent.bin'))).not.toThrow();
  });

  it('are pruned when an engine writes its snapshot; a snapshot it reads is kept fresh', () => {
    const dir = cacheDir();
    file(dir, 'index-stale.bin', 30);
    const t = tempKnowledge({ 'a.md': doc('A', 'The ceasefire will start on Monday.') });
    try {
      Engine.open({ knowledgeDir: t.dir, cacheDir: dir });
      const [written, ...others] = readdirSync(dir).filter((f) => f.startsWith('index-'));
      expect(others).toEqual([]);
      expect(written).not.toBe('index-stale.bin');
      const path = join(dir, written as string);
      const then = new Date(Date.now() - 10 * 24 * 60 * 60 * 1000);
      utimesSync(path, then, then);
      Engine.open({ knowledgeDir: t.dir, cacheDir: dir });
      expect(Date.now() - statSync(path).mtimeMs).toBeLessThan(60_000);
    } finally {
      t.cleanup();
    }
  });
});
