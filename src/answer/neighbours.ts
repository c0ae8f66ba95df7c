/**
 * Score regularisation by the cluster hypothesis (closely related documents are relevant to the
 * same requests; cf. Diaz, "Regularizing ad hoc retrieval scores", CIKM 2005): in document
 * ranking, a candidate that resembles the best-ranked documents earns a bonus. Resemblance is
 * the cosine of TF-IDF term vectors (log term frequency × IDF, unit length).
 */

/** A unit-length TF-IDF vector of a text's terms: (1 + ln tf) × IDF, divided by its length. */
export function termVector(terms: readonly string[], idf: (term: string) => number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  const vector = new Map<string, number>();
  let squares = 0;
  for (const [term, count] of counts) {
    const weight = (1 + Math.log(count)) * idf(term);
    if (weight <= 0) continue;
    vector.set(term, weight);
    squares += weight * weight;
  }
  const length = Math.sqrt(squares);
  if (length > 0) for (const [term, weight] of vector) vector.set(term, weight / length);
  return vector;
}

/** Cosine similarity of two unit-length term vectors (0 when they share no term). */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

/**
 * For each vector of a ranking (best first), its mean similarity to the first `feedback`
 * vectors other than itself: how much it resembles the best-ranked documents. 0 for a ranking
 * of one, or `feedback` 0.
 */
export function neighbourSimilarity(ranked: readonly ReadonlyMap<string, number>[], feedback: number): number[] {
  const top = ranked.slice(0, feedback);
  return ranked.map((vector, i) => {
    let sum = 0;
    let count = 0;
    top.forEach((other, j) => {
      if (j === i) return;
      sum += cosine(vector, other);
      count++;
    });
    return count > 0 ? sum / count : 0;
  });
}
