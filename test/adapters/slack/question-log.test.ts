import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../../src/answer/engine.js';
import { QuestionRecordSchema, type QuestionRecord } from '../../../src/gaps/question-record.js';
import { CHANNEL, appMention, directMessage } from './slack-payloads.js';
import { sectionTexts, startHttpSlack, type HttpSlack } from './http-harness.js';

const OFF_TOPIC = 'What is the weather in Paris tomorrow?';
const ARTICLE_5 = 'What did Witkoff say about Article 5?';

let engine: Engine;
let scratch: string;

/** The question log's records, parsed; [] before the first write. */
function records(dataDir: string): QuestionRecord[] {
  const path = join(dataDir, 'questions.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').trim().split('\n').map((line) => QuestionRecordSchema.parse(JSON.parse(line)));
}

/** Waits for the record the log gets after the reply (it is written just after the answer is sent). */
async function recordWith(dataDir: string, match: (r: QuestionRecord) => boolean): Promise<QuestionRecord> {
  return vi.waitFor(() => {
    const found = records(dataDir).find(match);
    if (found === undefined) throw new Error('not recorded yet');
    return found;
  });
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'dealdesk-slack-questions-'));
  engine = Engine.open({ knowledgeDir: 'knowledge', cacheDir: null });
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('the question log, by default (DEALDESK_LOG_USERS unset)', () => {
  let slack: HttpSlack;
  const dataDir = (): string => join(scratch, 'default');

  beforeAll(async () => {
    slack = await startHttpSlack({ DEALDESK_DATA_DIR: dataDir() }, { engine });
  });
  afterAll(() => slack?.stop());

  it('records a declined /ask as `declined`, without the user id', async () => {
    await slack.command('/ask', OFF_TOPIC, 'U0PRIVATE');
    const record = await recordWith(dataDir(), (r) => r.kind === 'declined' && r.question === OFF_TOPIC);
    expect(record).toEqual({ at: expect.any(String), platform: 'slack', kind: 'declined', question: OFF_TOPIC, reason: 'not_covered' });
    expect(readFileSync(join(dataDir(), 'questions.jsonl'), 'utf8')).not.toContain('U0PRIVATE');
  });

  it('records an answered /ask as `cited`: passages and documents only', async () => {
    await slack.command('/ask', ARTICLE_5);
    const record = await recordWith(dataDir(), (r) => r.kind === 'cited' && r.keys.length === 1);
    expect(record).toMatchObject({ platform: 'slack', kind: 'cited', documents: ['putin-peace-deal-security-guarantees'] });
    expect(record).not.toHaveProperty('question');
  });

  it('records mentions and DMs too, with the mention syntax gone from the question', async () => {
    const mentionTs = slack.fake.nextTs();
    await slack.event(appMention({ text: `<@${slack.fake.botUserId}> Who won the Eurovision song contest?`, ts: mentionTs }));
    await slack.fake.waitFor(() => slack.fake.callsOf('chat.postMessage').find((c) => c.args['channel'] === CHANNEL && c.args['thread_ts'] === mentionTs), 'the mention answer');
    expect(await recordWith(dataDir(), (r) => r.kind === 'declined' && r.question.includes('Eurovision'))).toMatchObject({ question: 'Who won the Eurovision song contest?' });

    const dm = slack.fake.addMessage({ channel: 'D0QUESTIONS', user: 'U0DM', text: 'Which football club won the league?' });
    await slack.event(directMessage({ text: dm.text, ts: dm.ts, channel: 'D0QUESTIONS', user: 'U0DM' }));
    expect(await recordWith(dataDir(), (r) => r.kind === 'declined' && r.question.includes('football'))).toMatchObject({ platform: 'slack' });
    expect(records(dataDir()).filter((r) => 'user' in r)).toEqual([]);
  });
});

describe('the question log with DEALDESK_LOG_USERS=on', () => {
  it('keeps the Slack user id on a declined question', async () => {
    const dataDir = join(scratch, 'with-users');
    const slack = await startHttpSlack({ DEALDESK_DATA_DIR: dataDir, DEALDESK_LOG_USERS: 'on' }, { engine });
    try {
      await slack.command('/ask', OFF_TOPIC, 'U0CONSENTED');
      expect(await recordWith(dataDir, (r) => r.kind === 'declined')).toEqual({ at: expect.any(String), platform: 'slack', kind: 'declined', question: OFF_TOPIC, reason: 'not_covered', user: 'U0CONSENTED' });
    } finally {
      await slack.stop();
    }
  });
});

describe('a question log that cannot be written', () => {
  it('is logged as a warning; the user gets the answer and no apology', async () => {
    // A file where the folder should be: every write fails.
    const blocked = join(scratch, 'not-a-folder');
    writeFileSync(blocked, '');
    const slack = await startHttpSlack({ DEALDESK_DATA_DIR: blocked }, { engine });
    try {
      const { body } = await slack.command('/ask', ARTICLE_5);
      expect(body['response_type']).toBe('in_channel');
      expect(sectionTexts(body)[0]).toContain('*Article 5*');
      const warning = await vi.waitFor(() => {
        const found = slack.logs.entries().find((e) => e['msg'] === 'slack: could not write the question log; the answer was sent');
        if (found === undefined) throw new Error('not logged yet');
        return found;
      });
      expect(warning).toMatchObject({ level: 40, err: { message: expect.stringMatching(/EEXIST|ENOTDIR/) } });
      await vi.waitFor(() => expect(slack.logs.entries().find((e) => e['msg'] === 'slack: handled' && e['command'] === '/ask')).toMatchObject({ outcome: 'answered' }));
      expect(slack.logs.entries().some((e) => e['msg'] === 'slack: handler failed')).toBe(false);
      expect(slack.fake.responses).toHaveLength(1);
    } finally {
      await slack.stop();
    }
  });
});
