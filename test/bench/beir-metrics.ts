import type { Qrels } from './beir-dataset.js';

/** One retrieved document of a run. */
export interface Hit {
  id: string;
  score: number;
}

/**
 * Orders a ranking as trec_eval does: by score, descending; ties by document id, descending.
 * Metrics computed here therefore equal trec_eval's on the TREC run file this benchmark writes.
 */
export function trecOrder(hits: readonly Hit[]): Hit[] {
  return [...hits].sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * nDCG@k (trec_eval `ndcg_cut`): gain = the graded relevance, discount log2(rank + 1); the ideal
 * ranking holds every judged document with a positive grade.
 *
 * @example ndcgAt([{ id: 'a', score: 1 }], new Map([['a', 1]]), 10) // 1
 */
export function ndcgAt(ranking: readonly Hit[], judged: ReadonlyMap<string, number>, k: number): number {
  const dcg = ranking.slice(0, k).reduce((sum, hit, i) => sum + Math.max(0, judged.get(hit.id) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...judged.values()]
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

/** Recall@k: the share of relevant documents (grade > 0) among the first k. */
export function recallAt(ranking: readonly Hit[], judged: ReadonlyMap<string, number>, k: number): number {
  const relevant = [...judged.values()].filter((g) => g > 0).length;
  if (relevant === 0) return 0;
  return ranking.slice(0, k).filter((hit) => (judged.get(hit.id) ?? 0) > 0).length / relevant;
}

/** MRR@k: 1 / rank of the first relevant document among the first k, else 0. */
export function mrrAt(ranking: readonly Hit[], judged: ReadonlyMap<string, number>, k: number): number {
  const at = ranking.slice(0, k).findIndex((hit) => (judged.get(hit.id) ?? 0) > 0);
  return at < 0 ? 0 : 1 / (at + 1);
}

export interface Metrics {
  ndcg10: number;
  recall100: number;
  mrr10: number;
  /** Queries averaged over (every judged query; one without results scores 0). */
  queries: number;
}

/** Mean nDCG@10, recall@100 and MRR@10 of a run over every query of the qrels. */
export function evaluateRun(run: ReadonlyMap<string, readonly Hit[]>, qrels: Qrels): Metrics {
  let ndcg = 0;
  let recall = 0;
  let mrr = 0;
  for (const [query, judged] of qrels) {
    const ranking = trecOrder(run.get(query) ?? []);
    ndcg += ndcgAt(ranking, judged, 10);
    recall += recallAt(ranking, judged, 100);
    mrr += mrrAt(ranking, judged, 10);
  }
  const n = qrels.size;
  return n === 0 ? { ndcg10: 0, recall100: 0, mrr10: 0, queries: 0 } : { ndcg10: ndcg / n, recall100: recall / n, mrr10: mrr / n, queries: n };
}
