import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BEIR_MINI, BEIR_MINI_DIR as MINI } from '../fixtures/beir-mini/index.js';
import { readBeirDataset } from './beir-dataset.js';
import { BeirReportSchema } from './report-schemas.js';
import { runBeir } from './run-beir.js';

const scratch = mkdtempSync(join(tmpdir(), 'dealdesk-beir-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('BEIR benchmark on the 50-document fixture', () => {
  it('reads the slice: every judged query, grades from the qrels', () => {
    const dataset = readBeirDataset(MINI, 'test');
    expect(dataset.corpus).toHaveLength(BEIR_MINI.documents);
    expect(dataset.queries).toHaveLength(BEIR_MINI.queries);
    expect([...dataset.qrels.values()].reduce((n, judged) => n + judged.size, 0)).toBe(BEIR_MINI.judgments);
    expect(dataset.qrels.get('1')?.get('31715818')).toBe(1);
  });

  it('runs dealdesk and default MiniSearch and reports sane metrics and a TREC run file', () => {
    const runFile = join(scratch, 'run.txt');
    const report = BeirReportSchema.parse(runBeir(readBeirDataset(MINI, 'test'), { runFile }));
    for (const system of [report.dealdesk, report.defaultMiniSearch]) {
      expect(system.metrics.queries).toBe(BEIR_MINI.queries);
      // On 50 documents with hard distractors both engines find most answers, but not trivially all.
      expect(system.metrics.ndcg10).toBeGreaterThan(0.3);
      expect(system.metrics.recall100).toBeGreaterThan(0.5);
      expect(system.metrics.mrr10).toBeLessThanOrEqual(1);
      expect(system.query.count).toBe(BEIR_MINI.queries);
      expect(system.query.p99).toBeGreaterThanOrEqual(system.query.p50);
    }
    expect(report.sentences).toBeGreaterThan(50);
    const lines = readFileSync(runFile, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^1 Q0 \S+ 1 -?[\d.e+-]+ dealdesk$/);
    // Ranks restart at 1 for each query and scores never rise within a query.
    const first = lines.filter((l) => l.startsWith('1 ')).map((l) => Number(l.split(' ')[4]));
    expect(first).toEqual([...first].sort((a, b) => b - a));
  });

  it('reads corpus.jsonl.gz and names the missing file when a folder is incomplete', () => {
    const gz = join(scratch, 'gz');
    cpSync(MINI, gz, { recursive: true });
    writeFileSync(join(gz, 'corpus.jsonl.gz'), gzipSync(readFileSync(join(MINI, 'corpus.jsonl'))));
    rmSync(join(gz, 'corpus.jsonl'));
    expect(readBeirDataset(gz, 'test').corpus).toHaveLength(BEIR_MINI.documents);
    expect(() => readBeirDataset(gz, 'train')).toThrow(/missing .*qrels\/train\.tsv/);
  });
});

describe('npm run bench:beir (the command line)', () => {
  const cli = (...args: string[]): { status: number | null; stdout: string; stderr: string } =>
    spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./beir.ts', import.meta.url)), ...args], { encoding: 'utf8' });

  it('says which folder is missing and exits 1', () => {
    const { status, stderr } = cli('--dataset', join(scratch, 'nowhere'));
    expect(status).toBe(1);
    expect(stderr).toMatch(/BEIR dataset folder ".*nowhere" does not exist\. Pass --dataset DIR/);
  });
});
