import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../../adapters/slack/answer-question.js';
import type { AnswerEngine } from '../../../src/answer/engine-host.js';
import type { AnswerResult } from '../../../src/answer/result.js';

/** An engine that answers "crimea" and declines anything else, counting its searches. */
function countingEngine(): AnswerEngine & { searches: string[] } {
  const searches: string[] = [];
  const answered = (question: string): AnswerResult => ({
    status: 'answered',
    question,
    citations: [
      {
        id: 'd#p1s1', key: '0123456789ab', quote: 'Crimea was discussed.', includesPrevious: false,
        document: { id: 'd', title: 'Doc' }, location: { paragraph: 1, sentence: 1, start: 0, end: 21 },
        sources: [{ document: { id: 'd', title: 'Doc' }, location: { paragraph: 1, sentence: 1, start: 0, end: 21 } }],
        singleSource: true, counterClaims: [], score: 1, coverage: 1, matched: ['Crimea'], highlights: [{ start: 0, end: 6 }],
        claim: { status: 'article', source: null, conditional: false },
      },
    ],
  });
  return {
    searches,
    contentHash: 'stub',
    ask: (question, options) => {
      searches.push(options?.previous ? `${question} | ${options.previous}` : question);
      return /crimea/i.test(question)
        ? answered(question)
        : { status: 'no_answer', question, citations: [], reason: 'not_covered', message: "The documents don't say.", suggestions: [] };
    },
    citation: () => undefined,
    similar: () => [],
    context: () => undefined,
    sentence: () => undefined,
    documents: [],
    suggestions: [],
    size: 1,
  };
}

describe('createAnswerer', () => {
  it('answers a repeated question from the cache while the knowledge version holds', () => {
    const engine = countingEngine();
    let version = 'v1';
    const answer = createAnswerer(engine, { feedback: true, version: () => version });
    const first = answer('Crimea?');
    expect(answer('Crimea?')).toBe(first);
    expect(answer('Crimea?', 'Article 5?')).not.toBe(first); // a follow-up is another question
    expect(engine.searches).toEqual(['Crimea?', 'Crimea? | Article 5?']);
    version = 'v2'; // the knowledge was reloaded
    answer('Crimea?');
    expect(engine.searches).toHaveLength(3);
  });

  it('drops the least recently used answer beyond its size, and caches nothing without a version', () => {
    const engine = countingEngine();
    const answer = createAnswerer(engine, { feedback: true, version: () => 'v', cacheSize: 2 });
    answer('Crimea 1');
    answer('Crimea 2');
    answer('Crimea 1'); // now the most recent
    answer('Crimea 3'); // evicts "Crimea 2"
    answer('Crimea 1');
    answer('Crimea 2');
    expect(engine.searches).toEqual(['Crimea 1', 'Crimea 2', 'Crimea 3', 'Crimea 2']);
    const uncached = countingEngine();
    const noVersion = createAnswerer(uncached, { feedback: true });
    noVersion('Crimea');
    noVersion('Crimea');
    expect(uncached.searches).toHaveLength(2);
  });

  it('records the question a later follow-up should continue, and none for a decline', () => {
    const answer = createAnswerer(countingEngine(), { feedback: true, version: () => 'v' });
    expect(answer('Crimea?').metadata).toEqual({ event_type: 'dealdesk_answer', event_payload: { question: 'Crimea?', anchor: 'Crimea?' } });
    expect(answer('and Crimea?', 'What about Article 5?').metadata?.event_payload.anchor).toBe('What about Article 5?');
    expect(answer('Weather?').metadata).toBeUndefined();
    expect(answer('Weather?', 'Crimea?').metadata?.event_payload.anchor).toBe('Crimea?');
  });
});
