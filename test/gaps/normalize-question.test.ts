import { describe, expect, it } from 'vitest';
import { normalizeQuestion } from '../../src/gaps/normalize-question.js';

describe('normalizeQuestion', () => {
  it.each([
    ['  Who won the  Super Bowl?! ', 'who won the super bowl'],
    ['“Who won the Super Bowl”', 'who won the super bowl'],
    ['What did the U.S. say?', 'what did the u.s. say'],
    ['Ｗｈｏ\u00A0won?', 'who won'],
    ['???', ''],
  ])('%j → %j', (question, normal) => {
    expect(normalizeQuestion(question)).toBe(normal);
  });
});
