import type { CompactIndex, QueryTerm } from '../search/compact-index.js';
import { INDEX_OPTIONS, PARAGRAPH_FIELDS } from '../search/index-options.js';
import { SPEECH_WORDS } from '../claims/cues.js';
import { normalizeWord, toTerm } from '../text/analyze.js';
import type { Passage } from '../search/passage.js';
import type { Concept, ParsedQuestion } from './parse-question.js';

/** The key, among a passage's word positions, of the words followed by "by" (passive: "reported by"). */
export const PASSIVE = '#by';

export interface Ranked {
  passage: number;
  score: number;
  coverage: number;
  /** The share of the question's content the sentence states in its own words or their known alternatives (coverage without word vectors). */
  literalCoverage: number;
  /** How well the sentence covers each of the question's concepts (0..1, in concept order). */
  credits: number[];
  /** The same, in the question's own words and their known alternatives only (no word vectors). */
  literalCredits: number[];
  /** Terms (not tags) that matched in the sentence itself, for highlighting. */
  matchedTerms: string[];
  /**
   * For a question asking what someone said (Concept.speaker): whether the sentence states them
   * saying something; undefined when the question asks no such thing or it was not judged.
   */
  voiced?: boolean;
  /** For "where in X" (ParsedQuestion.within): whether the sentence names a place that may lie in X. */
  placed?: boolean;
  /**
   * For a question joining two or more people ("will Putin and Zelensky meet": Concept.together):
   * whether the sentence (or the one it refers back to, or its paragraph) names each of them
   * itself, not only an entity related to them ("Ukraine" for Zelensky).
   */
  together?: boolean;
}

type Field = keyof typeof INDEX_OPTIONS.credit;

/** The sentence index and the paragraph index (the sentences' weaker context). */
export interface Indexes {
  sentences: CompactIndex;
  paragraphs: CompactIndex;
}

/**
 * Ranks passages for a parsed question: MiniSearch's BM25 over the weighted fields (each
 * concept's terms counted as one: bestOfAlternatives), then
 * - coverage: the IDF-weighted share of the question's concepts the sentence expresses (a
 *   concept found only in the paragraph or in the speaker earns partial credit);
 * - a hint boost when the sentence holds the kind of answer the question word asks for;
 * - document aggregation: a document that matches the question broadly lifts its sentences.
 * `extra` concepts (an earlier question, for follow-ups) help ranking but not coverage.
 */
export function rank(
  indexes: Indexes,
  passages: readonly Passage[],
  question: ParsedQuestion,
  extra: readonly Concept[] = [],
  /** Per document, its publication time (ms; 0 when unknown): ties go to the newer report. */
  published: readonly number[] = [],
  /** How many of BM25's best results to re-rank (answers need few; document ranking more). */
  depth: number = INDEX_OPTIONS.rerankDepth,
  /** Similarity (0..1) of a question word to the nearest word of a passage (word vectors). */
  nearness?: (word: string, passage: number) => number,
  /** Where each term and tag of a passage stands in it (word positions), for term proximity. */
  positions?: (passage: number) => ReadonlyMap<string, readonly number[]>,
): Ranked[] {
  const { query, paragraphQuery } = searchTerms(question, extra);
  if (query.length === 0) return [];
  // BM25 picks the candidates, best first.
  const { candidates } = INDEX_OPTIONS;
  const results = indexes.sentences.search(query, depth, Math.max(candidates.min, depth * candidates.perResult));
  // The paragraph as weaker context: its score adds to its sentences', and the question's words
  // it holds earn partial coverage. Only the candidates' paragraphs are scored.
  const paras = results.flatMap((r) => {
    const para = passages[r.id]?.para;
    return para === undefined ? [] : [para];
  });
  const paragraphs = paragraphQuery.length > 0 ? indexes.paragraphs.score(paras, paragraphQuery) : new Map<number, never>();
  // A sentence that refers back (Passage.refersBack: "In return, Kyiv would…", "Witkoff
  // confirmed this unexpected development") is about the sentence before it, which partly covers
  // the question for it (as its paragraph does: `credit.context`), among BM25's best
  // `refersBack.depth` candidates.
  const referents = new Map<number, number>();
  for (const r of results.slice(0, INDEX_OPTIONS.refersBack.depth)) if (passages[r.id]?.refersBack) referents.set(r.id, r.id - 1);
  // The sentence before is often a candidate too, its matches known; the rest are scored.
  const referred = new Map<number, { match: Readonly<Record<string, readonly string[]>> }>();
  if (referents.size > 0) {
    const candidates = new Map(results.map((r) => [r.id, r]));
    const unscored: number[] = [];
    for (const id of referents.values()) {
      const hit = candidates.get(id);
      if (hit) referred.set(id, hit);
      else unscored.push(id);
    }
    for (const [id, hit] of unscored.length > 0 ? indexes.sentences.score(unscored, query) : []) referred.set(id, hit);
  }
  const total = question.concepts.reduce((sum, c) => sum + c.weight, 0);
  const concepts = question.concepts.map((c) => ({ weight: c.weight, terms: c.terms.map((t) => ({ term: t.term, credit: t.credit ?? t.weight })) }));
  // "What preceded…": a sentence stating an order in time ("this development follows…") says "preceded".
  const sequenceWords = question.concepts.map((c) => c.sequence === true);
  const named = namedIn(question);
  const speakers = concepts.flatMap((c, i) => {
    const speaker = question.concepts[i]?.speaker;
    return speaker ? [{ ...c, quoted: speaker === 'quoted' }] : [];
  });
  const within = question.within;
  // The people a question joins, by their own terms (their tag and names, not related entities).
  const people = question.concepts.filter((c) => c.together === true).map((c) => c.terms.filter((t) => t.credit === undefined).map((t) => ({ term: t.term, credit: t.weight })));
  const containers = question.concepts.map((c) => within !== undefined && c.terms.some((t) => t.weight === 1 && within.tags.includes(t.term)));
  // A concept's own word, when it is a plain word (not a name): a sentence that says it in other
  // words ("penalties" for "sanctions") covers it in part.
  const words = question.concepts.map((c) => {
    const own = c.terms.filter((t) => t.weight === 1 && t.credit === undefined);
    return own.length === 1 && !c.name && !/^[@~]/.test(own[0]?.term ?? '@') && !/\s/.test(c.label) ? normalizeWord(c.label) : undefined;
  });
  // An earlier question's concepts weigh what searchTerms gave them.
  const followUps = extra.map((c) => ({ ...c, terms: c.terms.map((t) => ({ ...t, weight: t.weight * INDEX_OPTIONS.followUpWeight })) }));
  const alternatives = alternativesOf(query, [...question.concepts, ...followUps]);
  const ranked: Ranked[] = [];
  const docTotals = new Map<number, number>();
  // Two stages: BM25 picks the candidates, coverage re-ranks them.
  let n = 0;
  for (const r of results) {
    const passage = passages[r.id];
    if (!passage) continue;
    const paragraph = paragraphs.get(passage.para);
    const hinted = holdsAnswerType(passage, question.hint, named, question.kind);
    const ordered = passage.hints.includes('sequence');
    const sourced = !question.provenance || passage.claim.status !== 'article';
    const typed =
      (hinted || question.hint === null ? 1 : INDEX_OPTIONS.missingAnswerType[question.hint]) *
      (question.sequence && !ordered ? INDEX_OPTIONS.sequence.missing : 1) *
      (sourced ? 1 : INDEX_OPTIONS.missingSource);
    let covered = 0;
    let literal = 0;
    const near = nearness && n < INDEX_OPTIONS.similar.depth ? nearness : undefined;
    const close = positions && n < INDEX_OPTIONS.proximity.depth ? positions : undefined;
    n++;
    const literalCredits: number[] = [];
    // "Where in Alaska…": a place WordNet puts in Alaska ("Anchorage") partly says Alaska.
    const inContainer = within !== undefined && passage.places.some((p) => within.inside(p) === 'yes');
    const referent = referred.get(referents.get(r.id) ?? -1);
    const credits = concepts.map((c, i) => {
      const exact = Math.max(credit(c.terms, r.match, paragraph?.match), referent ? INDEX_OPTIONS.credit.context * credit(c.terms, referent.match, undefined) : 0, inContainer && containers[i] ? INDEX_OPTIONS.relatedEntity.credit : 0, ordered && sequenceWords[i] ? 1 : 0);
      literalCredits.push(exact);
      const word = words[i];
      const best = !near || word === undefined || exact >= 1 ? exact : Math.max(exact, softCredit(near(word, r.id)));
      literal += c.weight * exact;
      covered += c.weight * best;
      return best;
    });
    const coverage = total > 0 ? (typed * covered) / total : 0;
    const literalCoverage = total > 0 ? (typed * literal) / total : 0;
    const together = close ? proximity(concepts, credits, close(r.id)) : 0;
    const score = (bestOfAlternatives(r, alternatives) + INDEX_OPTIONS.contextBoost * (paragraph?.score ?? 0)) * coverage ** INDEX_OPTIONS.coverageExponent * (hinted ? (question.hint === 'reason' ? INDEX_OPTIONS.reasonBoost : INDEX_OPTIONS.hintBoost) : 1) * (1 + INDEX_OPTIONS.proximity.weight * together);
    const matchedTerms: string[] = [];
    for (const [term, fields] of Object.entries(r.match)) if (!/^[@~]/.test(term) && fields.includes('text')) matchedTerms.push(term);
    // Judged for every candidate (not only the proximity depth): any of them may end up leading.
    const voice = positions && speakers.length > 0 ? { voiced: voiced(speakers, r.match, positions(r.id)) } : {};
    const place = within ? { placed: passage.places.some((p) => !named.has(p) && within.inside(p) !== 'no') } : {};
    const joint = people.length >= 2 ? { together: people.every((terms) => Math.max(credit(terms, r.match, paragraph?.match), referent ? credit(terms, referent.match, undefined) : 0) > 0) } : {};
    ranked.push({ passage: r.id, score, coverage, literalCoverage, credits, literalCredits, matchedTerms, ...voice, ...place, ...joint });
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
 * The question's search terms, each with its weight (the strongest of any concept's, an earlier
 * question's at `followUpWeight`): `query` for the sentence index, `paragraphQuery` for the
 * paragraph index. The question's own words are searched in every field; alternatives (synonyms,
 * relatives, related names) only in the sentence and its tags: in the paragraph they add little
 * and cost the most (its posting lists are the longest).
 */
export function searchTerms(question: ParsedQuestion, extra: readonly Concept[] = []): { query: QueryTerm[]; paragraphQuery: QueryTerm[] } {
  const weights = new Map<string, number>();
  for (const c of question.concepts) for (const t of c.terms) weights.set(t.term, Math.max(weights.get(t.term) ?? 0, t.weight));
  for (const c of extra) {
    for (const t of c.terms) weights.set(t.term, Math.max(weights.get(t.term) ?? 0, t.weight * INDEX_OPTIONS.followUpWeight));
  }
  const own = [...weights.keys()].filter((t) => (weights.get(t) ?? 0) >= 1);
  const alternatives = [...weights.keys()].filter((t) => (weights.get(t) ?? 0) < 1);
  const query: QueryTerm[] = [...own, ...alternatives].map((term) => ({ term, boost: weights.get(term) ?? 1, fields: INDEX_OPTIONS.fields }));
  const paragraphQuery = own.map((term) => ({ term, boost: weights.get(term) ?? 1, fields: PARAGRAPH_FIELDS }));
  return { query, paragraphQuery };
}

/** For each concept, where each of its terms stands in the query and the share of that term's query boost the concept gives it. */
type Alternatives = { at: number; share: number }[][];

function alternativesOf(query: readonly QueryTerm[], concepts: readonly Concept[]): Alternatives {
  const position = new Map(query.map((q, i) => [q.term, i]));
  return concepts.map((c) =>
    c.terms.flatMap((t) => {
      const at = position.get(t.term);
      const boost = query[at ?? -1]?.boost;
      return at === undefined || !boost ? [] : [{ at, share: t.weight / boost }];
    }),
  );
}

/**
 * BM25 with each concept's terms as one term, as a synonym query scores them: a concept adds
 * what its best-matching term adds (its name's tag, the alias's own words, a synonym, a related
 * name, at the concept's weight for it), not the sum of all that match. So a sentence that
 * names five leaders related to "EU leaders", or says "leader" and "EU" apart, does not outscore
 * one that says "Europe's leaders". MiniSearch's "× terms matched" factor stays: counting
 * concepts instead lost top-1 questions on three dev sets, as did adding back 10–50% of the
 * other terms' share (or of the alias's own words').
 */
function bestOfAlternatives(hit: { parts: readonly number[] }, alternatives: Alternatives): number {
  let matched = 0;
  for (const part of hit.parts) if (part > 0) matched++;
  let sum = 0;
  for (const terms of alternatives) {
    let best = 0;
    for (const { at, share } of terms) best = Math.max(best, (hit.parts[at] ?? 0) * share);
    sum += best;
  }
  return sum * matched;
}

/**
 * Does the sentence hold the kind of answer the question word asks for? For who/where, a
 * person or place the question does not already name ("Who confirmed that Putin…?" is not
 * answered by a sentence whose only person is Putin).
 */
function holdsAnswerType(passage: Passage, hint: ParsedQuestion['hint'], named: ReadonlySet<string>, kind: ParsedQuestion['kind']): boolean {
  if (hint === null) return false;
  if (hint === 'person' && passage.people.length > 0) return passage.people.some((p) => !named.has(p));
  // "Which city…": a place of that kind ("which city" is not answered by "Ukraine").
  if (hint === 'place' && passage.places.length > 0) return passage.places.some((p) => !named.has(p) && (kind?.(p) ?? true));
  // "Where…": a place the question does not name, in a phrase of place ("in Alaska"), not a
  // place the sentence is about ("security guarantees for Ukraine").
  if (hint === 'location') return passage.hints.includes('location') && passage.places.some((p) => !named.has(p));
  return passage.hints.includes(hint);
}

/** The names and words the question itself states (not alternatives). */
function namedIn(question: ParsedQuestion): Set<string> {
  return new Set(question.concepts.flatMap((c) => c.terms.filter((t) => t.weight === 1).map((t) => t.term)));
}

/**
 * Term proximity: how close together a sentence states the question's concepts ("intensifying
 * attacks" says "stepped up its attacks"; "pressure intensifies … drone strikes" less so). For each
 * pair of concepts the sentence covers, 1 / the word distance of their nearest occurrences (1 when
 * adjacent), weighted by the product of the two concepts' weights; 0..1.
 */
function proximity(concepts: readonly { weight: number; terms: readonly { term: string }[] }[], credits: readonly number[], where: ReadonlyMap<string, readonly number[]>): number {
  const at = concepts.map((c, i) => ((credits[i] ?? 0) > 0 ? c.terms.flatMap((t) => where.get(t.term) ?? []) : []));
  let sum = 0;
  let total = 0;
  for (let i = 0; i < at.length; i++) {
    for (let j = i + 1; j < at.length; j++) {
      const a = at[i] ?? [];
      const b = at[j] ?? [];
      if (a.length === 0 || b.length === 0) continue;
      const w = (concepts[i]?.weight ?? 0) * (concepts[j]?.weight ?? 0);
      let d = Infinity;
      for (const p of a) for (const q of b) d = Math.min(d, Math.abs(p - q));
      total += w;
      sum += w / Math.max(1, d);
    }
  }
  return total > 0 ? sum / total : 0;
}

/**
 * Does the sentence state each speaker of the question saying something? A speaker is voiced
 * when its own words or names are the sentence's claim source (the speaker field: "Witkoff
 * stated, “…”" and the quote's later sentences), or come at most `INDEX_OPTIONS.speech.window`
 * words before a word of saying ("Putin's recent *warning*", "Trump *highlighted*"); one after
 * it is what is said, not who says it ("Sources suggest that *Putin* might…"), nor does a word
 * of saying followed by "by" ("Mark Rutte, as *reported by* the Sun"). One whose own
 * words are asked for (`quoted`: "the exact wording of…") only as the claim source: quoted.
 * An entity related to the speaker (a country for its envoy) is voiced only as the claim source.
 */
function voiced(speakers: readonly { terms: readonly { term: string; credit: number }[]; quoted: boolean }[], match: Readonly<Record<string, readonly string[]>>, where: ReadonlyMap<string, readonly number[]>): boolean {
  // "Mark Rutte, as reported by the Sun": the Sun reports, not Rutte.
  const passive = new Set(where.get(PASSIVE) ?? []);
  const saying = speechTerms().flatMap((t) => where.get(t) ?? []).filter((p) => !passive.has(p));
  const { window } = INDEX_OPTIONS.speech;
  return speakers.every((c) =>
    c.terms.some((t) => {
      // A related entity is voiced as the claim's source: the American side speaks through its envoy.
      if (match[t.term]?.includes('speaker') && t.credit >= INDEX_OPTIONS.relatedEntity.credit) return true;
      if (t.credit < 1) return false;
      // Their own words are quoted ("Witkoff stated, “…”"), not reported ("Putin's warning of…").
      if (c.quoted) return false;
      return (where.get(t.term) ?? []).some((p) => saying.some((q) => q > p && q - p <= window));
    }),
  );
}

let speech: string[] | undefined;
/** The search terms of the words of saying (claims/cues.ts SPEECH_WORDS). */
function speechTerms(): string[] {
  speech ??= [...new Set([...SPEECH_WORDS].map((w) => toTerm(w)).filter((t) => t !== ''))];
  return speech;
}

/** Coverage credit for a question word said in other words: none up to `min`, then rising to `credit` at similarity 1. */
function softCredit(similarity: number): number {
  const { min, credit } = INDEX_OPTIONS.similar;
  return similarity <= min ? 0 : Math.min(1, (credit * (similarity - min)) / (1 - min));
}

/**
 * How well one passage expresses a concept: the best credit of any of its terms, by the field it
 * matched in (the sentence's own fields, or only its paragraph: `context`).
 */
function credit(terms: readonly { term: string; credit: number }[], match: Readonly<Record<string, readonly string[]>>, context: Readonly<Record<string, readonly string[]>> | undefined): number {
  let best = 0;
  for (const t of terms) {
    const fields = match[t.term];
    if (fields) for (const field of fields) best = Math.max(best, (INDEX_OPTIONS.credit[field as Field] ?? 0) * t.credit);
    if (context?.[t.term]) best = Math.max(best, INDEX_OPTIONS.credit.context * t.credit);
  }
  return best;
}
