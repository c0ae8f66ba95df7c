/**
 * Regenerates test/fixtures/beir-mini, the 50-document slice the smoke test runs on:
 * `node dist/test/bench/make-beir-mini.js [--dataset DIR] [--out DIR]`.
 * It takes the first 12 judged test queries, every document judged for them, and fills up to
 * 50 documents with the ones default MiniSearch ranks highest for those queries (hard
 * distractors, so the metrics are not trivially 1).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATASET, readBeirDataset } from './beir-dataset.js';
import { defaultMiniSearch, defaultSearch } from './default-minisearch.js';

const DOCUMENTS = 50;
const QUERIES = 12;

const { values } = parseArgs({
  options: { dataset: { type: 'string', default: DEFAULT_DATASET }, out: { type: 'string', default: 'test/fixtures/beir-mini' } },
});
const full = readBeirDataset(values.dataset, 'test');
const queries = full.queries.slice(0, QUERIES);
const keep = new Set(queries.flatMap((q) => [...(full.qrels.get(q.id)?.keys() ?? [])]));
const index = defaultMiniSearch(['title', 'text'], full.corpus.map((d, id) => ({ id, title: d.title, text: d.text })));
const hits = queries.map((q) => defaultSearch(index, q.text, 20));
for (let rank = 0; keep.size < DOCUMENTS && rank < 20; rank++) {
  for (const list of hits) {
    const id = full.corpus[list[rank]?.index ?? -1]?.id;
    if (id !== undefined && keep.size < DOCUMENTS) keep.add(id);
  }
}
const corpus = full.corpus.filter((d) => keep.has(d.id));
mkdirSync(join(values.out, 'qrels'), { recursive: true });
writeFileSync(join(values.out, 'corpus.jsonl'), corpus.map((d) => JSON.stringify({ _id: d.id, title: d.title, text: d.text })).join('\n') + '\n');
writeFileSync(join(values.out, 'queries.jsonl'), queries.map((q) => JSON.stringify({ _id: q.id, text: q.text })).join('\n') + '\n');
const qrels = queries.flatMap((q) => [...(full.qrels.get(q.id) ?? [])].map(([doc, grade]) => `${q.id}\t${doc}\t${grade}`));
writeFileSync(join(values.out, 'qrels', 'test.tsv'), ['query-id\tcorpus-id\tscore', ...qrels].join('\n') + '\n');
console.log(`${values.out}: ${corpus.length} documents, ${queries.length} queries, ${qrels.length} judgments`);
