import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/ingest/extract-text.js';

describe('extractText', () => {
  it('takes the first non-empty line as the title and blank-line paragraphs as the body, joining wrapped lines', () => {
    const article = extractText('\n\nHeadline here\n\nFirst para\nwraps here.\n\n  \nSecond.\r\n');
    expect(article).toEqual({ title: 'Headline here', paragraphs: ['First para wraps here.', 'Second.'] });
  });

  it('reads a text without blank lines as one paragraph per line (how copied articles arrive)', () => {
    expect(extractText('Headline\nOne.\nTwo.\nThree.').paragraphs).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('keeps the first line in the body when a title is given', () => {
    const article = extractText('Not a headline, the opening sentence.\n\nMore.', { title: 'Given' });
    expect(article).toEqual({ title: 'Given', paragraphs: ['Not a headline, the opening sentence.', 'More.'] });
  });

  it('gives no title and no paragraphs for an empty file', () => {
    expect(extractText(' \n\n ')).toEqual({ paragraphs: [] });
  });
});
