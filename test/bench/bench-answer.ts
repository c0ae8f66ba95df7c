/**
 * `npm run bench [-- --dataset DIR] [--json]`: answer speed (issue "Core Q&A engine", point 10).
 * 1. The seed knowledge: answer p50/p99 over the dev questions.
 * 2. A ~10k-sentence knowledge folder made from BEIR SciFact abstracts: index build, snapshot
 *    write and load, and answer time beside a default MiniSearch search over the same sentences,
 *    same questions, same process (medians and their ratio; these machines are shared and noisy).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Engine } from '../../src/answer/engine.js';
import { readEvalSet } from '../../src/eval/evaluate.js';
import { readBeirDataset, DEFAULT_DATASET } from './beir-dataset.js';
import { defaultMiniSearch } from './default-minisearch.js';
import { tempFolder, writeKnowledgeFolder } from './knowledge-folder.js';
import { latency, round, timed, type Latency } from './stats.js';
import { useServingHeap } from '../../src/answer/serving-heap.js';

const { values } = parseArgs({ options: { dataset: { type: 'string', default: DEFAULT_DATASET }, json: { type: 'boolean', default: false }, sentences: { type: 'string', default: '10000' } } });
const log = (m: string): void => void process.stderr.write(`${m}\n`);

/** Times `fn` over every question, `rounds` times, interleaving the two systems to share noise. */
function measure(questions: readonly string[], rounds: number, fns: Record<string, (q: string) => unknown>): Record<string, Latency> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      for (const [name, fn] of Object.entries(fns)) {
        const started = performance.now();
        fn(q);
        samples[name]?.push(performance.now() - started);
      }
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, latency(v)]));
}

// 1. Seed.
const seed = Engine.open({ knowledgeDir: 'knowledge' });
const dev = readEvalSet('test/eval/questions.yaml');
const seedQuestions = [...dev.answerable.map((a) => a.q), ...dev.offtopic.map((o) => o.q)];
for (const q of seedQuestions) seed.ask(q); // warm up the JIT
const seedLatency = measure(seedQuestions, 20, { answer: (q) => seed.ask(q) }).answer;
log(`seed: ${seed.size} sentences, answer p50 ${seedLatency?.p50.toFixed(3)} ms, p99 ${seedLatency?.p99.toFixed(3)} ms`);

// 2. ~10k sentences from SciFact.
const target = Number(values.sentences);
const dataset = readBeirDataset(values.dataset, 'test');
const folder = tempFolder('bench');
const cache = tempFolder('bench-cache');
// The engine runs as the bot runs it (answer/serving-heap.ts).
useServingHeap();
try {
  // About 9–10 sentences per abstract: take enough abstracts, then count exactly after indexing.
  writeKnowledgeFolder(join(folder.dir), dataset.corpus.slice(0, Math.ceil(target / 9)));
  log('building the index…');
  const build = timed(() => Engine.open({ knowledgeDir: folder.dir, cacheDir: cache.dir }));
  const load = timed(() => Engine.open({ knowledgeDir: folder.dir, cacheDir: cache.dir }));
  const engine = load.value;
  const sentences = engine.allPassages().map((p, id) => ({ id, text: p.text }));
  const baseline = defaultMiniSearch(['text'], sentences);
  const questions = dataset.queries.map((q) => q.text);
  for (const q of questions.slice(0, 50)) {
    engine.ask(q);
    baseline.search(q);
  }
  const big = measure(questions, 3, { answer: (q) => engine.ask(q), defaultMiniSearch: (q) => baseline.search(q) });
  const ratio = (big.answer?.p50 ?? NaN) / (big.defaultMiniSearch?.p50 ?? NaN);
  const report = {
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    seed: { sentences: seed.size, questions: seedQuestions.length, answerMs: seedLatency },
    large: {
      documents: engine.documents.length,
      sentences: engine.size,
      questions: questions.length,
      buildMs: round(build.ms, 0),
      snapshotLoadMs: round(load.ms, 1),
      answerMs: big.answer,
      defaultMiniSearchMs: big.defaultMiniSearch,
      ratioP50: round(ratio, 3),
    },
  };
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else {
    const l = report.large;
    console.log(`seed (${seed.size} sentences, ${seedQuestions.length} questions × 20): answer p50 ${seedLatency?.p50.toFixed(3)} ms, p99 ${seedLatency?.p99.toFixed(3)} ms`);
    console.log(`SciFact slice: ${l.documents} documents, ${l.sentences} sentences; index build ${l.buildMs} ms (incl. snapshot write), snapshot load ${l.snapshotLoadMs} ms`);
    console.log(`  answer            p50 ${l.answerMs?.p50.toFixed(3)} ms  p99 ${l.answerMs?.p99.toFixed(3)} ms  (${l.questions} questions × 3)`);
    console.log(`  default MiniSearch p50 ${l.defaultMiniSearchMs?.p50.toFixed(3)} ms  p99 ${l.defaultMiniSearchMs?.p99.toFixed(3)} ms`);
    console.log(`  ratio answer / default MiniSearch (p50): ${l.ratioP50}  (target < 1)`);
  }
} finally {
  folder.cleanup();
  cache.cleanup();
}
