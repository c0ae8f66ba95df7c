import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH } from '../../src/ingest/ingest-options.js';
import { slugify, uniqueSlug } from '../../src/ingest/slugify.js';

describe('slugify', () => {
  it.each([
    ['Envoys agree ceasefire framework', 'envoys-agree-ceasefire-framework'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..\\..\\Windows\\System32', 'windows-system32'],
    ['/absolute/path.md', 'absolute-path-md'],
    ['Zelensky’s “moral support” — in Washington', 'zelenskys-moral-support-in-washington'],
    ['Zaporizhzhia: Kyiv’s résumé, naïve façade', 'zaporizhzhia-kyivs-resume-naive-facade'],
    ['Путин одобрил', 'document'],
    ['...', 'document'],
    ['', 'document'],
    ['README', 'readme-document'],
    ['Article 5 – NATO', 'article-5-nato'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts long titles at a hyphen, within the limit', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^word(-word)+$/);
  });

  it('for any title: a non-empty name of [a-z0-9-], no leading/trailing/double hyphen, within the limit, never a path', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (title) => {
        const slug = slugify(title);
        expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
        expect(slug).not.toBe('readme');
      }),
      { numRuns: 500 },
    );
  });
});

describe('uniqueSlug', () => {
  it('adds -2, -3 … until the name is free, case-insensitively', () => {
    expect(uniqueSlug('deal', new Set())).toBe('deal');
    expect(uniqueSlug('deal', new Set(['deal', 'deal-2']))).toBe('deal-3');
    expect(uniqueSlug('Deal', new Set(['deal']))).toBe('Deal-2');
  });

  it('stays within the length limit', () => {
    const long = 'a'.repeat(MAX_SLUG_LENGTH);
    const next = uniqueSlug(long, new Set([long]));
    expect(next).toBe(`${'a'.repeat(MAX_SLUG_LENGTH - 2)}-2`);
  });
});
