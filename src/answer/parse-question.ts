import type SearchableMap from 'minisearch/SearchableMap';
import { tokenize } from '../text/analyze.js';
import { QUESTION_FILLERS, QUESTION_HINTS } from '../text/stopwords.js';
import { INDEX_OPTIONS } from '../search/index-options.js';
import type { Hint } from '../search/passage.js';
import type { PhraseMatcher } from '../search/phrase-matcher.js';

/** One thing the question asks about: a word, or a name/synonym with its literal words. */
export interface Concept {
  /** The words of the question it came from. */
  label: string;
  /** Search terms (or tags) that express it, each with a weight. */
  terms: { term: string; weight: number }[];
  /** Importance for coverage (IDF; unknown words weigh most). */
  weight: number;
}

export interface ParsedQuestion {
  concepts: Concept[];
  hint: Hint | null;
}

export interface Vocabulary {
  /** Document frequency of each term and tag. */
  df: ReadonlyMap<string, number>;
  /** Number of passages. */
  size: number;
  /** Terms and single-word names, for typo correction. */
  fuzzy: SearchableMap<number>;
}

/** BM25's IDF; a term absent from the vocabulary gets the IDF of df = 0, above every known term. */
export function idf(df: number, size: number): number {
  return Math.log(1 + (size - df + 0.5) / (df + 0.5));
}

/**
 * Turns a sanitized question into concepts: names and synonyms become tags (with their literal
 * words as weaker alternatives), other content words become terms, and a word missing from the
 * vocabulary is corrected to the nearest known term when one is close enough. Typo correction
 * runs only for unknown words, so ordinary questions pay nothing for it.
 */
export function parseQuestion(question: string, matcher: PhraseMatcher, vocabulary: Vocabulary): ParsedQuestion {
  const tokens = tokenize(question).filter((t) => t.term !== '' && !QUESTION_FILLERS.has(t.surface.toLowerCase()));
  const seq = tokens.map((t) => correct(t.term, vocabulary, matcher));
  const concepts: Concept[] = [];
  const matches = matcher.match(seq);
  let at = 0;
  const flushWords = (upTo: number): void => {
    for (; at < upTo; at++) {
      const term = seq[at] ?? '';
      const tags = matcher.singleTerms.get(term);
      concepts.push(
        tags
          ? conceptOf(tokens[at]?.surface ?? term, [...tags.map((t) => ({ term: t.tag, weight: 1 })), { term, weight: INDEX_OPTIONS.literalWeight }], vocabulary)
          : conceptOf(tokens[at]?.surface ?? term, [{ term, weight: 1 }], vocabulary),
      );
    }
  };
  for (let i = 0; i < matches.length; ) {
    const first = matches[i];
    if (!first) break;
    flushWords(first.from);
    const same = matches.filter((m) => m.from === first.from && m.to === first.to);
    const literal = seq.slice(first.from, first.to).map((term) => ({ term, weight: INDEX_OPTIONS.literalWeight }));
    const label = tokens.slice(first.from, first.to).map((t) => t.surface).join(' ');
    concepts.push(conceptOf(label, [...same.map((m) => ({ term: m.tag, weight: 1 })), ...literal], vocabulary));
    at = first.to;
    i += same.length;
  }
  flushWords(seq.length);
  return { concepts: dedupe(concepts), hint: hintOf(question) };
}

function conceptOf(label: string, terms: Concept['terms'], vocabulary: Vocabulary): Concept {
  const known = terms.filter((t) => (vocabulary.df.get(t.term) ?? 0) > 0);
  const weight = known.length > 0 ? Math.max(...known.map((t) => idf(vocabulary.df.get(t.term) ?? 0, vocabulary.size))) : idf(0, vocabulary.size);
  return { label, terms, weight };
}

/** A term missing from the vocabulary becomes the closest known term, if one is near enough. */
function correct(term: string, vocabulary: Vocabulary, matcher: PhraseMatcher): string {
  if (vocabulary.df.has(term) || matcher.singleTerms.has(term)) return term;
  const { minLength, oneEditUpTo } = INDEX_OPTIONS.fuzzy;
  if (term.length < minLength || /\d/.test(term)) return term;
  const maxEdits = term.length <= oneEditUpTo ? 1 : 2;
  let best: { term: string; distance: number; df: number } | null = null;
  for (const [candidate, [df, distance]] of vocabulary.fuzzy.fuzzyGet(term, maxEdits)) {
    if (!best || distance < best.distance || (distance === best.distance && df > best.df)) best = { term: candidate, distance, df };
  }
  return best?.term ?? term;
}

function dedupe(concepts: Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((c) => {
    const key = c.terms.map((t) => t.term).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function hintOf(question: string): Hint | null {
  const lower = question.toLowerCase();
  if (/\bhow (many|much)\b/.test(lower)) return 'number';
  const word = /\b(who|whom|whose|where|when|why)\b/.exec(lower)?.[1];
  return word ? QUESTION_HINTS[word as keyof typeof QUESTION_HINTS] : null;
}
