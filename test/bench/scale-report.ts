import { z } from 'zod';
import { LatencySchema } from './report-schemas.js';

/** One knowledge-base size of the scale benchmark. */
export const ScaleSizeSchema = z.object({
  copies: z.number().int().positive(),
  documents: z.number().int(),
  sentences: z.number().int(),
  /** Cold Engine.open minus the snapshot write it includes. */
  indexBuildMs: z.number(),
  /** Cold Engine.open: build plus snapshot write. */
  coldOpenMs: z.number(),
  /** CPU time of the cold Engine.open (unaffected by other processes' load). */
  coldOpenCpuMs: z.number(),
  snapshotWriteMs: z.number(),
  snapshotBytes: z.number().int(),
  /** Engine.open in a fresh process with the snapshot present (reads and hashes the folder too). */
  snapshotLoadMs: z.number(),
  snapshotLoadCpuMs: z.number(),
  buildPeakRssMb: z.number(),
  /** Peak RSS of the serving process right after loading, and after answering. */
  loadRssMb: z.number(),
  servePeakRssMb: z.number(),
  answer: LatencySchema,
  defaultMiniSearch: z.object({ indexBuildMs: z.number(), search: LatencySchema }),
  ratioP50: z.number(),
  ratioP99: z.number(),
});
export type ScaleSize = z.infer<typeof ScaleSizeSchema>;

export const TargetCheckSchema = z.object({
  name: z.string(),
  unit: z.string(),
  value: z.number(),
  target: z.number(),
  met: z.boolean(),
  /** How far over the target (0 when met). */
  over: z.number(),
});
export type TargetCheck = z.infer<typeof TargetCheckSchema>;

/** `npm run bench:scale -- --json`. */
export const ScaleReportSchema = z.object({
  dataset: z.string(),
  node: z.string(),
  cpus: z.number().int(),
  /** One-minute load average at the start and the end (other processes slow wall-clock figures). */
  loadAverage: z.object({ start: z.number(), end: z.number() }),
  questions: z.number().int(),
  sizes: z.array(ScaleSizeSchema),
  /** Checked at the largest size. */
  targets: z.array(TargetCheckSchema),
});
export type ScaleReport = z.infer<typeof ScaleReportSchema>;
