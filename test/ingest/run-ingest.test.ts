import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/cli/ingest.js';
import { inspectKnowledge } from '../../src/knowledge/load-knowledge.js';
import { tempKnowledge } from '../helpers.js';
import { startPageServer, type PageServer } from './page-server.js';

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer();
});
afterAll(() => server.close());

let folder = tempKnowledge({});
afterEach(() => folder.cleanup());

function capture(isTTY = false): { isTTY: boolean; columns: number; text: string; write(chunk: string): boolean } {
  return {
    isTTY,
    columns: 100,
    text: '',
    write(chunk) {
      this.text += chunk;
      return true;
    },
  };
}

async function run(inputs: string[], options: { progress?: boolean; tty?: boolean; title?: string } = {}) {
  folder = tempKnowledge({});
  const stdout = capture();
  const stderr = capture(options.tty);
  const code = await runIngest({
    knowledgeDir: folder.dir,
    inputs,
    title: options.title,
    progress: options.progress ?? false,
    limits: { timeoutMs: 500 },
    stdout,
    stderr,
    now: () => new Date('2025-08-20T12:00:00Z'),
  });
  return { code, stdout: stdout.text, stderr: stderr.text, dir: folder.dir };
}

describe('runIngest', () => {
  it('prints what it wrote; carries on past a failure, one line for it on stderr; exit 1', async () => {
    const { code, stdout, stderr, dir } = await run([server.url('/wire/observers'), server.url('/gone'), server.url('/ledger/river-ports')]);
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        `wrote ${join(dir, 'observers-to-begin-patrols-next-week.md')}`,
        '  title:      Observers to begin patrols next week',
        '  publisher:  Wire Service',
        '  published:  (none found)',
        `  url:        ${server.url('/wire/observers')}`,
        '  paragraphs: 3',
        '1 of 3 written, 2 failed (see above).',
        '',
      ].join('\n'),
    );
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`dealdesk ingest: HTTP 404 Not Found from ${server.url('/gone')}: the page does not exist (any more). Check the address. [not_found]`);
    expect(lines[1]).toMatch(/^dealdesk ingest: .*river-ports: empty extraction .* \[empty\]$/);
    expect(readdirSync(dir)).toEqual(['observers-to-begin-patrols-next-week.md']);
    expect(inspectKnowledge(dir).problems).toEqual([]);
  });

  it('exits 0 when everything was written, and 2 for bad usage', async () => {
    expect((await run([server.url('/wire/observers')])).code).toBe(0);
    const none = await run([]);
    expect(none).toMatchObject({ code: 2, stderr: expect.stringContaining('give at least one URL or .html/.txt file') });
    expect((await run(['a.txt', 'b.txt'], { title: 'One title' })).code).toBe(2);
  });

  it('shows progress on stderr only: plain lines when forced on a pipe, a bar on a terminal, nothing otherwise', async () => {
    const inputs = [server.url('/wire/observers'), server.url('/text/prisoners.txt')];
    const quiet = await run(inputs);
    expect(quiet.stderr).toBe('');
    const forced = await run(inputs, { progress: true });
    expect(forced.stderr).toBe(`ingest 1/2: ${inputs[0]}\ningest 2/2: ${inputs[1]}\ningest: 2/2 done\n`);
    expect(forced.stdout).not.toContain('ingest 1/2');
    const tty = await run(inputs, { tty: true });
    expect(tty.stderr).toContain('] 2/2 ');
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
  });
});

describe('dealdesk ingest (the real command line)', () => {
  // Each run starts Node with tsx (seconds on a busy machine), hence the longer timeouts.
  it('is wired into main: --knowledge, the exit code, stdout and stderr', { timeout: 90_000 }, async () => {
    folder = tempKnowledge({});
    const exec = promisify(execFile);
    // Async, so the loopback server in this process can answer while the command runs.
    const ok = await exec(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', '--knowledge', folder.dir, server.url('/wire/observers')]);
    expect(ok.stdout).toMatch(/^wrote .*observers-to-begin-patrols-next-week\.md\n {2}title: {6}Observers to begin patrols next week\n/);
    expect(ok.stderr).toBe('');
    const failed = await exec(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', '--knowledge', folder.dir, server.url('/wire/observers')]).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/already in the knowledge folder as observers-to-begin-patrols-next-week\.md; not fetched again\. \[duplicate\]\n$/) });
  });

  it('exits 1 with the fix when the knowledge folder does not exist', { timeout: 60_000 }, async () => {
    const exec = promisify(execFile);
    const failed = await exec(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', '--knowledge', '/nonexistent/kb', 'x.txt']).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('does not exist. Create it') });
  });
});
