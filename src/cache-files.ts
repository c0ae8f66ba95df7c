import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Cached files (index snapshots, WordNet and word-vector digests) are keyed to the knowledge and
 * the code that made them, so every change leaves the old ones behind (a snapshot of 229,576
 * sentences is 91 MB). One not used for this long is removed when a new file of its kind is
 * written to the same folder. Reading a cached file marks it used.
 */
export const CACHE_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Writes a cached file atomically (a temporary file, then a rename: a reader never sees half of
 * it), creating its folder, then prunes the other files of its kind: those whose names start with
 * `prefix`. Throws when the folder cannot be written.
 */
export function writeCached(path: string, prefix: string, data: string | NodeJS.ArrayBufferView): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temp, data);
  renameSync(temp, path);
  pruneCached(dir, prefix, path);
}

/** Marks a cached file as just used (its modification time), so that pruning keeps it. Best effort. */
export function touchCached(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // A read-only cache folder: the file may be pruned by a writer after CACHE_MAX_AGE_MS.
  }
}

/**
 * Removes the files of `dir` whose names start with `prefix` (the other versions of one kind of
 * cached file, and temporary files a crashed writer left) unused for over `maxAge` ms, except
 * `keep`. Best effort: a file another process removes first, or may not be removed, is skipped.
 * Returns the names removed.
 */
export function pruneCached(dir: string, prefix: string, keep: string, maxAge = CACHE_MAX_AGE_MS, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (!name.startsWith(prefix) || path === keep) continue;
    try {
      if (now - statSync(path).mtimeMs <= maxAge) continue;
      unlinkSync(path);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}
