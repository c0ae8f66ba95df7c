import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/ingest/render-document.js';
import { parseDocument } from '../../src/knowledge/parse-document.js';

describe('renderDocument', () => {
  it('writes double-quoted front-matter and blank-line paragraphs', () => {
    expect(renderDocument('deal.md', { title: 'Deal', published: '2025-08-18' }, ['First.', 'Second.'])).toBe('---\ntitle: "Deal"\npublished: "2025-08-18"\n---\n\nFirst.\n\nSecond.\n');
  });

  it.each(['null', 'yes', '#hash', '&anchor *alias', 'key: value', '---', 'Quote "inside" and \\ backslash', '- list', '[flow]', '{map}', '%directive', '@at', '`tick`'])(
    'a title of %j survives YAML unchanged',
    (title) => {
      const parsed = parseDocument('t.md', renderDocument('t.md', { title }, ['Body.']));
      expect(parsed.ok && parsed.document.title).toBe(title);
    },
  );

  it('any title and publisher round-trip through the knowledge parser, body unchanged', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== '' && s === s.trim() && !/[\r\n\u2028\u2029]/.test(s));
    fc.assert(
      fc.property(text, text, (title, publisher) => {
        const parsed = parseDocument('t.md', renderDocument('t.md', { title, publisher }, ['One.', 'Two.']));
        expect(parsed.ok && [parsed.document.title, parsed.document.publisher, parsed.document.body]).toEqual([title, publisher, 'One.\n\nTwo.']);
      }),
      { numRuns: 300 },
    );
  });

  it('throws (a bug) for front-matter the schema rejects', () => {
    expect(() => renderDocument('t.md', { title: ' ' }, ['Body.'])).toThrow();
  });
});
