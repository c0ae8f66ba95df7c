import type { AsPlainObject, BM25Params } from 'minisearch';

/** One query term: its boost (MiniSearch's `boostTerm`) and the fields it is searched in. */
export interface QueryTerm {
  term: string;
  boost: number;
  fields: readonly string[];
  /** Take the IDF from this field's postings for every field searched (default: each field's own). */
  idfField?: string;
}

/** A document's score and where each query term matched, as MiniSearch's `SearchResult` gives them. */
export interface CompactHit {
  id: number;
  score: number;
  /** Query term → the fields it matched in (an object without prototype: any term is a safe key). */
  match: Record<string, string[]>;
  /**
   * What each query term (by its position in the query; a repeated term at its first) adds to
   * the BM25 sum, over all its fields: `score` is their sum × the number of terms matched.
   */
  parts: number[];
}

/** The columns of a compact index: what a snapshot stores. */
export interface CompactIndexData {
  documentCount: number;
  fields: string[];
  /** Length of each field of each document: `fieldLength[doc * fields.length + field]`. */
  fieldLength: Uint32Array;
  averageFieldLength: number[];
  /** Every term; a term's postings for field f are `docs/freqs[offsets[t*F+f] … offsets[t*F+f+1]]`. */
  terms: string[];
  offsets: Uint32Array;
  /** Document ids, ascending within each (term, field) list. */
  docs: Uint32Array;
  freqs: Uint16Array;
}

export interface CompactSearchOptions {
  boost: Readonly<Record<string, number>>;
  /**
   * `countMatchedTerms`: multiply a document's score by the number of query terms it matches, as
   * MiniSearch does (default true); false gives plain BM25, a sum over the matched terms.
   */
  bm25: BM25Params & { countMatchedTerms?: boolean };
}

/**
 * A frozen, columnar copy of a MiniSearch index (made from MiniSearch's own `toJSON()`),
 * searched with MiniSearch's own BM25+ scoring — the same score for every document, including
 * its "more query terms matched, higher score" factor — but kept in typed arrays: a few bytes per
 * posting instead of a Map entry, loaded from a snapshot without rebuilding a Map per term, and
 * searched without allocating an object per matching document. A question on a large knowledge
 * base touches hundreds of thousands of postings, so this is where answer time and memory go.
 *
 * `search` returns the best `k` documents exactly as MiniSearch would rank them (ties: lower
 * short id first); `score` scores only the documents asked for (e.g. the paragraphs of the
 * candidate sentences), without reading the rest of any posting list.
 */
export class CompactIndex {
  private readonly fieldIndex: Map<string, number>;
  private readonly termIndex: Map<string, number>;
  private readonly fieldCount: number;
  // Scratch space for search, reused between queries (one query at a time: JavaScript is single-threaded).
  private readonly acc: Float64Array;
  private readonly count: Uint16Array;
  private readonly lastTerm: Int32Array;
  /** Per document, the head of its list of matched posting lists (in `matchList`/`matchNext`), or -1. */
  private readonly matchHead: Int32Array;
  private matchList = new Uint16Array(1024);
  private matchNext = new Int32Array(1024);
  private matchScore = new Float64Array(1024);

  constructor(
    readonly data: CompactIndexData,
    private readonly options: CompactSearchOptions,
  ) {
    this.fieldCount = data.fields.length;
    this.fieldIndex = new Map(data.fields.map((f, i) => [f, i]));
    this.termIndex = new Map(data.terms.map((t, i) => [t, i]));
    const n = data.documentCount;
    this.acc = new Float64Array(n);
    this.count = new Uint16Array(n);
    this.lastTerm = new Int32Array(n).fill(-1);
    this.matchHead = new Int32Array(n).fill(-1);
  }

  get size(): number {
    return this.data.documentCount;
  }

  /**
   * The `k` best documents for an OR query, best first, as MiniSearch's `search` scores them
   * (with the index's BM25 parameters unless others are given).
   *
   * Terms are read most weighty first (highest possible contribution: rare, boosted words). Once
   * `maxCandidates` documents have matched, later terms only add to those documents' scores (the
   * "continue" strategy of Moffat & Zobel, 1996): each of their posting lists is either
   * binary-searched for the candidates or read with a cheap membership check, whichever costs
   * less. On a small index nothing changes (the limit is never reached); on a large one a
   * question's common words no longer make it read every sentence that contains them.
   */
  search(query: readonly QueryTerm[], k: number, maxCandidates = Infinity, bm25: CompactSearchOptions['bm25'] = this.options.bm25): CompactHit[] {
    const lists = this.postingLists(query);
    const { acc, count, lastTerm, matchHead } = this;
    const touched: number[] = [];
    const { k: k1, d } = bm25;
    const { docs } = this.data;
    let matches = 0;
    const add = (list: PostingList, p: number, doc: number): void => {
      // Remember which list matched the document, for the match fields of the few returned.
      if (matches === this.matchList.length) this.growMatches();
      this.matchList[matches] = list.index;
      this.matchNext[matches] = matchHead[doc] as number;
      const contribution = this.contribution(list, p, doc, bm25);
      this.matchScore[matches] = contribution;
      matchHead[doc] = matches++;
      acc[doc] = (acc[doc] as number) + contribution;
      if (lastTerm[doc] !== list.queryTerm) {
        lastTerm[doc] = list.queryTerm;
        count[doc] = (count[doc] as number) + 1;
      }
    };
    for (const term of byWeight(lists, d + k1 + 1)) {
      if (touched.length < maxCandidates) {
        for (const list of term) {
          for (let p = list.start; p < list.end; p++) {
            const doc = docs[p] as number;
            if (lastTerm[doc] === -1) touched.push(doc);
            add(list, p, doc);
          }
        }
        continue;
      }
      for (const list of term) {
        const length = list.end - list.start;
        if (touched.length * Math.log2(length + 1) < length) {
          for (const doc of touched) {
            const p = findPosting(docs, list.start, list.end, doc);
            if (p >= 0) add(list, p, doc);
          }
        } else {
          for (let p = list.start; p < list.end; p++) {
            const doc = docs[p] as number;
            if (lastTerm[doc] !== -1) add(list, p, doc);
          }
        }
      }
    }
    const scores = new Float64Array(touched.length);
    const counted = bm25.countMatchedTerms ?? true;
    touched.forEach((doc, i) => (scores[i] = (acc[doc] as number) * (counted ? (count[doc] as number) : 1)));
    const best = topK(touched, scores, k);
    const hits = best.map((i) => {
      const doc = touched[i] as number;
      const { match, parts } = this.matchOf(doc, lists, query);
      return { id: doc, score: scores[i] as number, match, parts };
    });
    for (const doc of touched) {
      acc[doc] = 0;
      count[doc] = 0;
      lastTerm[doc] = -1;
      matchHead[doc] = -1;
    }
    return hits;
  }

  private growMatches(): void {
    const list = new Uint16Array(this.matchList.length * 2);
    const next = new Int32Array(this.matchNext.length * 2);
    const score = new Float64Array(this.matchScore.length * 2);
    list.set(this.matchList);
    next.set(this.matchNext);
    score.set(this.matchScore);
    this.matchList = list;
    this.matchNext = next;
    this.matchScore = score;
  }

  /**
   * Scores the given documents (by id) for an OR query, as `search` would:
   * each posting list is binary-searched for them, never read whole. Documents that match
   * nothing are left out.
   */
  score(ids: Iterable<number>, query: readonly QueryTerm[]): Map<number, CompactHit> {
    const lists = this.postingLists(query);
    const out = new Map<number, CompactHit>();
    for (const doc of new Set(ids)) {
      if (doc < 0 || doc >= this.size) continue;
      let sum = 0;
      const terms = new Set<number>();
      const matched: number[] = [];
      const parts: number[] = new Array<number>(query.length).fill(0);
      for (const list of lists) {
        const p = findPosting(this.data.docs, list.start, list.end, doc);
        if (p < 0) continue;
        const contribution = this.contribution(list, p, doc);
        sum += contribution;
        parts[list.queryTerm] = (parts[list.queryTerm] as number) + contribution;
        terms.add(list.queryTerm);
        matched.push(list.index);
      }
      if (terms.size > 0) out.set(doc, { id: doc, score: sum * terms.size, match: this.matchFrom(matched, lists, query), parts });
    }
    return out;
  }

  /** MiniSearch's BM25+ score of one posting: the list's weight × the saturated, length-normalised frequency. */
  private contribution(list: PostingList, p: number, doc: number, bm25: BM25Params = this.options.bm25): number {
    const { k, b, d } = bm25;
    const tf = this.data.freqs[p] as number;
    const len = this.data.fieldLength[doc * this.fieldCount + list.field] as number;
    const avg = this.data.averageFieldLength[list.field] ?? 1;
    return list.weight * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * len) / avg)));
  }

  /** Where each query term matched in one document of the search just run (in query and field order), and what it added. */
  private matchOf(doc: number, lists: readonly PostingList[], query: readonly QueryTerm[]): Pick<CompactHit, 'match' | 'parts'> {
    const matched: number[] = [];
    const parts: number[] = new Array<number>(query.length).fill(0);
    for (let e = this.matchHead[doc] as number; e !== -1; e = this.matchNext[e] as number) {
      const index = this.matchList[e] as number;
      matched.push(index);
      const at = lists[index]?.queryTerm ?? 0;
      parts[at] = (parts[at] as number) + (this.matchScore[e] as number);
    }
    return { match: this.matchFrom(matched.sort((a, b) => a - b), lists, query), parts };
  }

  /** The match fields of a document, from the positions of the posting lists that hold it (ascending). */
  private matchFrom(matched: readonly number[], lists: readonly PostingList[], query: readonly QueryTerm[]): Record<string, string[]> {
    const match = Object.create(null) as Record<string, string[]>;
    for (const index of matched) {
      const list = lists[index];
      if (!list) continue;
      const term = query[list.queryTerm]?.term ?? '';
      (match[term] ??= []).push(this.data.fields[list.field] ?? '');
    }
    return match;
  }

  /**
   * The posting list of each (query term, field) pair, with its weight: term boost × field boost ×
   * IDF (the field's own, or `idfField`'s).
   */
  private postingLists(query: readonly QueryTerm[]): PostingList[] {
    const lists: PostingList[] = [];
    const n = this.data.documentCount;
    const seen = new Map<string, number>();
    query.forEach((q, i) => {
      // A term given twice counts once for the "terms matched" factor, as in MiniSearch.
      const queryTerm = seen.get(q.term) ?? i;
      seen.set(q.term, queryTerm);
      const t = this.termIndex.get(q.term);
      if (t === undefined) return;
      const idfOf = (matching: number): number => Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
      const from = q.idfField === undefined ? undefined : this.fieldIndex.get(q.idfField);
      const shared = from === undefined ? undefined : idfOf((this.data.offsets[t * this.fieldCount + from + 1] as number) - (this.data.offsets[t * this.fieldCount + from] as number));
      for (const name of q.fields) {
        const f = this.fieldIndex.get(name);
        if (f === undefined) continue;
        const start = this.data.offsets[t * this.fieldCount + f] as number;
        const end = this.data.offsets[t * this.fieldCount + f + 1] as number;
        if (end <= start) continue;
        const idf = shared ?? idfOf(end - start);
        lists.push({ index: 0, queryTerm, field: f, start, end, weight: q.boost * (this.options.boost[name] || 1) * idf });
      }
    });
    // A repeated term's lists side by side, so that it counts once per document in `search`.
    lists.sort((a, b) => a.queryTerm - b.queryTerm);
    lists.forEach((list, i) => (list.index = i));
    return lists;
  }
}

interface PostingList {
  /** Position in the query's list of posting lists. */
  index: number;
  /** Position of the term in the query (its first occurrence). */
  queryTerm: number;
  field: number;
  start: number;
  end: number;
  weight: number;
}

/**
 * The posting lists grouped by query term, the term that can add the most to a score first
 * (its weight over all fields × the most one occurrence can score, `maxPerWeight`).
 */
function byWeight(lists: readonly PostingList[], maxPerWeight: number): PostingList[][] {
  const groups = new Map<number, PostingList[]>();
  for (const list of lists) groups.set(list.queryTerm, [...(groups.get(list.queryTerm) ?? []), list]);
  const bound = (g: PostingList[]): number => g.reduce((sum, l) => sum + l.weight * maxPerWeight, 0);
  return [...groups.values()].sort((a, b) => bound(b) - bound(a) || (a[0]?.queryTerm ?? 0) - (b[0]?.queryTerm ?? 0));
}

/** Position of `doc` in the ascending `docs[start…end)`, or -1. */
function findPosting(docs: Uint32Array, start: number, end: number, doc: number): number {
  let lo = start;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = docs[mid] as number;
    if (v === doc) return mid;
    if (v < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Positions of the `k` highest `scores`, best first; ties go to the lower item of `items`.
 * O(n log k) with a min-heap of the best so far.
 */
export function topK(items: readonly number[], scores: Float64Array, k: number): number[] {
  if (k <= 0) return [];
  const heap: number[] = [];
  // Is position a a weaker result than position b?
  const worse = (a: number, b: number): boolean => {
    const sa = scores[a] as number;
    const sb = scores[b] as number;
    return sa < sb || (sa === sb && (items[a] as number) > (items[b] as number));
  };
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l] as number, heap[m] as number)) m = l;
      if (r < heap.length && worse(heap[r] as number, heap[m] as number)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
      i = m;
    }
  };
  for (let item = 0; item < items.length; item++) {
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >>> 1;
        if (!worse(heap[i] as number, heap[parent] as number)) break;
        [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
        i = parent;
      }
    } else if (worse(heap[0] as number, item)) {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

/**
 * MiniSearch's `toJSON()` as columns. The documents must have been added with ids 0…n-1 in that
 * order (as the engine adds passages and paragraphs), so a document's id is its position;
 * anything else throws (a bug).
 */
export function compactData(json: AsPlainObject): CompactIndexData {
  const fields = Object.entries(json.fieldIds)
    .sort((a, b) => a[1] - b[1])
    .map(([name]) => name);
  const F = fields.length;
  const n = Object.keys(json.documentIds).length;
  const fieldLength = new Uint32Array(n * F);
  for (let i = 0; i < n; i++) {
    // Short id i (MiniSearch numbers documents 0, 1, … as added) must be the document with id i.
    const id: unknown = json.documentIds[i];
    if (id !== i) throw new Error(`compact index: documents must be added with ids 0…n-1 in order; document ${i} has id ${JSON.stringify(id)}.`);
    const lengths = json.fieldLength[i] ?? [];
    for (let f = 0; f < F; f++) fieldLength[i * F + f] = lengths[f] ?? 0;
  }
  const index = (json as unknown as { index: [string, Record<string, Record<string, number>>][] }).index;
  const terms: string[] = [];
  const offsets = new Uint32Array(index.length * F + 1);
  // Posting columns grow by doubling (a JS array of millions of numbers would cost several times more).
  let docs = new Uint32Array(1 << 16);
  let freqs = new Uint16Array(1 << 16);
  let count = 0;
  index.forEach(([term, byField], t) => {
    terms.push(term);
    for (let f = 0; f < F; f++) {
      const start = count;
      const postings = byField[String(f)] ?? {};
      for (const key in postings) {
        if (count === docs.length) {
          const moreDocs = new Uint32Array(docs.length * 2);
          moreDocs.set(docs);
          docs = moreDocs;
          const moreFreqs = new Uint16Array(freqs.length * 2);
          moreFreqs.set(freqs);
          freqs = moreFreqs;
        }
        docs[count] = Number(key);
        freqs[count] = Math.min(postings[key] ?? 0, 0xffff);
        count++;
      }
      // Integer keys enumerate in ascending order; sort anyway if a list is not (never seen).
      if (!isAscending(docs, start, count)) sortPostings(docs, freqs, start, count);
      offsets[t * F + f + 1] = count;
    }
  });
  return {
    documentCount: n,
    fields,
    fieldLength,
    averageFieldLength: [...json.averageFieldLength],
    terms,
    offsets,
    docs: docs.slice(0, count),
    freqs: freqs.slice(0, count),
  };
}

function isAscending(docs: Uint32Array, start: number, end: number): boolean {
  for (let p = start + 1; p < end; p++) if ((docs[p] as number) <= (docs[p - 1] as number)) return false;
  return true;
}

function sortPostings(docs: Uint32Array, freqs: Uint16Array, start: number, end: number): void {
  const pairs = Array.from({ length: end - start }, (_, i) => [docs[start + i] as number, freqs[start + i] as number] as const).sort((a, b) => a[0] - b[0]);
  pairs.forEach(([doc, tf], i) => {
    docs[start + i] = doc;
    freqs[start + i] = tf;
  });
}

/**
 * Do the columns of a compact index fit together (lengths, offsets in order, ids in range and
 * ascending in every list)? A damaged snapshot is rejected, never searched.
 */
export function checkCompactData(data: CompactIndexData): boolean {
  const { documentCount: n, fields, fieldLength, offsets, docs, freqs, terms } = data;
  const F = fields.length;
  if (F === 0 || fieldLength.length !== n * F || data.averageFieldLength.length !== F) return false;
  if (offsets.length !== terms.length * F + 1 || offsets[0] !== 0 || offsets[offsets.length - 1] !== docs.length || freqs.length !== docs.length) return false;
  for (let i = 1; i < offsets.length; i++) {
    const start = offsets[i - 1] as number;
    const end = offsets[i] as number;
    if (end < start) return false;
    for (let p = start; p < end; p++) {
      const doc = docs[p] as number;
      if (doc >= n || (p > start && doc <= (docs[p - 1] as number))) return false;
    }
  }
  return true;
}
