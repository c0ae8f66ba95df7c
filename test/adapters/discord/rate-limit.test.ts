import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../adapters/discord/rate-limit.js';

describe('RateLimiter', () => {
  it('allows 5 questions per 30 s per user, then says when to retry, and notices once per burst', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ limit: 5, windowMs: 30_000 }, () => now);
    for (let i = 0; i < 5; i++) {
      expect(limiter.take('ann')).toEqual({ ok: true });
      now += 1000;
    }
    // The first question (at 1,000,000) leaves the window at 1,030,000: 25 s from now.
    expect(limiter.take('ann')).toEqual({ ok: false, retryAfterMs: 25_000, firstRefusal: true });
    expect(limiter.take('ann')).toEqual({ ok: false, retryAfterMs: 25_000, firstRefusal: false });
    expect(limiter.take('bob')).toEqual({ ok: true });
    now += 25_000;
    expect(limiter.take('ann')).toEqual({ ok: true });
  });

  it('can be switched off', () => {
    const limiter = new RateLimiter(null);
    for (let i = 0; i < 100; i++) expect(limiter.take('ann').ok).toBe(true);
  });
});
