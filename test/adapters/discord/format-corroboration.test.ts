import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BRIEF_SOURCE_MAX,
  briefSource,
  DETAIL_FIELD_MAX,
  DISPUTE_LINE_MAX,
  disputeFields,
  disputeLine,
  SOURCES_LINE_MAX,
  sourceLabel,
  sourcesLine,
  wordingFields,
} from '../../../adapters/discord/format-corroboration.js';
import type { Citation, DocumentRef } from '../../../src/answer/result.js';
import { citation } from './arbitraries.js';
import { readBlockQuote } from './read-rendered.js';

const ALPHA: DocumentRef = { id: 'alpha', title: 'Ceasefire agreed', publisher: 'Alpha Wire', published: '2025-08-18' };
const BETA: DocumentRef = { id: 'beta', title: 'Moscow accepts ceasefire', publisher: 'Beta Times', published: '2025-08-19T06:30:00Z' };
const UNTITLED_PUBLISHER: DocumentRef = { id: 'blog', title: 'A blog_post about *truces*' };
const at = { paragraph: 2, sentence: 1, start: 0, end: 10 };

describe('sourceLabel', () => {
  it('is the publisher with the date (an ISO timestamp shortened to its day), else the title in italics, escaped', () => {
    expect(sourceLabel(ALPHA, 60)).toBe('Alpha Wire (2025-08-18)');
    expect(sourceLabel(BETA, 60)).toBe('Beta Times (2025-08-19)');
    expect(sourceLabel(UNTITLED_PUBLISHER, 60)).toBe('*A blog\\_post about \\*truces\\**');
    expect(sourceLabel({ ...ALPHA, published: 'last Monday' }, 60)).toBe('Alpha Wire (last Monday)');
  });
});

describe('sourcesLine', () => {
  it('names every source in the engine’s order, and nothing for a single one', () => {
    expect(sourcesLine({ sources: [{ document: BETA, location: at }, { document: ALPHA, location: at, quote: 'In other words.' }] })).toBe(
      'Reported by 2 sources: Beta Times (2025-08-19), Alpha Wire (2025-08-18)',
    );
    expect(sourcesLine({ sources: [{ document: ALPHA, location: at }] })).toBeUndefined();
  });

  it('ends with ", and N more" when the names do not fit', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ document: { ...ALPHA, id: `d${i}`, publisher: `Publisher number ${i} of a long list` }, location: at }));
    const line = sourcesLine({ sources: many }) ?? '';
    expect(line.length).toBeLessThanOrEqual(SOURCES_LINE_MAX);
    expect(line).toMatch(/^Reported by 12 sources: Publisher number 0 of a long list \(2025-08-18\), .*, and \d+ more$/);
  });
});

describe('disputes and other wordings', () => {
  const gamma: Citation['counterClaims'][number] = {
    quote: 'The Kremlin denied *any* deal.',
    document: { id: 'gamma', title: 'Kremlin denies', publisher: 'Gamma News', published: '2025-08-20', url: 'https://example.org/gamma' },
    location: at,
    claim: { status: 'on_record', source: 'The Kremlin', conditional: false },
  };

  it('shows each counter-claim verbatim (escaped) with its claim label and where it is', () => {
    expect(disputeFields({ counterClaims: [gamma] }, 2)).toEqual([
      {
        name: '⚠️ Disputed — Gamma News (2025-08-20)',
        value: '> “The Kremlin denied \\*any\\* deal.”\n— **On record\\: The Kremlin**\n*Kremlin denies* · paragraph 2 · [link](https://example.org/gamma)',
      },
    ]);
    expect(disputeLine({ counterClaims: [gamma, { ...gamma, document: ALPHA }] })).toBe('⚠️ Disputed by Gamma News (2025-08-20), Alpha Wire (2025-08-18)');
    expect(disputeLine({ counterClaims: [] })).toBeUndefined();
  });

  it('says how many more counter-claims there are than it shows', () => {
    const fields = disputeFields({ counterClaims: [gamma, gamma, gamma, gamma] }, 2);
    expect(fields).toHaveLength(2);
    expect(fields[1]?.value.split('\n').at(-1)).toBe('_…and 2 more documents dispute it._');
  });

  it('shows only the sources that word the claim differently', () => {
    const fields = wordingFields({ sources: [{ document: BETA, location: at }, { document: ALPHA, location: at, quote: 'Two officials said so.' }] }, 2);
    expect(fields).toEqual([{ name: 'Also reported — Alpha Wire (2025-08-18)', value: '> Two officials said so.\n*Ceasefire agreed* · paragraph 2' }]);
  });

  it('every piece stays within its budget, and shown quotes are prefixes of the real ones, for any input (property)', () => {
    fc.assert(
      fc.property(citation, (c) => {
        expect(sourcesLine(c)?.length ?? 0).toBeLessThanOrEqual(SOURCES_LINE_MAX);
        expect(disputeLine(c)?.length ?? 0).toBeLessThanOrEqual(DISPUTE_LINE_MAX);
        expect(briefSource(c.document, c.location).length).toBeLessThanOrEqual(BRIEF_SOURCE_MAX);
        const disputes = disputeFields(c, 2);
        const wordings = wordingFields(c, 2);
        for (const field of [...disputes, ...wordings]) {
          expect(field.name.length).toBeLessThanOrEqual(DETAIL_FIELD_MAX.name);
          expect(field.value.length).toBeLessThanOrEqual(DETAIL_FIELD_MAX.value);
        }
        for (const [i, field] of disputes.entries()) {
          // Inside “…”: the whole quote, or a prefix of it ending in "…" when cut.
          const inner = readBlockQuote(field.value).text.slice(1, -1);
          const real = c.counterClaims[i]?.quote ?? '';
          if (inner === real) continue;
          expect(inner.endsWith('…') && real.startsWith(inner.slice(0, -1))).toBe(true);
        }
        const worded = c.sources.filter((s) => s.quote !== undefined);
        for (const [i, field] of wordings.entries()) {
          const shown = readBlockQuote(field.value);
          expect((worded[i]?.quote ?? '').startsWith(shown.text)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
