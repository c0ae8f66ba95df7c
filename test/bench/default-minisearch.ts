import MiniSearch from 'minisearch';

/**
 * The baseline: MiniSearch as a newcomer would use it — default tokenizer and term processing,
 * `search(query)` with default options (OR, no prefix, no fuzzy, BM25 k 1.2, b 0.7, d 0.5).
 */
export function defaultMiniSearch<F extends string>(fields: readonly F[], rows: readonly ({ id: number } & Record<F, string>)[]): MiniSearch {
  const miniSearch = new MiniSearch({ fields: [...fields] });
  miniSearch.addAll(rows);
  return miniSearch;
}

/** The first `limit` results of a default search, as (row index, score). */
export function defaultSearch(miniSearch: MiniSearch, query: string, limit: number): { index: number; score: number }[] {
  return miniSearch
    .search(query)
    .slice(0, limit)
    .map((r) => ({ index: r.id as number, score: r.score }));
}
