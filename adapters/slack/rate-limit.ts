/** The outcome of asking the limiter: go ahead, or wait this long. */
export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Per-user sliding-window limit on questions (SLACK_RATE_LIMIT_PER_MINUTE). Kept in memory,
 * so with several HTTP instances each enforces it on the requests it receives. The clock is
 * injected so tests can move time.
 *
 * @example
 * const limiter = new RateLimiter(2);
 * limiter.take('T1:U1'); limiter.take('T1:U1');
 * limiter.take('T1:U1') // { ok: false, retryAfterMs: 60000 }
 */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(
    /** Questions allowed per user per window; 0 means no limit. */
    private readonly limit: number,
    private readonly now: () => number = Date.now,
    private readonly windowMs = 60_000,
    /** Above this many tracked users, idle ones are forgotten, so memory stays bounded. */
    private readonly maxTracked = 10_000,
  ) {}

  /** Users tracked now: bounded by `maxTracked`, plus users active within the window. */
  get tracked(): number {
    return this.recent.size;
  }

  /** Counts one question for `user` if the limit allows it. */
  take(user: string): RateDecision {
    if (this.limit <= 0) return { ok: true };
    const now = this.now();
    const since = now - this.windowMs;
    const times = (this.recent.get(user) ?? []).filter((t) => t > since);
    const oldest = times[0];
    if (times.length >= this.limit && oldest !== undefined) {
      this.recent.set(user, times);
      return { ok: false, retryAfterMs: oldest + this.windowMs - now };
    }
    times.push(now);
    this.recent.set(user, times);
    if (this.recent.size > this.maxTracked) this.forgetIdle(since);
    return { ok: true };
  }

  private forgetIdle(since: number): void {
    for (const [user, times] of this.recent) if ((times.at(-1) ?? 0) <= since) this.recent.delete(user);
  }
}
