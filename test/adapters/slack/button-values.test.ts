import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedbackValue, parseFeedbackValue } from '../../../adapters/slack/button-values.js';
import { hostileText } from './arbitraries.js';

describe('button values', () => {
  it('round-trip the key and question, within 2,000 characters for any question', () => {
    expect(parseFeedbackValue(feedbackValue('7b76657a69b8', 'Article 5?'))).toEqual({ key: '7b76657a69b8', question: 'Article 5?' });
    fc.assert(
      fc.property(hostileText(3000), (question) => {
        const value = feedbackValue('7b76657a69b8', question);
        expect(value.length).toBeLessThanOrEqual(2000);
        expect(question.startsWith(parseFeedbackValue(value)?.question ?? '!')).toBe(true);
      }),
    );
  });

  it('reject values they did not write', () => {
    expect(parseFeedbackValue('7b76657a69b8')).toBeUndefined();
    expect(parseFeedbackValue('{"k":1}')).toBeUndefined();
    expect(parseFeedbackValue(undefined)).toBeUndefined();
  });
});
