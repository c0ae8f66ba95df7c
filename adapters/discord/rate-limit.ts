/** The outcome of asking for one more question. */
export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number; firstRefusal: boolean };

/**
 * A per-user sliding window: at most `limit` questions in any `windowMs`. In memory, per
 * process (with sharding, per shard: a user is counted on the shard of the guild or DM they ask
 * in). The clock is injected for tests.
 *
 * @example
 * const limiter = new RateLimiter({ limit: 5, windowMs: 30_000 });
 * limiter.take('user-id'); // { ok: true }
 */
export class RateLimiter {
  private readonly times = new Map<string, number[]>();
  /** Users already told about the current refusal, so a flood of mentions gets one notice, not many. */
  private readonly told = new Set<string>();

  constructor(
    private readonly options: { limit: number; windowMs: number } | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a question for `userId` if the budget allows it. */
  take(userId: string): RateDecision {
    const options = this.options;
    if (options === null) return { ok: true };
    const now = this.now();
    const recent = (this.times.get(userId) ?? []).filter((t) => t > now - options.windowMs);
    if (recent.length >= options.limit) {
      this.times.set(userId, recent);
      const firstRefusal = !this.told.has(userId);
      this.told.add(userId);
      return { ok: false, retryAfterMs: (recent[0] ?? now) + options.windowMs - now, firstRefusal };
    }
    recent.push(now);
    this.times.set(userId, recent);
    this.told.delete(userId);
    this.prune(now, options.windowMs);
    return { ok: true };
  }

  /** Forgets users idle for a whole window, so memory stays bounded by active users. */
  private prune(now: number, windowMs: number): void {
    if (this.times.size < 1000) return;
    for (const [user, times] of this.times) {
      if ((times[times.length - 1] ?? 0) > now - windowMs) continue;
      this.times.delete(user);
      this.told.delete(user);
    }
  }
}
