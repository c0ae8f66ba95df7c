import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedbackVoteSchema } from '../../src/gaps/feedback-vote.js';
import { readJsonLines } from '../../src/gaps/read-json-lines.js';
import { tempData } from './gap-fixtures.js';

let data = tempData();
afterEach(() => data.cleanup());

describe('readJsonLines', () => {
  it('keeps valid lines (unknown fields dropped), counts bad ones, ignores blank ones', async () => {
    data = tempData({
      'f.jsonl': [
        { at: '2025-08-20T10:00:00Z', platform: 'discord', vote: 'up', key: 'aaaaaaaaaaaa', passage: 'talks#p1s1', guild: 'G', future: { x: 1 } },
        '',
        'not json',
        { vote: 'sideways', key: 'bbbbbbbbbbbb' },
        { platform: 'slack', vote: 'down', key: 'bbbbbbbbbbbb', question: 'q', team: 'T' },
        '{"vote":"up","key":"cccccccccccc"', // torn last line after a crash
      ],
    });
    const result = await readJsonLines(join(data.dir, 'f.jsonl'), FeedbackVoteSchema);
    expect(result).toEqual({
      path: join(data.dir, 'f.jsonl'),
      records: [
        { at: '2025-08-20T10:00:00Z', vote: 'up', key: 'aaaaaaaaaaaa', passage: 'talks#p1s1' },
        { vote: 'down', key: 'bbbbbbbbbbbb' },
      ],
      skipped: 3,
      missing: false,
    });
  });

  it('reads a missing file as an empty log', async () => {
    expect(await readJsonLines(join(data.dir, 'none.jsonl'), FeedbackVoteSchema)).toMatchObject({ records: [], skipped: 0, missing: true });
  });
});
