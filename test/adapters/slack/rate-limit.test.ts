import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../adapters/slack/rate-limit.js';

describe('RateLimiter', () => {
  it('allows `limit` questions per minute per user, then says how long to wait', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(2, () => now);
    expect(limiter.take('T:U1')).toEqual({ ok: true });
    now += 10_000;
    expect(limiter.take('T:U1')).toEqual({ ok: true });
    expect(limiter.take('T:U1')).toEqual({ ok: false, retryAfterMs: 50_000 });
    expect(limiter.take('T:U2')).toEqual({ ok: true });
    now += 50_001; // the first question left the window
    expect(limiter.take('T:U1')).toEqual({ ok: true });
  });

  it('is off at 0, and forgets idle users beyond its bound', () => {
    expect(new RateLimiter(0).take('x')).toEqual({ ok: true });
    let now = 0;
    const limiter = new RateLimiter(1, () => now, 60_000, 2);
    limiter.take('a');
    limiter.take('b');
    now = 61_000;
    limiter.take('c'); // 3 tracked > 2: a and b are idle and dropped
    expect(limiter.tracked).toBe(1);
  });
});
