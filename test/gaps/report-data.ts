import type { QuestionRecord } from '../../src/gaps/question-record.js';
import type { reportKnowledge } from './gap-fixtures.js';

/**
 * A data folder's worth of records over {@link reportKnowledge}: the Super Bowl asked three
 * ways (one question, normalised), the ports twice with low confidence, Crimea once; votes
 * from both platforms, one on a passage since removed; a bad line in each log.
 */
export function reportData(kb: ReturnType<typeof reportKnowledge>): Record<string, (string | object)[]> {
  const observers = kb.keyOf('The observers will patrol');
  const envoys = kb.keyOf('Envoys met in Geneva');
  const ports = kb.keyOf('The status of the river ports');
  const q = (at: string, rest: Partial<QuestionRecord> & Pick<QuestionRecord, 'kind'>): object => ({ at: `2025-08-${at}Z`, platform: 'discord', ...rest });
  return {
    'questions.jsonl': [
      q('18T10:00:00', { kind: 'declined', question: 'Who won the Super Bowl?', reason: 'not_covered' }),
      q('19T10:00:00', { kind: 'declined', question: 'who won the super bowl', reason: 'not_covered', platform: 'slack' }),
      q('20T09:00:00', { kind: 'declined', question: 'Who won the  Super Bowl?!', reason: 'not_covered' }),
      q('19T11:00:00', { kind: 'low_confidence', question: 'Who controls the river ports?', coverage: 0.6, topKey: ports, keys: [ports], documents: ['ports'] }),
      q('20T11:00:00', { kind: 'low_confidence', question: 'Who controls the river ports', coverage: 0.6, topKey: ports, keys: [ports], documents: ['ports'] }),
      q('20T12:00:00', { kind: 'declined', question: 'What about Crimea?', reason: 'not_covered' }),
      q('20T13:00:00', { kind: 'cited', coverage: 0.9, topKey: observers, keys: [observers], documents: ['talks'] }),
      '{"at":"2025-08-20T14:00:00Z","platform":"discord","kind":"declined"', // torn line
      { at: 'yesterday', platform: 'discord', kind: 'declined', question: 'x', reason: 'not_covered' },
    ],
    'discord-feedback.jsonl': [
      { at: '2025-08-20T10:00:00.000Z', platform: 'discord', vote: 'down', key: envoys, passage: 'talks#p1s1', topic: 'q', user: 'u', guild: null, channel: null, message: null },
      { at: '2025-08-20T10:01:00.000Z', platform: 'discord', vote: 'up', key: envoys, passage: 'talks#p1s1', topic: 'q', user: 'u2', guild: null, channel: null, message: null },
      { at: '2025-08-20T10:02:00.000Z', platform: 'discord', vote: 'down', key: '0123456789ab', passage: null, topic: null, user: 'u', guild: null, channel: null, message: null },
    ],
    'slack-feedback.jsonl': [
      { at: '2025-08-20T11:00:00.000Z', platform: 'slack', vote: 'up', key: observers, question: 'observers?', team: 'T', user: 'U', channel: 'C' },
      { at: '2025-08-20T11:01:00.000Z', platform: 'slack', vote: 'up', key: envoys, question: 'envoys?', team: 'T', user: 'U', channel: 'C', newField: true },
      'garbage',
    ],
  };
}
