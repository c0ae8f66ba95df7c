import MiniSearch, { type Options } from 'minisearch';
import { followers, terms, termsOf, tokenize } from '../text/analyze.js';
import { CompactIndex, compactData, type CompactIndexData } from './compact-index.js';
import { INDEX_OPTIONS, miniSearchOptions, paragraphSearchOptions } from './index-options.js';
import type { IndexedFields, Passage } from './passage.js';
import type { PhraseMatcher } from './phrase-matcher.js';

/** Search terms of a text plus the tags of the entities and synonyms it mentions. */
export function analyzeText(text: string, matcher: PhraseMatcher): { terms: string[]; tags: string[] } {
  const tokens = tokenize(text);
  const seq = termsOf(tokens);
  const follows = followers(tokens);
  const tags = [...new Set(matcher.match(seq, follows).flatMap((m) => [m, ...matcher.parts(seq, follows, m)]).map((m) => m.tag))];
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
  /** The sentence index and the paragraph index (the sentences' weaker context). */
  sentences: CompactIndex;
  paragraphs: CompactIndex;
  /** Document frequency of every term and tag in the sentence fields (for IDF and typo correction). */
  vocabulary: Map<string, number>;
}

/**
 * Indexes sentences, and (separately) the paragraphs they sit in, given as texts by `para` index:
 * MiniSearch builds each index, which is then frozen into a compact index (see compact-index.ts).
 */
export function buildIndex(fields: readonly IndexedFields[], paragraphs: readonly { text: string; title: string }[]): BuiltIndex {
  const sentences = sentenceIndex(frozen(miniSearchOptions(), fields));
  const paragraphData = frozen(
    paragraphSearchOptions(),
    paragraphs.map(({ text, title }, id) => ({ id, context: terms(text).join(' '), title: terms(title).join(' ') })),
  );
  return { sentences, paragraphs: paragraphIndex(paragraphData), vocabulary: vocabularyOf(fields) };
}

/** A MiniSearch index of the documents, compacted; the MiniSearch instance is dropped here (it is several times larger). */
function frozen<T>(options: Options<T>, documents: readonly T[]): CompactIndexData {
  const miniSearch = new MiniSearch<T>(options);
  miniSearch.addAll(documents);
  return compactData(miniSearch.toJSON());
}

/** The sentence index, searched with the field boosts and BM25 parameters of INDEX_OPTIONS. */
export function sentenceIndex(data: CompactIndexData): CompactIndex {
  return new CompactIndex(data, { boost: INDEX_OPTIONS.boost, bm25: INDEX_OPTIONS.bm25 });
}

/** The paragraph index (fields `context` and `title`). */
export function paragraphIndex(data: CompactIndexData): CompactIndex {
  return new CompactIndex(data, { boost: INDEX_OPTIONS.paragraphBoost, bm25: INDEX_OPTIONS.bm25 });
}

export function vocabularyOf(fields: readonly IndexedFields[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const f of fields) {
    for (const term of new Set(`${f.text} ${f.tags} ${f.speaker}`.split(' '))) {
      if (term !== '') df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  return df;
}
