/**
 * The handlers still running, so a graceful stop can let answers already acknowledged reach
 * Slack before the process exits.
 *
 * @example
 * const inFlight = new InFlight();
 * void inFlight.track(work());
 * await inFlight.drain(5000); // true when everything finished in time
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Number of handlers running now. */
  get size(): number {
    return this.running.size;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = (): void => void this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Waits for every running handler, at most `timeoutMs`; false when some were still running. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([Promise.allSettled([...this.running]).then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
