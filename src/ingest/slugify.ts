import { MAX_SLUG_LENGTH } from './ingest-options.js';

/**
 * Names a knowledge loader skips or treats specially: `README.md` is not a document, so an
 * article titled "Readme" must not be written there.
 */
const RESERVED = new Set(['readme']);
const FALLBACK = 'document';

/**
 * A file-name stem from a title: ASCII letters and digits joined by single hyphens, at most
 * {@link MAX_SLUG_LENGTH} characters (cut at a hyphen when possible), never empty, never a
 * reserved name. It contains no dot or slash, so it can never name a path outside the folder.
 *
 * @example slugify('../../etc/passwd') // 'etc-passwd'
 * @example slugify('Zelensky’s “moral support” — in Washington') // 'zelenskys-moral-support-in-washington'
 */
export function slugify(title: string, maxLength = MAX_SLUG_LENGTH): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // "Zelensky's" is one word, not "zelensky-s".
    .replace(/(?<=[a-z0-9])['’](?=[a-z])/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = ascii;
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength + 1);
    const hyphen = cut.lastIndexOf('-');
    // Prefer a whole-word cut unless that would throw most of the title away.
    slug = (hyphen >= maxLength / 2 ? cut.slice(0, hyphen) : cut.slice(0, maxLength)).replace(/-+$/, '');
  }
  if (slug === '') return FALLBACK;
  return RESERVED.has(slug) ? `${slug}-${FALLBACK}` : slug;
}

/**
 * The first stem not in `taken` (compared case-insensitively, for case-insensitive file
 * systems): `slug`, then `slug-2`, `slug-3`, …, each kept within the length limit.
 *
 * @example uniqueSlug('deal', new Set(['deal', 'deal-2'])) // 'deal-3'
 */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>, maxLength = MAX_SLUG_LENGTH): string {
  if (!taken.has(slug.toLowerCase())) return slug;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${slug.slice(0, maxLength - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
