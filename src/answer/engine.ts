import SearchableMap from 'minisearch/SearchableMap';
import { loadKnowledge, readKnowledgeFiles } from '../knowledge/load-knowledge.js';
import type { Knowledge, KnowledgeDocument } from '../knowledge/schemas.js';
import { analyzeText, buildIndex, indexedFields, paragraphIndex, sentenceIndex } from '../search/build-index.js';
import { buildPassages } from '../search/build-passages.js';
import { INDEX_OPTIONS } from '../search/index-options.js';
import type { Passage } from '../search/passage.js';
import { PhraseMatcher } from '../search/phrase-matcher.js';
import { defaultCacheDir, readSnapshot, snapshotKey, writeSnapshot, type SnapshotContent } from '../search/snapshot.js';
import { loadIrregularVerbs } from '../text/irregular-verbs.js';
import { followers, normalizeWord, terms, termsOf, tokenize, toTerm } from '../text/analyze.js';
import { relativesIn } from '../text/thesaurus.js';
import { loadWordnetDigest, type WordnetDigest } from '../text/wordnet-digest.js';
import { loadWordVectors, type VectorTable, type WordVectors } from '../text/word-vectors.js';
import { idf, parseQuestion, type Concept, type Vocabulary } from './parse-question.js';
import { claimTerms, relate, type ClaimTerms } from './corroborate.js';
import { neighbourSimilarity, termVector } from './neighbours.js';
import { PASSIVE, rank, searchTerms, type Indexes, type Ranked } from './rank.js';
import type { AnswerResult, Citation, DocumentRef, NoAnswer, NoAnswerReason } from './result.js';
import { sanitizeQuestion } from './sanitize-question.js';
import { suggestionCandidates } from './suggest.js';

export interface EngineOptions {
  /** Folder of Markdown documents (and optional entities.yaml). */
  knowledgeDir: string;
  /** Where index snapshots are kept; `null` disables snapshots. Default: `defaultCacheDir()`. */
  cacheDir?: string | null;
  /** Diagnostics (never on stdout). */
  log?: (message: string) => void;
  /** Called per document while (re)indexing: a progress bar for long builds. */
  progress?: (done: number, total: number, label: string) => void;
}

export interface AskOptions {
  /** The earlier question of a conversation, for short follow-ups ("what about Crimea?"). */
  previous?: string;
  /** Most citations to return (default 3). */
  limit?: number;
}

/**
 * The question-answering engine: loads a knowledge folder, indexes its sentences, and answers
 * questions with ranked, verbatim, attributed citations — or declines.
 *
 * @example
 * const engine = Engine.open({ knowledgeDir: 'knowledge' });
 * const result = engine.ask('What did Witkoff say about Article 5?');
 * if (result.status === 'answered') console.log(result.citations[0]?.quote);
 */
export class Engine {
  private readonly vocabulary: Vocabulary;
  private readonly matcher: PhraseMatcher;
  private readonly documentList: readonly KnowledgeDocument[];
  private readonly passages: readonly Passage[];
  private suggestionList: string[];
  /** sha256 of the knowledge files this engine was built from. */
  contentHash = '';
  /** Claim terms by source and sentence text: copies of one sentence in several documents share them. */
  private readonly claimTermsCache = new Map<string, ClaimTerms>();
  /** Publication time of each document (0 when unknown), for ties. */
  private readonly published: number[];
  /** Passage index by id and by key: built on first use (buttons), not at start-up. */
  private lookupMap: Map<string, number> | undefined;
  private get lookup(): Map<string, number> {
    if (!this.lookupMap) {
      this.lookupMap = new Map<string, number>();
      for (const [i, p] of this.passages.entries()) this.lookupMap.set(p.id, i).set(p.key, i);
    }
    return this.lookupMap;
  }

  private constructor(
    private readonly data: Omit<SnapshotContent, 'key' | 'sentences' | 'paragraphs'>,
    private readonly indexes: Indexes,
  ) {
    this.matcher = new PhraseMatcher(data.entities);
    this.documentList = data.documents;
    this.passages = data.passages;
    this.suggestionList = data.suggestions;
    this.published = data.documents.map((d) => (d.published ? Date.parse(d.published) || 0 : 0));
    const matcher = this.matcher;
    let fuzzy: SearchableMap<number> | undefined;
    let table: VectorTable | undefined;
    this.vocabulary = {
      df: data.vocabulary,
      size: data.passages.length,
      // The typo-correction trie, built the first time a question has a word the index lacks.
      get fuzzy(): SearchableMap<number> {
        if (!fuzzy) {
          fuzzy = new SearchableMap<number>();
          for (const [term, count] of data.vocabulary) if (!/^[@~]/.test(term)) fuzzy.set(term, count);
          for (const term of matcher.singleTerms.keys()) if (!fuzzy.has(term)) fuzzy.set(term, 0);
        }
        return fuzzy;
      },
      related: new Map(Object.entries(data.related)),
      english: new Map(Object.entries(data.english)),
      concrete: new Set(data.concrete),
      proper: new Set(data.proper),
      placeIn: new Map(Object.entries(data.placeIn)),
      described: new Map(Object.entries(data.described)),
      placeKinds: new Map(Object.entries(data.placeKinds)),
      irregular: new Map(Object.entries(data.irregular).map(([form, lemma]) => [form, toTerm(lemma)])),
      irregularLemma: new Map(Object.entries(data.irregular)),
      // The word vectors are read the first time a question has an English word the index lacks.
      similar: (term) => {
        const { limit, min, scan } = INDEX_OPTIONS.similar;
        const vectors = wordVectors();
        table ??= vectors.table(new Set([...data.vocabulary.keys()].filter((t) => !/^[@~]/.test(t))), scan);
        return vectors.nearest(term, table, limit, min);
      },
      spelling: (word) => wordVectors().spelling(word),
      isWord: (word) => wordVectors().has(word),
    };
  }

  /**
   * Loads and indexes a knowledge folder. When a snapshot matches the folder's content (and the
   * index options), start-up reads it instead: no parsing, segmenting or indexing. Throws a
   * DealdeskError naming every bad file.
   */
  static open(options: EngineOptions): Engine {
    const files = readKnowledgeFiles(options.knowledgeDir);
    const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
    const key = snapshotKey(files.contentHash);
    const snapshot = cacheDir === null ? undefined : readSnapshot(cacheDir, key);
    if (snapshot) {
      const { key: _key, sentences, paragraphs, ...rest } = snapshot;
      const engine = new Engine(rest, { sentences: sentenceIndex(sentences), paragraphs: paragraphIndex(paragraphs) });
      engine.contentHash = files.contentHash;
      return engine;
    }
    const engine = Engine.build(loadKnowledge(files), cacheDir, options.progress);
    engine.contentHash = files.contentHash;
    if (cacheDir !== null) {
      try {
        const path = writeSnapshot(cacheDir, {
          key,
          ...engine.data,
          suggestions: engine.suggestionList,
          sentences: engine.indexes.sentences.data,
          paragraphs: engine.indexes.paragraphs.data,
        });
        options.log?.(`dealdesk: index snapshot written to ${path}`);
      } catch (error) {
        options.log?.(`dealdesk: could not write the index snapshot to ${cacheDir} (${(error as Error).message}); set DEALDESK_CACHE_DIR to a writable folder for faster start-up.`);
      }
    }
    return engine;
  }

  private static build(knowledge: Knowledge, cacheDir: string | null, progress?: EngineOptions['progress']): Engine {
    const matcher = new PhraseMatcher(knowledge.entities);
    const entitiesOf = (text: string): { tag: string; type: string }[] => matcher.matchText(text).flatMap((m) => (m.type ? [{ tag: m.tag, type: m.type }] : []));
    const passages = buildPassages(knowledge.documents, entitiesOf, progress);
    progress?.(knowledge.documents.length, knowledge.documents.length, 'indexing');
    const fields = passages.map((p, i) => indexedFields(p, i, matcher));
    const paragraphs: { text: string; title: string }[] = [];
    for (const p of passages) {
      const document = knowledge.documents[p.doc];
      paragraphs[p.para] ??= { text: document?.body.slice(p.paragraphStart, p.paragraphEnd) ?? '', title: document?.title ?? '' };
    }
    const { sentences, paragraphs: paragraphSearch, vocabulary } = buildIndex(fields, paragraphs);
    const wordnet = loadWordnetDigest(cacheDir, INDEX_OPTIONS.related.senses);
    const related = relativesIn(new Map(Object.entries(wordnet.related)), new Set(vocabulary.keys()));
    const vectors = wordVectors();
    const engine = new Engine(
      {
        documents: knowledge.documents,
        entities: knowledge.entities,
        passages,
        vocabulary,
        related: Object.fromEntries(related),
        english: wordnet.counts,
        concrete: wordnet.concrete,
        // Only words people type: those the word vectors know (some 5,800 of WordNet's 14,000).
        proper: wordnet.proper.filter((w) => vectors.has(w)),
        placeIn: placeContainers(knowledge.entities, matcher, wordnet.within),
        described: describedEntities(knowledge.entities, wordnet.kinds),
        placeKinds: placeKinds(knowledge.entities, wordnet.kinds),
        irregular: loadIrregularVerbs(),
        suggestions: [],
      },
      { sentences, paragraphs: paragraphSearch },
    );
    engine.suggestionList = engine.pickSuggestions();
    return engine;
  }

  /** The word vectors, once read (nearness is asked for every candidate sentence). */
  private vectors: WordVectors | undefined;
  /**
   * What re-ranking reads of a candidate passage beyond the index, computed the first time it is
   * a candidate (one tokenization): the vector rows of its content words (word-vector nearness)
   * and the word positions of its terms and tags (term proximity). Bounded on large knowledge bases.
   */
  private readonly passageFacts = new Map<number, PassageFacts>();
  private facts(passage: number): PassageFacts {
    let facts = this.passageFacts.get(passage);
    if (!facts) {
      const tokens = tokenize(this.passages[passage]?.text ?? '');
      const words = [...new Set(tokens.filter((t) => t.term !== '').map((t) => normalizeWord(t.surface)))];
      const seq = termsOf(tokens);
      const follows = followers(tokens);
      const where = new Map<string, number[]>();
      const add = (key: string, at: number): void => {
        const list = where.get(key);
        if (list) list.push(at);
        else where.set(key, [at]);
      };
      seq.forEach((term, at) => add(term, at));
      // A word followed by "by" ("as reported by the Sun"): passive, its agent comes after it.
      follows.forEach((next, at) => next === 'by' && add(PASSIVE, at));
      for (const m of this.matcher.match(seq, follows)) for (const x of [m, ...this.matcher.parts(seq, follows, m)]) for (let at = x.from; at < x.to; at++) add(x.tag, at);
      if (this.passageFacts.size >= 50_000) this.passageFacts.clear();
      // Once the vectors are read (from the first question that needs them on), the words become rows at once.
      facts = this.vectors ? { where, words: undefined, rows: this.rowsOf(words) } : { where, words };
      this.passageFacts.set(passage, facts);
    }
    return facts;
  }

  /** How near a question word comes to the nearest word of a passage (cosine of word vectors; 0 without). */
  private readonly nearness = (word: string, passage: number): number => {
    const vectors = (this.vectors ??= wordVectors());
    const row = vectors.row(word);
    if (row === undefined) return 0;
    const facts = this.facts(passage);
    if (!facts.rows) {
      facts.rows = this.rowsOf(facts.words ?? []);
      facts.words = undefined; // the rows stand for them from now on
    }
    return vectors.best(row, facts.rows);
  };

  /** The vector rows of words (those the vectors know). */
  private rowsOf(words: readonly string[]): Int32Array {
    const vectors = (this.vectors ??= wordVectors());
    return Int32Array.from(words.flatMap((w) => vectors.row(w) ?? []));
  }

  /** Word positions of each term and tag of a passage (as indexed), for term proximity. */
  private readonly positions = (passage: number): ReadonlyMap<string, readonly number[]> => this.facts(passage).where;

  /**
   * Reads the word vectors now (from their digest: milliseconds; building the digest on a new
   * machine: seconds), so that a serving bot's first question does not wait for them.
   */
  warm(): void {
    wordVectors();
  }

  /** Number of indexed sentences. */
  get size(): number {
    return this.passages.length;
  }

  /** Three example questions this knowledge base answers. */
  get suggestions(): readonly string[] {
    return this.suggestionList;
  }

  /** The documents, as citations show them (computed once; the knowledge of an Engine never changes). */
  get documents(): DocumentRef[] {
    this.documentRefs ??= this.documentList.map(documentRef);
    return this.documentRefs;
  }
  private documentRefs: DocumentRef[] | undefined;

  /**
   * Answers one question. Never throws for any input: empty, huge, binary or hostile text gets
   * a `no_answer` with a reason and a message.
   */
  ask(rawQuestion: string, options: AskOptions = {}): AnswerResult {
    const question = sanitizeQuestion(rawQuestion);
    if (question === '') return this.decline(question, 'empty');
    if (question.length > INDEX_OPTIONS.maxQuestionLength) return this.decline(question.slice(0, INDEX_OPTIONS.maxQuestionLength), 'too_long', question.length);
    const parsed = parseQuestion(question, this.matcher, this.vocabulary);
    if (parsed.summary) return this.leads(question, options.limit ?? INDEX_OPTIONS.maxCitations);
    if (parsed.concepts.length === 0) return this.decline(question, 'no_content');
    const extra: Concept[] = options.previous ? parseQuestion(sanitizeQuestion(options.previous).slice(0, INDEX_OPTIONS.maxQuestionLength), this.matcher, this.vocabulary).concepts : [];
    const ranked = rank(this.indexes, this.passages, parsed, extra, this.published, INDEX_OPTIONS.rerankDepth, this.nearness, this.positions);
    // Only a sentence that covers the question may lead the answer: the best-ranked of the top
    // few that does; none → decline.
    // The concrete thing asked for ("the population of Donetsk") must be stated, not just its
    // subject; someone asked to have said something must be stated saying it; "where in Alaska"
    // wants a place in Alaska.
    // So must a name the question gives that the knowledge has no entity for ("Italy"); a person
    // of the knowledge it names must be in the sentence (or an entity related to them), or in
    // its paragraph.
    const asked = parsed.concepts.flatMap((c, i) => (c.asked ? [i] : []));
    // A long question tells more than it asks: past `from` concepts, each one more lowers the
    // coverage an answer needs by `step`, down to a floor.
    const long = INDEX_OPTIONS.longQuestion;
    const relief = long.step * Math.max(0, parsed.concepts.length - long.from);
    const minCoverage = Math.max(long.minCoverage, INDEX_OPTIONS.minCoverage - relief);
    const minLiteral = Math.max(long.minLiteralCoverage, INDEX_OPTIONS.minLiteralCoverage - relief);
    const names = parsed.concepts.flatMap((c, i) => (c.name || c.person ? [i] : []));
    const lead = ranked
      .slice(0, INDEX_OPTIONS.declineDepth)
      .find(
        (r) =>
          r.coverage > minCoverage &&
          r.literalCoverage >= minLiteral &&
          asked.every((i) => (r.literalCredits[i] ?? 0) > 0) &&
          names.every((i) => (r.literalCredits[i] ?? 0) > 0) &&
          r.voiced !== false &&
          r.placed !== false &&
          r.together !== false &&
          !(parsed.accomplished && this.passages[r.passage]?.claim.conditional) &&
          !(parsed.outcome && AHEAD.test(this.passages[r.passage]?.text ?? '')),
      );
    if (!lead) return this.decline(question, 'not_covered');
    const best = lead;
    const ordered = [lead, ...ranked.filter((r) => r !== lead)];
    const tags = new Set(parsed.concepts.flatMap((c) => c.terms.map((t) => t.term)).filter((t) => /^[@~]/.test(t)));
    const citations = this.citations(ordered, best.score, tags, options.limit ?? INDEX_OPTIONS.maxCitations);
    const [first, ...rest] = citations;
    // The best passage always yields a citation; an empty list here would be a bug.
    if (!first) throw new Error('dealdesk: ranked passages produced no citation');
    return { status: 'answered', question, citations: [first, ...rest] };
  }

  /** The sentence a citation is about (without any previous sentence included for sense). */
  sentence(idOrKey: string): string | undefined {
    return this.passageOf(idOrKey)?.text;
  }

  /** Every sentence with its claim label, in document order (for evaluation and reports). */
  allPassages(): readonly Passage[] {
    return this.passages;
  }

  /**
   * Ranks whole documents for a query by the engine's document-level aggregation of sentence
   * scores (the best sentence, plus a share of the others), mixed with each document's own BM25,
   * then regularised: documents like the best-ranked ones gain (INDEX_OPTIONS.documentNeighbours).
   * No declining: for retrieval benchmarks and "which documents cover X".
   */
  searchDocuments(query: string, limit = 100): { id: string; score: number }[] {
    const parsed = parseQuestion(sanitizeQuestion(query).slice(0, 10_000), this.matcher, this.vocabulary);
    const perDoc = new Map<number, number[]>();
    for (const r of rank(this.indexes, this.passages, parsed, [], this.published, INDEX_OPTIONS.documentDepth)) {
      const doc = this.passages[r.passage]?.doc;
      if (doc === undefined) continue;
      const scores = perDoc.get(doc) ?? [];
      scores.push(r.score);
      perDoc.set(doc, scores);
    }
    const w = INDEX_OPTIONS.documentAggregation;
    const sentences = new Map<number, number>();
    for (const [doc, scores] of perDoc) sentences.set(doc, (scores[0] ?? 0) + w * scores.slice(1).reduce((a, b) => a + b, 0));
    // The document's own BM25: its best paragraph's score in the paragraph index (words and title).
    const { weight, depth, title, bm25 } = INDEX_OPTIONS.documentBm25;
    const documents = new Map<number, number>();
    // The title at its own weight here (the index's title boost serves sentence context), and
    // with the IDF of the document's words: a word is as telling in the title as in the abstract.
    const documentQuery = searchTerms(parsed).paragraphQuery.flatMap((t) => [
      { ...t, fields: ['context'] },
      { ...t, boost: (t.boost * title) / INDEX_OPTIONS.paragraphBoost.title, fields: ['title'], idfField: 'context' },
    ]);
    if (weight > 0 && documentQuery.length > 0) {
      const { candidates } = INDEX_OPTIONS;
      for (const hit of this.indexes.paragraphs.search(documentQuery, depth, Math.max(candidates.min, depth * candidates.perResult), bm25)) {
        const doc = this.paragraphDocs[hit.id];
        if (doc !== undefined && hit.score > (documents.get(doc) ?? 0)) documents.set(doc, hit.score);
      }
    }
    // Each signal scaled to its best document, then mixed.
    const bestSentence = Math.max(0, ...sentences.values()) || 1;
    const bestDocument = Math.max(0, ...documents.values()) || 1;
    const scored = new Map<number, number>();
    for (const [doc, score] of sentences) scored.set(doc, (1 - weight) * (score / bestSentence));
    for (const [doc, score] of documents) scored.set(doc, (scored.get(doc) ?? 0) + weight * (score / bestDocument));
    this.addNeighbourBonus(scored);
    return [...scored.entries()]
      .map(([doc, score]) => ({ id: this.documentList[doc]?.id ?? '', score }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, limit);
  }

  /**
   * Score regularisation (INDEX_OPTIONS.documentNeighbours): each of the best `depth` documents
   * gains `weight` × its mean similarity to the best `feedback` others, scaled to the most similar.
   */
  private addNeighbourBonus(scored: Map<number, number>): void {
    const { weight, feedback, depth } = INDEX_OPTIONS.documentNeighbours;
    if (weight <= 0 || feedback <= 0) return;
    const top = [...scored.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, depth);
    const similarity = neighbourSimilarity(top.map(([doc]) => this.documentVector(doc)), feedback);
    const most = Math.max(0, ...similarity) || 1;
    top.forEach(([doc, score], i) => scored.set(doc, score + weight * ((similarity[i] ?? 0) / most)));
  }

  /** A document's TF-IDF vector (title and body; IDF over sentences), computed on first use. */
  private documentVector(doc: number): Map<string, number> {
    let vector = this.documentVectors.get(doc);
    if (!vector) {
      const document = this.documentList[doc];
      const size = this.passages.length;
      vector = termVector(terms(`${document?.title ?? ''}. ${document?.body ?? ''}`), (t) => idf(this.vocabulary.df.get(t) ?? 0, size));
      if (this.documentVectors.size >= 20_000) this.documentVectors.clear(); // bounded on large knowledge bases
      this.documentVectors.set(doc, vector);
    }
    return vector;
  }
  private readonly documentVectors = new Map<number, Map<string, number>>();

  /** The document of each paragraph (by the paragraph index's id), built on first use. */
  private get paragraphDocs(): number[] {
    if (!this.paragraphDocList) {
      this.paragraphDocList = [];
      for (const p of this.passages) this.paragraphDocList[p.para] = p.doc;
    }
    return this.paragraphDocList;
  }
  private paragraphDocList: number[] | undefined;

  /**
   * One passage as a citation, by id or key (for buttons that carry only the key), with the
   * other documents that state the same claim and those that deny it.
   */
  citation(idOrKey: string): Citation | undefined {
    const index = this.lookup.get(idOrKey);
    const passage = index === undefined ? undefined : this.passages[index];
    if (index === undefined || !passage) return undefined;
    const parsed = parseQuestion(passage.text, this.matcher, this.vocabulary);
    const others = rank(this.indexes, this.passages, parsed, [], this.published).filter((r) => r.passage !== index);
    return this.citations([given(index), ...others], 0, new Set(), 1)[0];
  }

  /**
   * Other sentences most like this one ("More sources"): the passage's own words as a query,
   * the passage itself (and identical copies) left out.
   */
  similar(idOrKey: string, limit = 5): Citation[] {
    const passage = this.passageOf(idOrKey);
    if (!passage) return [];
    const parsed = parseQuestion(passage.text, this.matcher, this.vocabulary);
    const own = normalizeSentence(passage.text);
    const ranked = rank(this.indexes, this.passages, parsed).filter((r) => normalizeSentence(this.passages[r.passage]?.text ?? '') !== own);
    const best = ranked[0];
    return best ? this.citations(ranked, best.score, new Set(), limit) : [];
  }

  /** The paragraph around a passage ("Show context"), by id or key; undefined for an unknown one. */
  context(idOrKey: string): { document: DocumentRef; paragraph: string; location: Citation['location'] } | undefined {
    const passage = this.passageOf(idOrKey);
    const document = passage && this.documentList[passage.doc];
    if (!passage || !document) return undefined;
    return {
      document: documentRef(document),
      paragraph: document.body.slice(passage.paragraphStart, passage.paragraphEnd),
      location: { paragraph: passage.paragraph, sentence: passage.sentence, start: passage.paragraphStart, end: passage.paragraphEnd },
    };
  }

  private passageOf(idOrKey: string): Passage | undefined {
    const index = this.lookup.get(idOrKey);
    return index === undefined ? undefined : this.passages[index];
  }

  private citations(ranked: Ranked[], bestScore: number, tags: Set<string>, limit: number): Citation[] {
    const cited: { citation: Citation; terms: ClaimTerms; doc: number }[] = [];
    const { corroboration } = INDEX_OPTIONS;
    for (const r of ranked.slice(0, corroboration.depth)) {
      const passage = this.passages[r.passage];
      const document = passage && this.documentList[passage.doc];
      if (!passage || !document) continue;
      // Another document's sentence joins a citation as a source or a denial on its own words'
      // likeness to it, however weakly it matches the question ("Did the Kremlin deny…?" still
      // shows the reports it denies); a citation of its own must match the question well.
      const weak = r.score < bestScore * INDEX_OPTIONS.minRelativeScore || r.coverage < INDEX_OPTIONS.minCoverage / 2;
      if (weak && !cited.some((c) => c.doc !== passage.doc)) continue;
      const location = { paragraph: passage.paragraph, sentence: passage.sentence, start: passage.quoteStart, end: passage.end };
      const terms = this.claimTermsOf(r.passage);
      // Another document stating the same claim joins its sources; one denying it is shown beside it.
      const relation = cited
        .filter((c) => c.doc !== passage.doc)
        .map((c) => ({ c, relation: relate(c.terms, terms, corroboration) }))
        .find((x) => x.relation !== 'unrelated');
      if (relation) {
        const { citation } = relation.c;
        const text = document.body.slice(passage.start, passage.end);
        if (relation.relation === 'same' && !citation.sources.some((s) => s.document.id === document.id)) {
          citation.sources.push({ document: documentRef(document), location, ...(normalizeSentence(text) !== normalizeSentence(citation.quote) && { quote: text }) });
          citation.singleSource = false;
        } else if (relation.relation === 'counter' && !citation.counterClaims.some((x) => x.document.id === document.id)) {
          citation.counterClaims.push({ quote: text, document: documentRef(document), location: { ...location, start: passage.start }, claim: passage.claim });
        }
        continue;
      }
      if (weak || cited.length >= limit) continue;
      const quote = document.body.slice(passage.quoteStart, passage.end);
      const highlights = this.highlights(quote, new Set(r.matchedTerms), tags);
      cited.push({
        doc: passage.doc,
        terms,
        citation: {
          id: passage.id,
          key: passage.key,
          quote,
          includesPrevious: passage.quoteStart !== passage.start,
          document: documentRef(document),
          location,
          sources: [{ document: documentRef(document), location }],
          singleSource: true,
          counterClaims: [],
          score: Math.round(r.score * 1e4) / 1e4,
          coverage: Math.round(Math.min(1, r.coverage) * 1e4) / 1e4,
          matched: [...new Set(highlights.map((h) => quote.slice(h.start, h.end)))],
          highlights,
          claim: passage.claim,
        },
      });
    }
    return cited.map((c) => c.citation);
  }

  /** "What's the latest?": the opening sentence of each document, newest report first. */
  private leads(question: string, limit: number): AnswerResult {
    const firsts = this.passages
      .map((p, index) => ({ p, index }))
      .filter(({ p }) => p.paragraph === 1 && p.sentence === 1)
      .sort((a, b) => (this.published[b.p.doc] ?? 0) - (this.published[a.p.doc] ?? 0) || a.index - b.index)
      .map(({ index }) => given(index));
    const [first, ...rest] = this.citations(firsts, 1, new Set(), limit);
    return first ? { status: 'answered', question, citations: [first, ...rest] } : this.decline(question, 'no_content');
  }

  /** A passage's words and names, IDF-weighted, for comparing claims (cached: answers reuse them). */
  private claimTermsOf(index: number): ClaimTerms {
    const passage = this.passages[index];
    const text = passage?.text ?? '';
    const key = `${passage?.claim.source ?? ''}\u0000${text}`;
    let terms = this.claimTermsCache.get(key);
    if (!terms) {
      const analysed = analyzeText(text, this.matcher);
      const own = [...analysed.terms, ...analysed.tags];
      terms = claimTerms(passage as Passage, own, (t) => idf(this.vocabulary.df.get(t) ?? 0, this.vocabulary.size));
      if (this.claimTermsCache.size > 10_000) this.claimTermsCache.clear();
      this.claimTermsCache.set(key, terms);
    }
    return terms;
  }

  /** Words of the quote that carry a matched term, or belong to a matched name or synonym. */
  private highlights(quote: string, matchedTerms: Set<string>, tags: Set<string>): Citation['highlights'] {
    const all = tokenize(quote);
    const tokens = all.filter((t) => t.term !== '');
    const marked = new Set<number>();
    tokens.forEach((t, i) => {
      if (matchedTerms.has(t.term)) marked.add(i);
    });
    for (const m of this.matcher.match(termsOf(all), followers(all))) {
      if (tags.has(m.tag)) for (let i = m.from; i < m.to; i++) marked.add(i);
    }
    return [...marked].sort((a, b) => a - b).flatMap((i) => {
      const t = tokens[i];
      return t ? [{ start: t.start, end: t.end }] : [];
    });
  }

  private decline(question: string, reason: NoAnswerReason, length?: number): NoAnswer {
    return { status: 'no_answer', question, citations: [], reason, message: declineMessage(reason, length), suggestions: [...this.suggestionList] };
  }

  /** Example questions, each checked to be answered by this very index. */
  private pickSuggestions(): string[] {
    const picked: string[] = [];
    const seen = new Set<string>();
    for (const candidate of suggestionCandidates(this.passages, this.documentList, this.data.entities, this.matcher)) {
      const result = this.ask(candidate);
      const top = result.status === 'answered' ? result.citations[0]?.id : undefined;
      if (top === undefined || seen.has(top)) continue;
      seen.add(top);
      picked.push(candidate);
      if (picked.length === 3) break;
    }
    return picked;
  }
}

/** A sentence that has its event still ahead ("will stand alongside", "ahead of crucial discussions"): it cannot say how the event turned out. */
const AHEAD = /\b(?:will|ahead of|upcoming|forthcoming)\b/i;

function declineMessage(reason: NoAnswerReason, length?: number): string {
  switch (reason) {
    case 'empty':
      return 'Please ask a question about the documents, for example one of these.';
    case 'too_long':
      return `That question is ${length ?? 'over 500'} characters long; questions are limited to ${INDEX_OPTIONS.maxQuestionLength}. Please ask it more briefly.`;
    case 'no_content':
      return 'I could not find anything to look up in that. Ask about a person, place or part of the deal, for example:';
    case 'not_covered':
      return "The documents don't say. I only answer from the sources I have, and none of them covers that question.";
  }
}

function documentRef(document: KnowledgeDocument): DocumentRef {
  return {
    id: document.id,
    title: document.title,
    ...(document.publisher !== undefined && { publisher: document.publisher }),
    ...(document.url !== undefined && { url: document.url }),
    ...(document.published !== undefined && { published: document.published }),
  };
}

function normalizeSentence(text: string): string {
  return text.normalize('NFKC').replace(/[“”"]/g, '"').replace(/[‘’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The word vectors. Their digest depends on nothing but the installed package, so there is one
 * per machine, in the default cache folder (DEALDESK_CACHE_DIR), whatever folder an engine keeps
 * its index snapshots in.
 */
function wordVectors(): WordVectors {
  return loadWordVectors(defaultCacheDir(), INDEX_OPTIONS.similar);
}

/** A passage chosen without a question (a quote asked for by id, a newest lead): fully covering, no terms matched. */
function given(passage: number): Ranked {
  return { passage, score: 1, coverage: 1, literalCoverage: 1, credits: [], literalCredits: [], matchedTerms: [] };
}

/** What re-ranking keeps of a candidate passage (Engine.facts). */
interface PassageFacts {
  /** Word positions of each term and tag, for term proximity. */
  where: Map<string, number[]>;
  /** Its content words, until they become `rows` (kept only before the vectors are read). */
  words: string[] | undefined;
  /** Vector rows of its content words, for word-vector nearness (on first use). */
  rows?: Int32Array;
}

/**
 * For each place entity WordNet knows (by its name or an alias), the place entities it lies
 * within ("@donetsk" → ["@ukraine", "@europe"]): WordNet's part holonyms, as entities of the
 * knowledge. A place WordNet does not know is left out (unknown, not "nowhere").
 */
function placeContainers(entities: Knowledge['entities'], matcher: PhraseMatcher, within: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const entity of entities.entities) {
    if (entity.type !== 'place') continue;
    const found = [entity.name, ...entity.aliases].map((n) => within[normalizeWord(n)]).filter((c) => c !== undefined);
    if (found.length === 0) continue;
    const tags = found.flat().flatMap((container) => matcher.matchText(container).flatMap((m) => (m.type === 'place' && m.tag !== `@${entity.id}` ? [m.tag] : [])));
    out[`@${entity.id}`] = [...new Set(tags)].sort();
  }
  return out;
}

/** WordNet's lexicographer files of each entity type: people; places, buildings and continents; groups. */
const ENTITY_FILES: Readonly<Record<string, readonly string[]>> = { person: ['18'], place: ['15', '06', '17'], organisation: ['14'], group: ['14'] };

/**
 * For each of an entity's name and aliases WordNet knows as an instance of the entity's type
 * (by its lexicographer file: "Sun" the newspaper is not a star), that name's first such sense.
 */
function instanceSenses(entity: Knowledge['entities']['entities'][number], kinds: WordnetDigest['kinds']): WordnetDigest['kinds'][string] {
  const files = ENTITY_FILES[entity.type] ?? [];
  return [entity.name, ...entity.aliases].flatMap((name) => kinds[normalizeWord(name)]?.find((k) => files.includes(k.file)) ?? []);
}

/**
 * "The peninsula" is Crimea when Crimea is the knowledge's only peninsula: for each one-word kind
 * that WordNet gives exactly one entity (by its names' instance senses: instanceSenses), that
 * entity's tag, by the kind's term.
 */
function describedEntities(entities: Knowledge['entities'], kinds: WordnetDigest['kinds']): Record<string, string> {
  const of = new Map<string, Set<string>>();
  for (const entity of entities.entities) {
    for (const sense of instanceSenses(entity, kinds)) {
      for (const kind of sense.kinds) {
        const term = toTerm(kind);
        if (term !== '') of.set(term, (of.get(term) ?? new Set()).add(`@${entity.id}`));
      }
    }
  }
  return Object.fromEntries([...of].flatMap(([term, tags]) => (tags.size === 1 ? [[term, [...tags][0] as string]] : [])).sort());
}

/**
 * What kind of place each place entity is, by WordNet's instance hypernyms and the kinds above
 * them (the first place sense of its name or an alias): "@kyiv" → capital, city, …; "@ukraine"
 * → country, state, …; as terms. A place WordNet does not know has no entry.
 */
function placeKinds(entities: Knowledge['entities'], kinds: WordnetDigest['kinds']): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const entity of entities.entities) {
    const [sense] = entity.type === 'place' ? instanceSenses(entity, kinds) : [];
    if (sense) out[`@${entity.id}`] = [...new Set([...sense.kinds, ...sense.broader].map((k) => toTerm(k)).filter((t) => t !== ''))].sort();
  }
  return out;
}
