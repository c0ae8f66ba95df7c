import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SlackMessageSchema } from '../../../adapters/slack/limits.js';
import { startServers } from '../../../adapters/start.js';
import { DealdeskError } from '../../../src/errors.js';
import { captureLog } from './capture-log.js';
import { HARNESS_BOT_TOKEN, HARNESS_SIGNING_SECRET, sectionTexts, startHttpSlack, type HttpSlack } from './http-harness.js';

const ADMIN = 'U0ADMIN';
const GRID_ADMIN = 'W0GRIDADMIN';
/** Asked before the document exists (declined, and cached), and after the reload (answered). */
const SVALBARD = 'What was agreed about the Svalbard fisheries accord?';
const SVALBARD_QUOTE = 'Norway and Russia agreed to extend the Svalbard fisheries accord for five more years';
const SVALBARD_DOC = `---
title: "Norway and Russia extend the Svalbard fisheries accord"
publisher: Test Wire
published: 2025-09-01
---

${SVALBARD_QUOTE}, officials said on Monday.

The accord sets the cod quota in the Barents Sea and keeps joint inspections of trawlers.
`;
/** A file name Slack would turn into a live @channel if it reached mrkdwn unescaped. */
const BAD_FILE = '<!channel> & notes.md';

let knowledgeDir: string;
let scratch: string;
let slack: HttpSlack;

function entry(msg: string): Record<string, unknown> | undefined {
  return slack.logs.entries().find((e) => e['msg'] === msg);
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'dealdesk-slack-reload-'));
  knowledgeDir = join(scratch, 'knowledge');
  cpSync('knowledge', knowledgeDir, { recursive: true });
  slack = await startHttpSlack({
    DEALDESK_KNOWLEDGE_DIR: knowledgeDir,
    DEALDESK_CACHE_DIR: join(scratch, 'cache'),
    DEALDESK_DATA_DIR: join(scratch, 'data'),
    // Only the admin command reloads here, so each test knows which index answers.
    DEALDESK_WATCH: 'off',
    SLACK_ADMIN_USERS: `${ADMIN}, ${GRID_ADMIN}`,
  });
});

afterAll(async () => {
  await slack?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

// In order: each test starts from the index the previous one left.
describe('/dealdesk reload (HTTP mode, a real EngineHost on a temporary knowledge folder)', () => {
  it('declines a question the knowledge does not cover yet', async () => {
    const { body } = await slack.command('/ask', SVALBARD);
    expect(body['response_type']).toBe('ephemeral');
    expect(sectionTexts(body)[0]).toContain("The documents don't say.");
  });

  it('refuses someone not in SLACK_ADMIN_USERS, privately, and rebuilds nothing', async () => {
    writeFileSync(join(knowledgeDir, 'svalbard-fisheries.md'), SVALBARD_DOC);
    const { ack, body } = await slack.command('/dealdesk', 'reload', 'U0VISITOR');
    expect(ack).toMatchObject({ status: 200, text: '' });
    expect(body).toMatchObject({ response_type: 'ephemeral', text: 'Only the admins listed in SLACK_ADMIN_USERS can reload the knowledge.' });
    expect(entry('slack: reload refused; the user is not in SLACK_ADMIN_USERS')).toMatchObject({ user: 'U0VISITOR' });
    expect(entry('knowledge reloaded')).toBeUndefined();
    // The document is on disk, but the index answering is still the old one.
    expect((await slack.command('/ask', SVALBARD)).body['response_type']).toBe('ephemeral');
  });

  it('lets an admin reload: acks at once, replies privately with the new size, and /ask finds the new document (no stale cached answer)', async () => {
    const { ack, body } = await slack.command('/dealdesk', 'reload', ADMIN);
    expect(ack).toMatchObject({ status: 200, text: '' });
    expect(body['response_type']).toBe('ephemeral');
    expect(body['text']).toMatch(/^Reloaded: 2 documents, 19 sentences \(changed\) in \d+ ms$/);
    expect(entry('slack: reload done')).toMatchObject({ user: ADMIN, ok: true, documents: 2, sentences: 19, changed: true });
    expect(entry('knowledge reloaded')).toMatchObject({ trigger: `slack /dealdesk reload by user ${ADMIN}` });
    // The same question was answered (declined) and cached twice before; the cache must not serve that now.
    const answered = await slack.command('/ask', SVALBARD);
    expect(answered.body['response_type']).toBe('in_channel');
    expect(sectionTexts(answered.body)[0]).toContain('Svalbard fisheries accord');
  });

  it('says "unchanged" when nothing changed (any listed admin, W… ids included)', async () => {
    const { body } = await slack.command('/dealdesk', '  RELOAD  ', GRID_ADMIN);
    expect(body['text']).toMatch(/^Reloaded: 2 documents, 19 sentences \(unchanged\) in \d+ ms$/);
  });

  it('reports a bad file, escaped, and keeps the previous index serving', async () => {
    writeFileSync(join(knowledgeDir, BAD_FILE), 'No front-matter here.\n');
    try {
      const { body } = await slack.command('/dealdesk', 'reload', ADMIN);
      const { response_type: responseType, ...message } = body;
      expect(responseType).toBe('ephemeral');
      const parsed = SlackMessageSchema.parse(message);
      expect(sectionTexts(parsed)).toEqual([
        'Reload failed; the previous index keeps serving:\n• &lt;!channel&gt; &amp; notes.md: no front-matter. Start the file with a "---" line, a "title: ..." line and a closing "---" line.',
      ]);
      expect(JSON.stringify(body)).not.toMatch(/<!channel>/);
      expect(entry('slack: reload failed; the previous index keeps serving')).toMatchObject({ user: ADMIN, ok: false, problems: [expect.stringContaining(BAD_FILE)] });
      // The index from the last good reload still answers, the new document included.
      const answered = await slack.command('/ask', SVALBARD);
      expect(answered.body['response_type']).toBe('in_channel');
      expect(sectionTexts(answered.body)[0]).toContain('Svalbard fisheries accord');
    } finally {
      rmSync(join(knowledgeDir, BAD_FILE));
    }
  });

  it('answers anything but "reload" with a short usage note, and rebuilds nothing', async () => {
    const reloads = slack.logs.entries().filter((e) => e['msg'] === 'slack: reload done').length;
    for (const [text, user] of [
      ['', ADMIN],
      ['help', 'U0VISITOR'],
      ['reindex now', ADMIN],
    ] as const) {
      const { body } = await slack.command('/dealdesk', text, user);
      expect(body).toMatchObject({ response_type: 'ephemeral', text: 'Usage: /dealdesk reload (admins only) re-reads the knowledge folder and swaps in the new index. To ask a question, use /ask.' });
    }
    expect(slack.logs.entries().filter((e) => e['msg'] === 'slack: reload done')).toHaveLength(reloads);
    // The "handled" line follows the reply, so the last one may still be on its way.
    await vi.waitFor(() =>
      expect(slack.logs.entries().filter((e) => e['msg'] === 'slack: handled' && e['command'] === '/dealdesk').map((e) => e['outcome'])).toEqual([
        'reload_refused',
        'reloaded',
        'reloaded',
        'reload_failed',
        'usage',
        'usage',
        'usage',
      ]),
    );
  });
});

describe('SLACK_ADMIN_USERS at start-up', () => {
  it('is checked with the other variables, before any indexing, and its message quotes no value', async () => {
    const logs = captureLog();
    const error = await startServers(
      {
        SLACK_BOT_TOKEN: HARNESS_BOT_TOKEN,
        SLACK_SIGNING_SECRET: HARNESS_SIGNING_SECRET,
        SLACK_ADMIN_USERS: 'U0ADMIN, @alice,bob',
        PORT: 'eighty',
        DEALDESK_KNOWLEDGE_DIR: join(tmpdir(), 'dealdesk-no-such-folder'),
      },
      { log: logs.log },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DealdeskError);
    expect((error as DealdeskError).problems).toEqual([
      'PORT must be a whole number from 0 to 65535.',
      'SLACK_ADMIN_USERS must list Slack user ids (like U012AB3CD: a profile\'s "⋮ → Copy member ID"), separated by commas or spaces; entries 2 and 3 are not.',
    ]);
    expect((error as Error).message).not.toMatch(/alice|bob/);
    expect(logs.text()).toBe('');
  });
});
