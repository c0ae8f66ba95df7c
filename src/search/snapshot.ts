import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { INDEX_OPTIONS } from './index-options.js';
import { EntitiesFileSchema } from '../knowledge/schemas.js';
import { PassageSchema } from './passage.js';
import { CompactIndexJsonSchema } from './compact-index.js';

const DocumentSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().optional(),
  author: z.string().optional(),
  url: z.string().optional(),
  published: z.string().optional(),
  language: z.string().optional(),
  notes: z.string().optional(),
  file: z.string(),
  body: z.string(),
});

/** What a snapshot holds besides MiniSearch's own JSON. Validated on load, never cast. */
export const SnapshotSchema = z.object({
  key: z.string(),
  documents: z.array(DocumentSchema),
  entities: EntitiesFileSchema,
  /** Passages without their text: it is the document body's slice, restored on load. */
  passages: z.array(PassageSchema.omit({ text: true })),
  vocabulary: z.record(z.string(), z.number().int().positive()),
  suggestions: z.array(z.string()),
  related: z.record(z.string(), z.array(z.string())),
  english: z.record(z.string(), z.number()),
  irregular: z.record(z.string(), z.string()),
  /** The sentence index: MiniSearch's index, compacted (see compact-index.ts); its columns are checked on load. */
  index: CompactIndexJsonSchema,
  /** The paragraph index, likewise. */
  paragraphIndex: CompactIndexJsonSchema,
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/**
 * The snapshot key: the knowledge content hash, every index option, and the engine's own code
 * (every source file under src/), so a changed analysis or ranking never reads a stale index.
 */
export function snapshotKey(contentHash: string): string {
  return createHash('sha256').update(contentHash).update(JSON.stringify(INDEX_OPTIONS)).update(engineFingerprint()).digest('hex').slice(0, 32);
}

let fingerprint: string | undefined;
/** sha256 of the engine's source files (compiled .js, or .ts when run from source); ~2 ms once. */
function engineFingerprint(): string {
  if (fingerprint === undefined) {
    const hash = createHash('sha256');
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts')).sort();
    for (const file of files) hash.update(file).update(readFileSync(join(root, file)));
    fingerprint = hash.digest('hex');
  }
  return fingerprint;
}

/** `DEALDESK_CACHE_DIR`, else a folder in the system's temp directory. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['DEALDESK_CACHE_DIR'];
  return dir !== undefined && dir.trim() !== '' ? dir : join(tmpdir(), 'dealdesk-cache');
}

export function snapshotPath(cacheDir: string, key: string): string {
  return join(cacheDir, `index-${key}.json`);
}

/** Reads and validates a snapshot; undefined when absent, stale or invalid (the caller rebuilds). */
export function readSnapshot(cacheDir: string, key: string): Snapshot | undefined {
  let raw: string;
  try {
    raw = readFileSync(snapshotPath(cacheDir, key), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = SnapshotSchema.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.key === key ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes atomically (temp file + rename), so a reader never sees half a snapshot. */
export function writeSnapshot(cacheDir: string, snapshot: Snapshot): string {
  mkdirSync(cacheDir, { recursive: true });
  const path = snapshotPath(cacheDir, snapshot.key);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(snapshot));
  renameSync(temp, path);
  return path;
}
