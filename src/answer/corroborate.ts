import { DENIAL, REPORTING_VERBS } from '../claims/cues.js';
import { terms } from '../text/analyze.js';
import type { Passage } from '../search/passage.js';

/** What one passage says, as weighted terms, for comparing claims across documents. */
export interface ClaimTerms {
  terms: Map<string, number>;
  denial: boolean;
}

/** Weighted Jaccard similarity of two term sets (IDF weights): 1 for the same words, 0 for none shared. */
export function similarity(a: ClaimTerms, b: ClaimTerms): number {
  let shared = 0;
  let all = 0;
  for (const [term, weight] of a.terms) {
    if (b.terms.has(term)) shared += weight;
    all += weight;
  }
  for (const [term, weight] of b.terms) if (!a.terms.has(term)) all += weight;
  return all === 0 ? 0 : shared / all;
}

export type Relation = 'same' | 'counter' | 'unrelated';

/**
 * How another document's passage relates to a cited one: it states the same claim (nearly the
 * same words, same polarity), it counters it (about the same thing, but one denies or negates
 * and the other does not), or neither.
 */
export function relate(cited: ClaimTerms, other: ClaimTerms, thresholds: { same: number; counter: number }): Relation {
  const sim = similarity(cited, other);
  if (cited.denial !== other.denial && sim >= thresholds.counter) return 'counter';
  if (cited.denial === other.denial && sim >= thresholds.same) return 'same';
  return 'unrelated';
}

/**
 * The claim terms of a passage: its analysed terms without the attribution — the source's words
 * and the reporting or denial cue ("two officials said", "according to the Beta Times", "the
 * Kremlin denied") — so two reports of one claim compare by what they claim.
 */
export function claimTerms(passage: Passage, analysed: readonly string[], idf: (term: string) => number): ClaimTerms {
  const attribution = new Set([...terms(passage.claim.source ?? ''), ...ATTRIBUTION_TERMS]);
  const weighted = new Map<string, number>();
  for (const t of analysed) if (!attribution.has(t)) weighted.set(t, idf(t));
  return { terms: weighted, denial: DENIAL.test(passage.text) };
}

/** Reporting verbs, denial cues and "according" as search terms. */
const ATTRIBUTION_TERMS = new Set(
  [...REPORTING_VERBS, 'according', 'deny', 'denied', 'denies', 'reject', 'rejected', 'dismissed', 'reportedly'].map((w) => terms(w)[0] ?? '').filter((t) => t !== ''),
);
