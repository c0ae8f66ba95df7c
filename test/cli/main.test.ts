import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { AnswerResultSchema } from '../../src/answer/result.js';
import { doc, tempKnowledge } from '../helpers.js';

// The real command line, run as users run it (through tsx, so no build is needed).
function dealdesk(args: string[], input?: string, env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, DEALDESK_CACHE_DIR: process.env['DEALDESK_CACHE_DIR'], ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const other = tempKnowledge({ 'x.md': doc('Other folder', 'The envoy arrived in Geneva on Monday.') });
afterAll(() => other.cleanup());

describe('dealdesk ask', () => {
  it('prints the answer as a person reads it: quote, claim label, source line', () => {
    const { code, stdout } = dealdesk(['ask', 'sanctions relief']);
    expect(code).toBe(0);
    expect(stdout).toContain('“Western diplomats informed Reuters that the agreement includes gradual sanctions relief');
    expect(stdout).toContain('Anonymous sources: Western diplomats, via Reuters');
    expect(stdout).toMatch(/— Putin reportedly approves .*, paragraph 8/);
  });

  it('--json prints one valid object; stdin mode answers one line per question, in order, nothing else on stdout', () => {
    const one = dealdesk(['ask', '--json', 'nato bid']);
    expect(AnswerResultSchema.parse(JSON.parse(one.stdout)).status).toBe('answered');
    const many = dealdesk(['ask', '--json'], 'nato bid\nWho won the Super Bowl?\n\n<!channel> @everyone 🙂\n');
    const lines = many.stdout.trimEnd().split('\n').map((l) => AnswerResultSchema.parse(JSON.parse(l)));
    expect(lines.map((r) => r.status)).toEqual(['answered', 'no_answer', 'no_answer', 'no_answer']);
    expect(lines[0]?.question).toBe('nato bid');
  });

  it('uses --knowledge and DEALDESK_KNOWLEDGE_DIR', () => {
    const byFlag = JSON.parse(dealdesk(['ask', '--json', '--knowledge', other.dir, 'envoy Geneva']).stdout);
    expect(byFlag.citations[0].document.id).toBe('x');
    const byEnv = JSON.parse(dealdesk(['ask', '--json', 'envoy Geneva'], '', { DEALDESK_KNOWLEDGE_DIR: other.dir }).stdout);
    expect(byEnv.citations[0].document.title).toBe('Other folder');
  });

  it('exits 2 on bad usage and 1 on a bad knowledge folder, with the fix on stderr', () => {
    expect(dealdesk(['frobnicate']).code).toBe(2);
    const missing = dealdesk(['ask', 'x', '--knowledge', '/nonexistent/kb']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/does not exist\. Create it/);
  });
});

describe('dealdesk check', () => {
  it('passes the seed folder and fails a bad one, naming file, field and fix', () => {
    const ok = dealdesk(['check']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK: 1 document\(s\), 17 sentences/);
    const bad = tempKnowledge({ 'a.md': '---\npublisher: X\n---\nBody.' });
    const result = dealdesk(['check', '--knowledge', bad.dir]);
    bad.cleanup();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('a.md: field "title" is missing or empty. Add a line "title: <the document\'s headline>".');
  });
});

describe('npm start without tokens', () => {
  it('with stdin not a terminal, prints what to configure and exits 0', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/start.ts'], { input: '', encoding: 'utf8', env: { PATH: process.env['PATH'] } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('DISCORD_TOKEN');
    expect(result.stdout).toContain('SLACK_BOT_TOKEN');
  });
});
