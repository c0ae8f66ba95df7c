import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.js';
import { CoverageReportSchema } from '../../src/gaps/coverage-report.js';
import { reportKnowledge, tempData } from './gap-fixtures.js';
import { reportData } from './report-data.js';

const kb = reportKnowledge();
const data = tempData(reportData(kb));
afterAll(() => {
  kb.cleanup();
  data.cleanup();
});

async function run(json: boolean, top?: string) {
  let stdout = '';
  let stderr = '';
  const code = await runReport({
    knowledgeDir: kb.dir,
    dataDir: data.dir,
    json,
    top,
    open: () => kb.engine,
    stdout: { write: (c: string) => (stdout += c) },
    stderr: { write: (c: string) => (stderr += c) },
  });
  return { code, stdout, stderr };
}

describe('runReport', () => {
  it('--json prints one valid object', async () => {
    const { code, stdout } = await run(true, '2');
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const report = CoverageReportSchema.parse(JSON.parse(stdout));
    expect(report.unanswered).toHaveLength(2);
    expect(report.neverCited.map((d) => d.id)).toEqual(['prisoners']);
  });

  it('prints text by default', async () => {
    const { code, stdout } = await run(false);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Coverage report for /);
  });

  it.each(['0', '-3', 'ten', '1.5'])('exits 2 for --top %j', async (top) => {
    const { code, stderr, stdout } = await run(false, top);
    expect(code).toBe(2);
    expect(stderr).toBe(`dealdesk report: --top must be a whole number from 1 to 10000 (got "${top}").\n`);
    expect(stdout).toBe('');
  });
});

describe('dealdesk report (the real command line)', () => {
  it('reads --knowledge and --data, or DEALDESK_DATA_DIR', { timeout: 90_000 }, async () => {
    const exec = promisify(execFile);
    const args = ['--import', 'tsx', 'src/cli/main.ts', 'report', '--json', '--knowledge', kb.dir];
    const byFlag = await exec(process.execPath, [...args, '--data', data.dir]);
    expect(CoverageReportSchema.parse(JSON.parse(byFlag.stdout)).dataDir).toBe(data.dir);
    const byEnv = await exec(process.execPath, args, { env: { ...process.env, DEALDESK_DATA_DIR: data.dir } });
    expect(CoverageReportSchema.parse(JSON.parse(byEnv.stdout)).questions.declined).toBe(4);
  });
});
