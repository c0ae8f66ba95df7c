/** The q-quantile (0..1) of samples, nearest-rank method: p99 of 1,000 samples is the 990th smallest. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/**
 * Runs `step` and returns its value with the elapsed wall-clock milliseconds and the process's
 * CPU milliseconds (user + system). On a busy machine wall time grows with other processes'
 * load; CPU time does not, so reports carry both.
 */
export function timed<T>(step: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = step();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** Latency summary in milliseconds. */
export interface Latency {
  p50: number;
  p99: number;
  mean: number;
  count: number;
}

export function latency(samples: readonly number[]): Latency {
  const mean = samples.reduce((a, b) => a + b, 0) / (samples.length || 1);
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), mean, count: samples.length };
}

/** Wall-clock latency plus the CPU-time percentiles of the same steps. */
export interface TimedLatency extends Latency {
  cpuP50: number;
  cpuP99: number;
}

export function timedLatency(samples: readonly { ms: number; cpuMs: number }[]): TimedLatency {
  const cpu = samples.map((s) => s.cpuMs);
  return { ...latency(samples.map((s) => s.ms)), cpuP50: percentile(cpu, 0.5), cpuP99: percentile(cpu, 0.99) };
}

/** Rounds for reports. */
export const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
