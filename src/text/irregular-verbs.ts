import { createRequire } from 'node:module';
import { normalizeWord, toTerm } from './analyze.js';

/**
 * WordNet's irregular verb forms ("met" → "meet", "won" → "win"), which no stemmer can undo,
 * from the offline wink-lexicon package, as form → term of the base verb. Loaded when an index
 * is built and kept in its snapshot, as form → base verb ("gave" → "give").
 */
export function loadIrregularVerbs(): Record<string, string> {
  const forms = createRequire(import.meta.url)('wink-lexicon/src/wn-verb-exceptions.js') as Record<string, string>;
  const lemmas: Record<string, string> = {};
  for (const [form, lemma] of Object.entries(forms)) {
    const term = toTerm(lemma);
    if (term !== '' && term !== toTerm(form)) lemmas[normalizeWord(form)] = lemma;
  }
  return lemmas;
}
