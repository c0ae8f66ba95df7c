import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { NoAnswer } from '../../../src/answer/result.js';
import { GapStore } from '../../../src/gaps/gap-store.js';
import { logQuestion } from '../../../adapters/discord/log-question.js';

describe('logQuestion', () => {
  it('records a declined question for the coverage report, without the user unless asked', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dealdesk-gaps-'));
    try {
      const log = pino({ level: 'silent' });
      const declined: NoAnswer = { status: 'no_answer', question: 'Who won the Super Bowl?', citations: [], reason: 'not_covered', message: 'no', suggestions: [] };
      await logQuestion({ gaps: new GapStore({ dataDir, logUsers: false }), log }, declined, 'U1', 'r1');
      await logQuestion({ gaps: new GapStore({ dataDir, logUsers: true }), log }, declined, 'U2', 'r2');
      const lines = readFileSync(join(dataDir, 'questions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.map((l) => [l['kind'], l['platform'], l['question'], l['user']])).toEqual([
        ['declined', 'discord', 'Who won the Super Bowl?', undefined],
        ['declined', 'discord', 'Who won the Super Bowl?', 'U2'],
      ]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('never throws when the log cannot be written', async () => {
    const warnings: string[] = [];
    const log = { warn: (_o: unknown, m: string) => warnings.push(m) } as unknown as pino.Logger;
    // A data folder below a regular file can never be created.
    const dir = mkdtempSync(join(tmpdir(), 'dealdesk-gaps-'));
    writeFileSync(join(dir, 'file'), '');
    const gaps = new GapStore({ dataDir: join(dir, 'file', 'data'), logUsers: false });
    const declined: NoAnswer = { status: 'no_answer', question: 'x', citations: [], reason: 'not_covered', message: 'no', suggestions: [] };
    await expect(logQuestion({ gaps, log }, declined, 'U', 'r')).resolves.toBeUndefined();
    expect(warnings).toEqual(['could not record the question for the coverage report']);
    rmSync(dir, { recursive: true, force: true });
  });
});
