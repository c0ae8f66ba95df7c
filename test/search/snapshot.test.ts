import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.js';
import { readKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';
import { readSnapshot, snapshotKey, snapshotPath, writeSnapshot } from '../../src/search/snapshot.js';
import { SEED_DIR } from '../helpers.js';

const FOLDERS = [SEED_DIR, 'test/fixtures/multi-source'];

let cacheDir: string;
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'dealdesk-snapshot-'));
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('index snapshot file', () => {
  it.each(FOLDERS)('gives back every passage, field for field, and the same answers (%s)', (dir) => {
    const built = Engine.open({ knowledgeDir: dir, cacheDir });
    const key = snapshotKey(readKnowledgeFiles(dir).contentHash);
    const snapshot = readSnapshot(cacheDir, key);
    expect(snapshot).toBeDefined();
    expect(snapshot?.passages).toEqual(built.allPassages());
    expect(snapshot?.passages.some((p) => p.people.length > 0 || p.claim.source !== null)).toBe(true);
    const loaded = Engine.open({ knowledgeDir: dir, cacheDir });
    for (const q of ['ceasefire', 'Who confirmed the deal?', 'Where is the summit?', 'Who won the Super Bowl?']) expect(loaded.ask(q)).toEqual(built.ask(q));
  });

  it('reads back what it was written from', () => {
    Engine.open({ knowledgeDir: 'test/fixtures/multi-source', cacheDir });
    const key = snapshotKey(readKnowledgeFiles('test/fixtures/multi-source').contentHash);
    const once = readSnapshot(cacheDir, key);
    if (!once) throw new Error('snapshot did not load');
    const other = join(cacheDir, 'again');
    writeSnapshot(other, once);
    expect(readSnapshot(other, key)).toEqual(once);
  });

  it('rejects a damaged, truncated or foreign file, and the engine rebuilds with the same answers', () => {
    const built = Engine.open({ knowledgeDir: SEED_DIR, cacheDir });
    const key = snapshotKey(readKnowledgeFiles(SEED_DIR).contentHash);
    const path = snapshotPath(cacheDir, key);
    const good = readFileSync(path);
    const headEnd = 12 + good.readUInt32LE(8);
    const damaged = (edit: (b: Buffer) => Buffer): Buffer => edit(Buffer.from(good));
    const cases: [string, Buffer][] = [
      ['magic', damaged((b) => (b.write('XXXX', 0, 'latin1'), b))],
      ['truncated', good.subarray(0, good.length - 16)],
      ['head', damaged((b) => (b.write('}', 20, 'latin1'), b))],
      ['passage offsets', damaged((b) => (b.fill(0xff, headEnd + 64, headEnd + 96), b))],
      ['posting lists', damaged((b) => (b.fill(0xff, b.length - 4000, b.length - 3000), b))],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [what, bytes] of cases) {
      writeFileSync(path, bytes);
      expect(readSnapshot(cacheDir, key), what).toBeUndefined();
      const rebuilt = Engine.open({ knowledgeDir: SEED_DIR, cacheDir });
      expect(rebuilt.ask('nato bid'), what).toEqual(built.ask('nato bid'));
    }
    // A snapshot of other content is not read for this key.
    expect(readSnapshot(cacheDir, 'f'.repeat(32))).toBeUndefined();
    expect(readdirSync(cacheDir).some((f) => f.endsWith('.tmp'))).toBe(false);
  });
});
