import type MiniSearch from 'minisearch';
import type { Query } from 'minisearch';
import { INDEX_OPTIONS } from '../search/index-options.js';
import type { IndexedFields, ParagraphFields, Passage } from '../search/passage.js';
import type { Concept, ParsedQuestion } from './parse-question.js';

export interface Ranked {
  passage: number;
  score: number;
  coverage: number;
  /** Terms (not tags) that matched in the sentence itself, for highlighting. */
  matchedTerms: string[];
}

type Field = keyof typeof INDEX_OPTIONS.credit;

/**
 * Ranks passages for a parsed question: MiniSearch's BM25 over the weighted fields, then
 * - coverage: the IDF-weighted share of the question's concepts the sentence expresses (a
 *   concept found only in the paragraph or in the speaker earns partial credit);
 * - a hint boost when the sentence holds the kind of answer the question word asks for;
 * - document aggregation: a document that matches the question broadly lifts its sentences.
 * `extra` concepts (an earlier question, for follow-ups) help ranking but not coverage.
 */
/** The sentence index and the paragraph index (the sentences' weaker context). */
export interface Indexes {
  sentences: MiniSearch<IndexedFields>;
  paragraphs: MiniSearch<ParagraphFields>;
}

export function rank(
  indexes: Indexes,
  passages: readonly Passage[],
  question: ParsedQuestion,
  extra: readonly Concept[] = [],
  /** Per document, its publication time (ms; 0 when unknown): ties go to the newer report. */
  published: readonly number[] = [],
  /** How many of MiniSearch's results to re-rank (answers need few; document ranking more). */
  depth: number = INDEX_OPTIONS.rerankDepth,
): Ranked[] {
  const weights = new Map<string, number>();
  for (const c of question.concepts) for (const t of c.terms) weights.set(t.term, Math.max(weights.get(t.term) ?? 0, t.weight));
  for (const c of extra) {
    for (const t of c.terms) weights.set(t.term, Math.max(weights.get(t.term) ?? 0, t.weight * INDEX_OPTIONS.followUpWeight));
  }
  if (weights.size === 0) return [];
  // The question's own words are searched in every field; alternatives (synonyms, relatives,
  // related names) only in the sentence and its tags: in the paragraph they add little and cost
  // the most (its posting lists are the longest).
  const own = [...weights.keys()].filter((t) => (weights.get(t) ?? 0) >= 1);
  const alternatives = [...weights.keys()].filter((t) => (weights.get(t) ?? 0) < 1);
  const query = {
    combineWith: 'OR',
    queries: [
      ...(own.length > 0 ? [{ queries: own }] : []),
      ...(alternatives.length > 0 ? [{ queries: alternatives, fields: ['text', 'tags', 'speaker'] }] : []),
    ],
  } as Query;
  const boostTerm = (term: string): number => weights.get(term) ?? 1;
  const results = indexes.sentences.search(query, { boostTerm });
  // The paragraph as weaker context: its score adds to its sentences', and the question's words
  // it holds earn partial coverage.
  const paragraphs = new Map(own.length > 0 ? indexes.paragraphs.search(own.join(' '), { boostTerm }).map((h) => [h.id as number, h]) : []);
  const total = question.concepts.reduce((sum, c) => sum + c.weight, 0);
  const ranked: Ranked[] = [];
  const docTotals = new Map<number, number>();
  // Two stages: BM25 picks the candidates (results come sorted by score), coverage re-ranks them.
  for (const r of results.slice(0, depth)) {
    const passage = passages[r.id as number];
    if (!passage) continue;
    const match: Record<string, Field[]> = { ...(r.match as Record<string, Field[]>) };
    const paragraph = paragraphs.get(passage.para);
    for (const term of Object.keys(paragraph?.match ?? {})) match[term] = [...(match[term] ?? []), 'context'];
    const hinted = holdsAnswerType(passage, question);
    const typed = hinted || question.hint === null ? 1 : INDEX_OPTIONS.missingAnswerType[question.hint];
    const coverage = total > 0 ? (typed * question.concepts.reduce((sum, c) => sum + c.weight * credit(c, match), 0)) / total : 0;
    const score = (r.score + INDEX_OPTIONS.contextBoost * (paragraph?.score ?? 0)) * coverage ** INDEX_OPTIONS.coverageExponent * (hinted ? INDEX_OPTIONS.hintBoost : 1);
    const matchedTerms = Object.entries(match)
      .filter(([term, fields]) => !/^[@~]/.test(term) && fields.includes('text'))
      .map(([term]) => term);
    ranked.push({ passage: r.id as number, score, coverage, matchedTerms });
    docTotals.set(passage.doc, (docTotals.get(passage.doc) ?? 0) + score);
  }
  const bestDoc = Math.max(0, ...docTotals.values());
  for (const r of ranked) {
    const doc = passages[r.passage]?.doc ?? 0;
    r.score *= 1 + INDEX_OPTIONS.documentWeight * ((docTotals.get(doc) ?? 0) / (bestDoc || 1));
  }
  const newer = (r: Ranked): number => published[passages[r.passage]?.doc ?? -1] ?? 0;
  return ranked.sort((a, b) => b.score - a.score || newer(b) - newer(a) || a.passage - b.passage);
}

/**
 * Does the sentence hold the kind of answer the question word asks for? For who/where, a
 * person or place the question does not already name ("Who confirmed that Putin…?" is not
 * answered by a sentence whose only person is Putin).
 */
function holdsAnswerType(passage: Passage, question: ParsedQuestion): boolean {
  const hint = question.hint;
  if (hint === null) return false;
  const named = new Set(question.concepts.flatMap((c) => c.terms.filter((t) => t.weight === 1).map((t) => t.term)));
  if (hint === 'person' && passage.people.length > 0) return passage.people.some((p) => !named.has(p));
  if (hint === 'place' && passage.places.length > 0) return passage.places.some((p) => !named.has(p));
  return passage.hints.includes(hint);
}

/** How well one passage expresses a concept: the best credit of any of its terms' fields. */
function credit(concept: Concept, match: Record<string, Field[]>): number {
  let best = 0;
  for (const t of concept.terms) {
    for (const field of match[t.term] ?? []) best = Math.max(best, INDEX_OPTIONS.credit[field] * (t.credit ?? t.weight));
  }
  return best;
}
