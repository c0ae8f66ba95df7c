/**
 * `npm run bench:beir -- --dataset DIR [--split test|train] [--run-file FILE] [--json]`:
 * retrieval quality on a BEIR dataset (default ../shared/data/beir-scifact), dealdesk beside
 * default MiniSearch in the same run. Progress goes to stderr; `--json` prints one JSON object.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_DATASET, readBeirDataset } from './beir-dataset.js';
import { BeirReportSchema } from './report-schemas.js';
import { runBeir, type BeirReport } from './run-beir.js';
import { round } from './stats.js';
import { useServingHeap } from '../../src/answer/serving-heap.js';

/** Published BM25 (Pyserini flat) on SciFact test, and the target. */
const SCIFACT_BM25_NDCG10 = 0.6789;
const TARGET_NDCG10 = 0.69;

function main(): void {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string', default: DEFAULT_DATASET },
      split: { type: 'string', default: 'test' },
      'run-file': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.split !== 'test' && values.split !== 'train') throw new Error(`--split must be "test" or "train", not "${values.split}".`);
  const dataset = readBeirDataset(values.dataset, values.split);
  process.stderr.write(`BEIR ${dataset.dir} (${dataset.split}): ${dataset.corpus.length} documents, ${dataset.queries.length} judged queries\n`);
  const report = BeirReportSchema.parse(runBeir(dataset, { runFile: values['run-file'], progress: true }));
  if (values.json) console.log(JSON.stringify(report));
  else console.log(formatReport(report, values['run-file']));
}

function formatReport(r: BeirReport, runFile: string | undefined): string {
  const ours = r.dealdesk;
  const base = r.defaultMiniSearch;
  const score = (x: number): string => x.toFixed(4);
  const ms = (x: number): string => `${x.toFixed(2)} ms`;
  const s = (x: number): string => `${(x / 1000).toFixed(1)} s`;
  const row = (label: string, a: string, b: string): string => `${label.padEnd(16)}${a.padStart(12)}${b.padStart(22)}`;
  const lines = [
    `BEIR ${r.dataset} — ${r.split} split: ${r.documents} documents (${r.sentences} sentences), ${r.queries} queries`,
    `load average ${r.loadAverage.toFixed(1)} at start on ${cpus().length} cores (wall times grow with load; CPU times do not)`,
    row('', 'dealdesk', 'default MiniSearch'),
    row('nDCG@10', score(ours.metrics.ndcg10), score(base.metrics.ndcg10)),
    row('recall@100', score(ours.metrics.recall100), score(base.metrics.recall100)),
    row('MRR@10', score(ours.metrics.mrr10), score(base.metrics.mrr10)),
    row('index build', s(ours.indexBuildMs), s(base.indexBuildMs)),
    row('  CPU time', s(ours.indexBuildCpuMs), s(base.indexBuildCpuMs)),
    row('query p50', ms(ours.query.p50), ms(base.query.p50)),
    row('query p99', ms(ours.query.p99), ms(base.query.p99)),
    row('  CPU p50', ms(ours.query.cpuP50), ms(base.query.cpuP50)),
    row('  CPU p99', ms(ours.query.cpuP99), ms(base.query.cpuP99)),
  ];
  if (r.split === 'test' && /scifact/i.test(r.dataset)) {
    const gap = ours.metrics.ndcg10 - TARGET_NDCG10;
    lines.push(
      `Target nDCG@10 ≥ ${TARGET_NDCG10} (published BM25 ${SCIFACT_BM25_NDCG10}): ` +
        (gap >= 0 ? `met (+${round(gap, 4)})` : `MISSED by ${round(-gap, 4)} (${round(ours.metrics.ndcg10 - SCIFACT_BM25_NDCG10, 4)} vs published BM25)`),
    );
  }
  if (runFile !== undefined) lines.push(`TREC run (dealdesk, top 100): ${runFile}`);
  return lines.join('\n');
}

// The engine runs as the bot runs it (answer/serving-heap.ts).
useServingHeap();
try {
  main();
} catch (error) {
  console.error(`bench:beir: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
