import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyHash, normalizeParagraph } from '../../src/ingest/normalize-text.js';

describe('normalizeParagraph', () => {
  it('collapses whitespace and drops invisible characters, changing nothing else', () => {
    expect(normalizeParagraph('  The nego\u00ADtiators\u200B meet on 9\u00A0September.\n\t“Yes,” she said. ')).toBe('The negotiators meet on 9 September. “Yes,” she said.');
  });

  it('never leaves a double space, an edge space or a lone surrogate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const out = normalizeParagraph(text);
        expect(out).not.toMatch(/\s\s|^\s|\s$/);
        expect(Buffer.from(out, 'utf8').toString('utf8')).toBe(out);
      }),
    );
  });
});

describe('bodyHash', () => {
  it('ignores line breaks and spacing, not words', () => {
    expect(bodyHash('First.\n\nSecond line\nwraps.')).toBe(bodyHash('First. Second line wraps.'));
    expect(bodyHash('First.')).not.toBe(bodyHash('First!'));
  });
});
