import MiniSearch from 'minisearch';
import { terms } from '../text/analyze.js';
import { miniSearchOptions, paragraphSearchOptions } from './index-options.js';
import type { IndexedFields, ParagraphFields, Passage } from './passage.js';
import type { PhraseMatcher } from './phrase-matcher.js';

/** Search terms of a text plus the tags of the entities and synonyms it mentions. */
export function analyzeText(text: string, matcher: PhraseMatcher): { terms: string[]; tags: string[] } {
  const seq = terms(text);
  const tags = [...new Set(matcher.match(seq).map((m) => m.tag))];
  return { terms: seq, tags };
}

/** The indexed fields of one passage. */
export function indexedFields(passage: Passage, index: number, matcher: PhraseMatcher): IndexedFields {
  const own = analyzeText(passage.text, matcher);
  const speaker = passage.claim.source ? analyzeText(passage.claim.source, matcher) : { terms: [], tags: [] };
  return {
    id: index,
    text: own.terms.join(' '),
    tags: own.tags.join(' '),
    speaker: [...speaker.terms, ...speaker.tags].join(' '),
  };
}

export interface BuiltIndex {
  miniSearch: MiniSearch<IndexedFields>;
  paragraphSearch: MiniSearch<ParagraphFields>;
  /** Document frequency of every term and tag in the sentence fields (for IDF and typo correction). */
  vocabulary: Record<string, number>;
}

/** Indexes sentences, and (separately) the paragraphs they sit in, given as texts by `para` index. */
export function buildIndex(fields: readonly IndexedFields[], paragraphs: readonly string[]): BuiltIndex {
  const miniSearch = new MiniSearch<IndexedFields>(miniSearchOptions());
  miniSearch.addAll(fields);
  const paragraphSearch = new MiniSearch<ParagraphFields>(paragraphSearchOptions());
  paragraphSearch.addAll(paragraphs.map((text, id) => ({ id, context: terms(text).join(' ') })));
  return { miniSearch, paragraphSearch, vocabulary: vocabularyOf(fields) };
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
