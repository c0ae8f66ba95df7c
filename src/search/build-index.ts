import MiniSearch from 'minisearch';
import { terms } from '../text/analyze.js';
import { miniSearchOptions } from './index-options.js';
import type { IndexedFields, Passage } from './passage.js';
import type { PhraseMatcher } from './phrase-matcher.js';

/** Search terms of a text plus the tags of the entities and synonyms it mentions. */
export function analyzeText(text: string, matcher: PhraseMatcher): { terms: string[]; tags: string[] } {
  const seq = terms(text);
  const tags = [...new Set(matcher.match(seq).map((m) => m.tag))];
  return { terms: seq, tags };
}

/** The indexed fields of one passage. */
export function indexedFields(passage: Passage, index: number, paragraph: string, matcher: PhraseMatcher): IndexedFields {
  const own = analyzeText(passage.text, matcher);
  const speaker = passage.claim.source ? analyzeText(passage.claim.source, matcher) : { terms: [], tags: [] };
  return {
    id: index,
    text: own.terms.join(' '),
    tags: own.tags.join(' '),
    speaker: [...speaker.terms, ...speaker.tags].join(' '),
    context: terms(paragraph).join(' '),
  };
}

export interface BuiltIndex {
  miniSearch: MiniSearch<IndexedFields>;
  /** Document frequency of every term and tag in the sentence fields (for IDF and typo correction). */
  vocabulary: Record<string, number>;
}

export function buildIndex(fields: readonly IndexedFields[]): BuiltIndex {
  const miniSearch = new MiniSearch<IndexedFields>(miniSearchOptions());
  miniSearch.addAll(fields);
  return { miniSearch, vocabulary: vocabularyOf(fields) };
}

export function vocabularyOf(fields: readonly IndexedFields[]): Record<string, number> {
  const df = new Map<string, number>();
  for (const f of fields) {
    for (const term of new Set(`${f.text} ${f.tags} ${f.speaker}`.split(' '))) {
      if (term !== '') df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  return Object.fromEntries(df);
}
