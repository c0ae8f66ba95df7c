import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readConcreteNouns, readInstanceKinds, readPlaceContainers, readProperWords, readWordnetRelations, wordnetVersion } from './thesaurus.js';
import { wordnetTermCounts } from './word-frequency.js';
import { textFingerprint } from './fingerprint.js';
import { touchCached, writeCached } from '../cache-files.js';

/** What the engine takes from WordNet, for every English word: relatives, general counts, concrete nouns, proper words, places' containers, instances' kinds. */
export const WordnetDigestSchema = z.object({
  version: z.string(),
  related: z.record(z.string(), z.array(z.string())),
  counts: z.record(z.string(), z.number()),
  /** Nouns whose commonest sense is a concrete thing (see thesaurus.ts readConcreteNouns). */
  concrete: z.array(z.string()),
  /** Words written only with a capital: names of peoples, places, days (see thesaurus.ts readProperWords). */
  proper: z.array(z.string()),
  /** What each WordNet place lies within (see thesaurus.ts readPlaceContainers). */
  within: z.record(z.string(), z.array(z.string())),
  /**
   * What kind of thing each named instance is, per instance sense: its kinds (one-word names of
   * its instance hypernyms) and the kinds up to two levels above them (see thesaurus.ts readInstanceKinds).
   */
  kinds: z.record(z.string(), z.array(z.object({ file: z.string(), kinds: z.array(z.string()), broader: z.array(z.string()) }))),
});
export type WordnetDigest = z.infer<typeof WordnetDigestSchema>;

const DIGEST_FORMAT = 14;
const memo = new Map<string, WordnetDigest>();

/**
 * WordNet's relatives and counts, read once per process and cached as a file in `cacheDir`
 * (when given), because reading WordNet takes ~2 s and does not depend on the knowledge.
 */
export function loadWordnetDigest(cacheDir: string | null, senses: number): WordnetDigest {
  // DIGEST_FORMAT is the file's layout; any change to how words become terms or what is read
  // from WordNet (this folder's code: stopwords, question fillers, stemming) changes the fingerprint.
  const version = `${wordnetVersion()}-s${senses}-f${DIGEST_FORMAT}-${textFingerprint()}`;
  const cached = memo.get(version);
  if (cached) return cached;
  const path = cacheDir === null ? null : join(cacheDir, `wordnet-${version}.json`);
  let digest: WordnetDigest | undefined;
  if (path) {
    try {
      const parsed = WordnetDigestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (parsed.success && parsed.data.version === version) {
        digest = parsed.data;
        touchCached(path);
      }
    } catch {
      // Absent or unreadable: rebuild below.
    }
  }
  if (!digest) {
    digest = {
      version,
      related: Object.fromEntries(readWordnetRelations({ senses })),
      counts: Object.fromEntries(wordnetTermCounts()),
      concrete: readConcreteNouns(),
      proper: readProperWords(),
      within: readPlaceContainers(),
      kinds: readInstanceKinds(),
    };
    if (path) {
      try {
        writeCached(path, 'wordnet-', JSON.stringify(digest));
      } catch {
        // A read-only cache folder only costs speed.
      }
    }
  }
  memo.set(version, digest);
  return digest;
}
