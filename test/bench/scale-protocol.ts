import type { TimedLatency } from './stats.js';

/** What the parent asks a scale worker to measure. */
export interface WorkerRequest {
  phase: 'build' | 'write' | 'serve';
  label: string;
  knowledgeDir: string;
  cacheDir: string;
  /** Asked first, not measured (JIT warm-up). */
  warmup: string[];
  /** Measured questions. */
  questions: string[];
}

export type PhaseResult =
  | { phase: 'build'; openMs: number; openCpuMs: number; sentences: number; documents: number; snapshotBytes: number; peakRssMb: number }
  | { phase: 'write'; writeMs: number }
  | {
      phase: 'serve';
      loadMs: number;
      loadCpuMs: number;
      afterLoadRssMb: number;
      servePeakRssMb: number;
      answer: TimedLatency;
      defaultMiniSearch: { indexBuildMs: number; search: TimedLatency };
    };

export type WorkerReply = { ok: true; result: PhaseResult } | { ok: false; error: string };
