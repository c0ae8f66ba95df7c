import { FrontMatterSchema } from '../knowledge/schemas.js';

const PublishedSchema = FrontMatterSchema.shape.published.unwrap();

/**
 * A page's publication date as the front-matter accepts it: an ISO date or date-time kept as
 * written when valid (its offset says the newsroom's local time), otherwise any date Date.parse
 * understands ("Mon, 18 Aug 2025 09:30:00 GMT") converted to UTC ISO. Undefined when
 * unparsable: a wrong date is worse than none, because ties go to the newer report.
 *
 * @example normalizeDate('Mon, 18 Aug 2025 07:30:00 GMT') // '2025-08-18T07:30:00.000Z'
 */
export function normalizeDate(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (value === undefined || value === '') return undefined;
  if (PublishedSchema.safeParse(value).success) return value;
  // A date-time without an offset is in an unknown zone: keep the day, not a guessed instant.
  const local = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.exec(value);
  if (local?.[1] !== undefined) return PublishedSchema.safeParse(local[1]).success ? local[1] : undefined;
  // V8's fallback parser reads "12" or "May" as dates; insist on a four-digit year.
  if (!/\b(1[89]|20)\d\d\b/.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}
