import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Engine } from '../../src/answer/engine.js';
import type { BeirDataset } from './beir-dataset.js';
import { evaluateRun, trecOrder, type Hit } from './beir-metrics.js';
import { defaultMiniSearch, defaultSearch } from './default-minisearch.js';
import { tempFolder, writeKnowledgeFolder } from './knowledge-folder.js';
import { progressBar, whileBlocking } from './progress.js';
import type { z } from 'zod';
import type { BeirReportSchema } from './report-schemas.js';
import { timed, timedLatency } from './stats.js';

/** Documents ranked per query (the issue asks for the top 100). */
export const RUN_DEPTH = 100;

export type BeirReport = z.infer<typeof BeirReportSchema>;

export interface BeirOptions {
  /** Write dealdesk's run here as a TREC run file. */
  runFile?: string | undefined;
  /** Progress on stderr (off in tests). */
  progress?: boolean;
}

/**
 * The BEIR benchmark: indexes the corpus with the bot's own engine (documents written as
 * knowledge Markdown, `Engine.open`, `searchDocuments`) and with default MiniSearch, in one run,
 * and scores both on the split's qrels.
 */
export function runBeir(dataset: BeirDataset, options: BeirOptions = {}): BeirReport {
  const show = options.progress ?? false;
  const loadAverage = loadavg()[0] ?? 0;
  const folder = tempFolder('beir');
  try {
    const writing = show ? progressBar('writing knowledge files', dataset.corpus.length) : undefined;
    const toCorpusId = writeKnowledgeFolder(folder.dir, dataset.corpus, (n) => writing?.tick(n));
    writing?.done();

    const build = timed(() => {
      const open = (): Engine => Engine.open({ knowledgeDir: folder.dir, cacheDir: null });
      return show ? whileBlocking(`dealdesk: indexing ${dataset.corpus.length} documents`, open) : open();
    });
    const engine = build.value;
    const ours = search(dataset, show ? 'dealdesk: searching' : undefined, (text) =>
      engine.searchDocuments(text, RUN_DEPTH).map((h) => ({ id: toCorpusId.get(h.id) ?? h.id, score: h.score })),
    );
    if (options.runFile !== undefined) writeRunFile(options.runFile, ours.run, 'dealdesk');

    const baseline = timed(() => defaultMiniSearch(['title', 'text'], dataset.corpus.map((d, id) => ({ id, title: d.title, text: d.text }))));
    const theirs = search(dataset, show ? 'default MiniSearch: searching' : undefined, (text) =>
      defaultSearch(baseline.value, text, RUN_DEPTH).map((h) => ({ id: dataset.corpus[h.index]?.id ?? '', score: h.score })),
    );

    return {
      dataset: dataset.dir,
      split: dataset.split,
      documents: dataset.corpus.length,
      queries: dataset.queries.length,
      sentences: engine.size,
      loadAverage,
      dealdesk: { metrics: evaluateRun(ours.run, dataset.qrels), indexBuildMs: build.ms, indexBuildCpuMs: build.cpuMs, query: timedLatency(ours.times) },
      defaultMiniSearch: { metrics: evaluateRun(theirs.run, dataset.qrels), indexBuildMs: baseline.ms, indexBuildCpuMs: baseline.cpuMs, query: timedLatency(theirs.times) },
    };
  } finally {
    folder.cleanup();
  }
}

function search(dataset: BeirDataset, label: string | undefined, rank: (text: string) => Hit[]): { run: Map<string, Hit[]>; times: { ms: number; cpuMs: number }[] } {
  const bar = label === undefined ? undefined : progressBar(label, dataset.queries.length);
  const run = new Map<string, Hit[]>();
  const times: { ms: number; cpuMs: number }[] = [];
  dataset.queries.forEach((q, i) => {
    const { value, ms, cpuMs } = timed(() => rank(q.text));
    run.set(q.id, value);
    times.push({ ms, cpuMs });
    bar?.tick(i + 1);
  });
  bar?.done();
  return { run, times };
}

/** TREC run format: `qid Q0 docid rank score tag`, ranks from 1 in trec_eval's order. */
export function formatRun(run: ReadonlyMap<string, readonly Hit[]>, tag: string): string {
  const lines: string[] = [];
  for (const [query, hits] of run) {
    trecOrder(hits)
      .slice(0, RUN_DEPTH)
      .forEach((hit, i) => lines.push(`${query} Q0 ${hit.id} ${i + 1} ${String(hit.score)} ${tag}`));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function writeRunFile(path: string, run: ReadonlyMap<string, readonly Hit[]>, tag: string): void {
  writeFileSync(path, formatRun(run, tag));
}
