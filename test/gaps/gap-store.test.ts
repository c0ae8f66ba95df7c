import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { GapStore, LOW_CONFIDENCE_COVERAGE, recordQuestion, toRecord } from '../../src/gaps/gap-store.js';
import { QuestionRecordSchema } from '../../src/gaps/question-record.js';
import { answered, reportKnowledge, tempData } from './gap-fixtures.js';

const kb = reportKnowledge();
afterAll(() => kb.cleanup());
let data = tempData();
afterEach(() => data.cleanup());

const NOW = new Date('2025-08-20T12:00:00Z');
const store = (logUsers = false): GapStore => {
  data = tempData();
  return new GapStore({ dataDir: `${data.dir}/nested`, logUsers, now: () => NOW });
};
const lines = (s: GapStore): unknown[] => readFileSync(s.path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));

describe('recordQuestion', () => {
  it('records a question the documents do not cover, creating the folder, without the user by default', async () => {
    const s = store();
    const record = await recordQuestion(s, { platform: 'discord', result: kb.engine.ask('<@123> Who won the Super Bowl?'), user: 'U1' });
    // The engine's sanitised question: the mention is gone, so no user id slips in through the text.
    expect(record).toEqual({ at: '2025-08-20T12:00:00.000Z', platform: 'discord', kind: 'declined', question: 'Who won the Super Bowl?', reason: 'not_covered' });
    expect(lines(s)).toEqual([record]);
  });

  it('keeps user ids only when DEALDESK_LOG_USERS is on', async () => {
    const s = store(true);
    const record = await recordQuestion(s, { platform: 'slack', result: kb.engine.ask('Who won the Super Bowl?'), user: 'U1' });
    expect(record).toMatchObject({ kind: 'declined', user: 'U1' });
  });

  it('records an answer below the confidence threshold with its question, and a confident one without', async () => {
    const s = store(true);
    const weak = answered(kb.engine, 'When will observers patrol the northern front?', { coverage: LOW_CONFIDENCE_COVERAGE - 0.01 });
    const strong = answered(kb.engine, 'When will observers patrol the northern front?', { coverage: 1 });
    const key = kb.keyOf('The observers will patrol');
    expect(await recordQuestion(s, { platform: 'slack', result: weak, user: 'U1' })).toMatchObject({
      kind: 'low_confidence',
      question: 'When will observers patrol the northern front?',
      coverage: 0.69,
      topKey: key,
      documents: ['talks'],
      user: 'U1',
    });
    // A confident answer only says which passages were cited: no question, no user.
    const cited = await recordQuestion(s, { platform: 'slack', result: strong, user: 'U1' });
    expect(cited).toEqual({ at: NOW.toISOString(), platform: 'slack', kind: 'cited', coverage: 1, topKey: key, keys: strong.citations.map((c) => c.key), documents: [...new Set(strong.citations.map((c) => c.document.id))] });
    expect(lines(s).map((l) => QuestionRecordSchema.parse(l).kind)).toEqual(['low_confidence', 'cited']);
  });

  it.each(['', '   ', '🙂 !!', 'why '.repeat(200)])('does not record %j: empty, content-free and over-long questions say nothing about missing documents', async (question) => {
    const s = store();
    expect(await recordQuestion(s, { platform: 'cli', result: kb.engine.ask(question) })).toBeUndefined();
  });

  it('many concurrent records each land whole on their own line', async () => {
    const s = store();
    await Promise.all(Array.from({ length: 50 }, (_, i) => recordQuestion(s, { platform: 'discord', result: kb.engine.ask(`Who won the Super Bowl in ${1970 + i}?`) })));
    const parsed = lines(s).map((l) => QuestionRecordSchema.parse(l));
    expect(parsed).toHaveLength(50);
    expect(new Set(parsed.map((r) => (r.kind === 'declined' ? r.question : ''))).size).toBe(50);
  });
});

describe('toRecord', () => {
  it('is the decision alone, without writing', () => {
    expect(toRecord({ platform: 'cli', result: kb.engine.ask('Who won the Super Bowl?') }, NOW, false)).toMatchObject({ kind: 'declined' });
    expect(toRecord({ platform: 'cli', result: kb.engine.ask('') }, NOW, false)).toBeUndefined();
  });
});
