import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../../src/ingest/normalize-date.js';

describe('normalizeDate', () => {
  it.each([
    // Valid ISO is kept as written: the offset says the newsroom's local time.
    ['2025-08-18', '2025-08-18'],
    ['2025-08-18T09:30:00+02:00', '2025-08-18T09:30:00+02:00'],
    ['2025-08-18T07:30:00Z', '2025-08-18T07:30:00Z'],
    // Other formats Date.parse reads become UTC ISO.
    ['Mon, 18 Aug 2025 07:30:00 GMT', '2025-08-18T07:30:00.000Z'],
    ['2025-08-18T09:30:00+0200', '2025-08-18T07:30:00.000Z'],
    // No offset: the zone is unknown, so only the day is kept (never a guessed instant).
    ['2025-08-18T09:30:00', '2025-08-18'],
    ['2025-08-18T09:30', '2025-08-18'],
  ])('%j → %j', (raw, iso) => {
    expect(normalizeDate(raw)).toBe(iso);
  });

  it.each([undefined, '', 'yesterday', '12', 'May', '2025-13-45', 'Published 3 hours ago'])('drops %j', (raw) => {
    expect(normalizeDate(raw)).toBeUndefined();
  });
});
