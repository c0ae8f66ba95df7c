import type { Options } from 'minisearch';
import type { IndexedFields, ParagraphFields } from './passage.js';

/**
 * Every setting that shapes the index or the ranking, in one place. The snapshot is keyed to a
 * hash of this constant, so changing any value rebuilds the index. MiniSearch builds both
 * indexes with `miniSearchOptions()` / `paragraphSearchOptions()` (the only sources), and the
 * compact index searches them with the same boosts and BM25 parameters.
 */
export const INDEX_OPTIONS = {
  /** Bump when the passage format or analysis changes in a way the constant does not show. */
  format: 21,
  fields: ['text', 'tags', 'speaker'] as const,
  /** Field weights: the sentence itself and the names it mentions first, then who says it. */
  boost: { text: 1, tags: 1, speaker: 0.5 },
  /**
   * The paragraph is weaker context: its BM25 score (from a separate paragraph index, so each
   * paragraph is indexed once, not once per sentence) is added at this weight.
   */
  contextBoost: 0.35,
  /** Field weights of the paragraph index: the paragraph's words, and its document's title. */
  paragraphBoost: { context: 1, title: 3 },
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  /** How much a concept counts as covered when found only in a given field. */
  credit: { text: 1, tags: 1, speaker: 0.8, context: 0.35 },
  /** Weight of the literal words of a matched alias or synonym, beside the tag itself. */
  literalWeight: 0.6,
  /**
   * Entities a named one partly stands for (entities.yaml `related`): ranking weight, coverage
   * credit. A capital's country's leaders, two steps away (phrase-matcher.ts `farTags`), take
   * each squared. Dev sets without → with those: fourth top-1 83 → 84%, seventh top-1 84 → 85%
   * and wrongly declined 11 → 10%; the others unchanged (leaders for capitals too: the first and
   * sixth lose one top-1 each).
   */
  relatedEntity: { weight: 0.5, credit: 0.6 },
  /** WordNet relatives of question words: senses considered, ranking weight, coverage credit. */
  related: { senses: 1, weight: 0.5, credit: 0.8 },
  /**
   * Word vectors (text/word-vectors.ts): the most frequent `words` English words, `components`
   * shared directions removed. A question word the index lacks also searches for the `limit`
   * index terms nearest to it (cosine similarity ≥ `min`; among the `scan` commonest words the
   * index uses, which bounds the cost on a large one), each at `weight` × similarity. A
   * question word a sentence lacks is credited by the sentence's nearest word: nothing up to
   * similarity `min`, rising to `credit` (capped at 1) at similarity 1; only for BM25's best
   * `depth` candidates (the likely answers; the rest cannot win). Dev sets (questions.yaml,
   * questions-2.yaml) without → with: top-1 91.9/71.2% → 90.9/75.3%, hit@3 98.0/78.1% →
   * 98.0/82.2%, wrongly declined 0/17.8% → 0/13.7%, off-topic declined unchanged.
   */
  similar: { words: 100_000, components: 3, min: 0.35, limit: 3, weight: 0.5, credit: 1.5, depth: 40, scan: 5000 },
  /**
   * Term proximity (rank.ts `proximity`): a sentence whose words for the question's concepts
   * stand close together scores × (1 + `weight` × closeness), for BM25's best `depth` candidates.
   * Dev sets (questions.yaml, questions-2.yaml) top-1 / hit@3 at weight 0: 91.9/84.9%, 98.0/93.2%;
   * 0.5: 92.9/84.9%, 98.0/93.2%; 1: 93.9/84.9%, 98.0/93.2%; 2: 94.9/84.9%, 98.0/91.8%. A window
   * (adjacent within 5 words counts 1, else 0) instead of 1/distance: 93.9/86.3%, 99.0/91.8%.
   */
  proximity: { depth: 40, weight: 1 },
  /**
   * "What did X say": a sentence answers only if X is its claim source or comes at most `window`
   * words (stopwords aside) before a word of saying (rank.ts `voiced`). Third dev set: off-topic
   * declined 85.0 → 92.5%; the other dev sets unchanged.
   */
  speech: { window: 3 },
  /**
   * A sentence that refers back (it cannot stand alone, or says "this development", "these
   * terms") is credited with what the sentence before it covers, at `credit.context` (rank.ts),
   * for BM25's best `depth` candidates. Dev sets: third hit@3 +1 question, sixth top-1 and hit@3
   * +1, wrongly declined −1; the others unchanged.
   */
  refersBack: { depth: 40 },
  /** Count at which a word is as common as words get, for general-English informativeness. */
  englishCap: 1000,
  /** Weight multiplier of the verb of a "who did X" question (the act whose agent is asked for). */
  focusWeight: 2,
  /** Weight of an earlier question's concepts when answering a follow-up. */
  followUpWeight: 0.5,
  /**
   * When a sentence holds no answer of the kind the question word asks for (no time for "when",
   * no date for "on what date", no quantity for "how many", no age for "how old", no share for
   * "what percentage" or "how much of", no length of time for "how long", no other person for
   * "who", no other place of the kind asked for "which city" (a city, a country: WordNet's
   * kinds), no other place in a phrase of place ("in Geneva") for "where", no word of reason for
   * "why"), its
   * coverage is multiplied by this: the documents may mention the subject but not what is asked.
   * Reasons are stated in too many ways for the cue list (build-passages.ts REASON) to catch them
   * all, so a why-question's penalty is mild: six dev sets at reason 1 / 0.85 / 0.7: 0.85 gains
   * one top-1 and one hit@3 question, 0.7 loses the dev set's top-1 and a wrong decline.
   * "Where" (location) at 0.8 / 0.5 / 0.3: the sixth dev set's off-topic declined 66.7 / 68.3 /
   * 68.3% (65.0% when any place the question does not name would do); nothing else changes.
   * "Which city" (place, of the kind asked for) at 0.8 / 0.6 / 0.5 / 0.4: the sixth set's 70.0 /
   * 70.0 / 71.7 / 71.7%; nothing else changes.
   */
  missingAnswerType: { time: 0.5, date: 0.5, number: 0.5, age: 0.5, share: 0.5, person: 0.8, place: 0.5, location: 0.5, duration: 0.5, reason: 0.85 },
  /**
   * Coverage factor for a sentence that names no source for its claim (the article's own
   * narrative), when the question asks for the claim's source ("what's the source on…").
   * Twelve dev sets give the same figures at 1, 0.8 and 0.6 (their gain is from the source
   * words no longer counting as content); 0.8, as for a missing person, orders a sourced
   * sentence before its unsourced twin.
   */
  missingSource: 0.8,
  /** Multiplier for a sentence holding the kind of answer a who/where/when/how-many question asks for. */
  hintBoost: 1.2,
  /**
   * …and for one holding a reason a why-question asks for (build-passages.ts REASON: "because",
   * "in return", "for “…”"). Most sentences name a person or a place, so those hints tell little
   * and weigh little; few state a reason, and of the sentences that cover a why-question the one
   * that does is its answer ("Zelensky requested the presence of Europe's top officials for
   * “moral support and solidarity”", not "…several European leaders will provide support").
   * Eight dev sets, top-1 questions gained over 1.2 at 2 / 4 / 6 / 10: 3 / 4 / 6 / 6 (first set
   * 94.9 → 96.0% at 6), none lost; 10 adds one hit@3 of the second set.
   */
  reasonBoost: 6,
  /**
   * A question about an order in time ("what came before the warning", "after the summit"): a
   * sentence that states none ("shortly after", "follows", "ahead of", "since"; build-passages.ts
   * SEQUENCE) has its coverage × `missing`, as a sentence without the kind of answer asked for
   * does (missingAnswerType), and one that does covers the question's own word of order
   * ("preceded", "beforehand"). Eight dev sets at 1 / 0.85 / 0.7 / 0.6 / 0.5: +2 top-1 questions
   * and −2 wrongly declined at each; off-topic declined +0 / +0 / +2 / +3 / +3 (0.6 and 0.5 give
   * back a top-1 question or both). A boost for the sentences that state an order (× 1.5–3)
   * changed nothing: six of the seed's seventeen do.
   */
  sequence: { missing: 0.7 },
  /** Weight of document-level aggregation (a document that matches broadly lifts its sentences). */
  documentWeight: 0.25,
  /** Ranking score = BM25 × coverage^this: covering more of the question beats repeating one word. */
  coverageExponent: 2,
  /** Document score = best sentence + this × the sum of its other matching sentences. */
  documentAggregation: 0.3,
  /**
   * Sentences re-ranked when ranking documents: up to 100 documents are wanted, so far more than
   * for an answer (SciFact train: recall@100 0.881 → 0.915, nDCG@10 0.672 → 0.676).
   */
  documentDepth: 2000,
  /**
   * Document ranking (searchDocuments only; answers never use it) also weighs each document's own
   * BM25: its best paragraph in the paragraph index among the `depth` best, words and title. The
   * title counts at `title` (the index's title boost of 3 serves sentence context, where it was
   * tuned) and with the IDF of the words field (BM25F-like: a word rare among titles but common in
   * abstracts says no more in a title; the title field's own IDF over-rewards it). Its BM25 is
   * plain — a sum over the matched terms, not MiniSearch's "× terms matched", which over-rewards
   * a document that touches many of a long query's words once — with BM25+'s d = 0.5.
   * Score = (1 − weight) × sentence aggregation + weight × document BM25, each scaled to the
   * query's best document.
   * SciFact train nDCG@10 (sentences alone: 0.6970). With the title's own IDF, this signal alone
   * 0.7021 (title 3 → 0.5880, 1 → 0.6776; × terms matched → 0.6729; d = 0 → 0.6945), mixed at
   * weight 0.5 → 0.7043, 0.7 → 0.7071. With the words' IDF for the title, mixed at 0.7: title 0.4
   * → 0.7047, 0.6 → 0.7103, 0.8 → 0.7116, 1 → 0.7082; at title 0.8, weight 0.6 → 0.7089, 0.8 →
   * 0.7069, 1 (alone) → 0.7007.
   */
  documentBm25: { weight: 0.7, depth: 1000, title: 0.8, bm25: { k: 1.2, b: 0.7, d: 0.5, countMatchedTerms: false } },
  /**
   * Document ranking (searchDocuments only) then regularises scores by the cluster hypothesis
   * (answer/neighbours.ts): each of the `depth` best documents gains `weight` × its mean TF-IDF
   * cosine (title and body, IDF over sentences) to the `feedback` best documents other than
   * itself, scaled to the query's most similar. On the mixed score above (best = 1).
   * SciFact train nDCG@10 0.7116 → 0.7160, recall@100 0.9314 → 0.9382 (depth 200 lets documents
   * from below the top 100 in). At depth 100, feedback 3: weight 0.05 → 0.7109, 0.1 → 0.7099,
   * 0.15 → 0.7130, 0.2 → 0.7130, 0.3 → 0.7145, 0.4 → 0.7140, 0.5 → 0.7134; at weight 0.3:
   * feedback 1 → 0.6904 (the best document has no other to resemble), 2 → 0.7155, 4 → 0.7129;
   * at feedback 2: weight 0.2 → 0.7155, 0.4 → 0.7141; depth 50 / 200 (feedback 3) → 0.7145 /
   * 0.7141. Tried in the same place and not kept (train nDCG@10, baseline 0.7116): BM25F for the
   * document BM25 (one saturation over title + words; best of title 0.8–5, k 1.2–2.5, per-field b:
   * 0.7084); min-max / z-score / reciprocal-rank fusion of the two signals (0.7098 / 0.7070 /
   * 0.7048); a query-term proximity bonus on the best 100 (pairs within 5 words, or the minimum
   * distance: ≤ 0.7082); query term frequency (0.7108–0.7117); IDF^1.3 / IDF^0.7 query weights
   * (0.7112 / 0.7076); the question's alternatives in the document BM25 at 0.25–1 (≤ 0.7115);
   * an IDF-weighted coverage factor (≤ 0.7088); a document length prior ± 0.1 (≤ 0.7080);
   * averaged word-vector similarity at 0.05–0.2 (≤ 0.7112); the title's own k, b or d (≤ 0.7117);
   * fusion weights by each signal's score spread (≤ 0.7101).
   */
  documentNeighbours: { weight: 0.25, feedback: 2, depth: 200 },
  /**
   * Several sources: among the `depth` best passages, one of another document whose words match
   * a citation's (IDF-weighted Jaccard) at least `same` states the same claim; one at least
   * `counter` alike that denies or negates it where the citation does not (or the reverse)
   * is a counter-claim.
   */
  corroboration: { depth: 40, same: 0.5, counter: 0.3 },
  /** How many of BM25's best results are re-ranked by coverage (the rest cannot win). */
  rerankDepth: 200,
  /**
   * BM25 candidates: once this many sentences (at least `min`, else `perResult` × the results
   * wanted) match the question's weightiest words, its lighter words only add to their scores
   * instead of bringing in more sentences (see CompactIndex.search). Small knowledge bases never
   * reach the limit; on a large one it bounds the work per question.
   */
  candidates: { min: 2000, perResult: 10 },
  /** Decline unless the best sentence covers more of the question's content than this. */
  minCoverage: 0.5,
  /** …and at least this much of it in the question's own words or their known alternatives (word vectors alone never answer). */
  minLiteralCoverage: 0.4,
  /**
   * A long question tells more than it asks ("Wasn't the Ukrainian leader rather rudely shown the
   * door by the President and his deputy on his previous visit some months back?"): the
   * sentence that answers it states its core, not every detail around it. Past `from` concepts,
   * each one more lowers minCoverage and minLiteralCoverage by `step`, down to `minCoverage` and
   * `minLiteralCoverage` here. Ten dev sets (942 answerable, 400 off-topic), top-1 / wrongly
   * declined / off-topic declined: none 859 / 49 / 357; from 6, step 0.05, no floor 864 / 43 /
   * 357; from 6, step 0.1, floors 0.3 / 0.2: 870 / 35 / 356 (the tenth set, the long-winded
   * one: 74 → 82% top-1); floors 0.35 / 0.25: 865 / 42 / 356; from 5: 872 / 33 / 349; from 7:
   * 866 / 40 / 357.
   */
  longQuestion: { from: 6, step: 0.1, minCoverage: 0.3, minLiteralCoverage: 0.2 },
  /** How many of the best-ranked sentences may carry the coverage that avoids declining. */
  declineDepth: 3,
  /** Other citations must reach this share of the best score. */
  minRelativeScore: 0.2,
  /**
   * Typo tolerance, only for terms missing from the vocabulary: edits allowed by term length; a
   * word of `englishMinLength` to `englishMaxLength` letters that English does not know either
   * may be read as the commonest English word one edit away (parse-question.ts `respell`).
   */
  fuzzy: { minLength: 4, oneEditUpTo: 7, englishMinLength: 5, englishMaxLength: 24 },
  /** Questions longer than this are declined (the bot says so). */
  maxQuestionLength: 500,
  maxCitations: 3,
} as const;

/** The paragraph index's fields: the paragraph's words, and its document's title. */
export const PARAGRAPH_FIELDS = ['context', 'title'] as const;

/** MiniSearch options of the paragraph index. */
export function paragraphSearchOptions(): Options<ParagraphFields> {
  return {
    idField: 'id',
    fields: [...PARAGRAPH_FIELDS],
    tokenize: (text) => text.split(' ').filter((t) => t !== ''),
    processTerm: (term) => term,
    searchOptions: { bm25: { ...INDEX_OPTIONS.bm25 }, combineWith: 'OR' },
  };
}

/** MiniSearch options of the sentence index: fields arrive as pre-analysed, space-separated terms. */
export function miniSearchOptions(): Options<IndexedFields> {
  return {
    idField: 'id',
    fields: [...INDEX_OPTIONS.fields],
    tokenize: (text) => text.split(' ').filter((t) => t !== ''),
    processTerm: (term) => term,
    searchOptions: {
      boost: { ...INDEX_OPTIONS.boost },
      bm25: { ...INDEX_OPTIONS.bm25 },
      combineWith: 'OR',
    },
  };
}
