import { z } from 'zod';

/** Milliseconds and scores as printed in `--json` output; the schemas are the reports' types. */
const LatencySchema = z.object({ p50: z.number(), p99: z.number(), mean: z.number(), cpuP50: z.number(), cpuP99: z.number(), count: z.number().int() });

export const MetricsSchema = z.object({
  ndcg10: z.number().min(0).max(1),
  recall100: z.number().min(0).max(1),
  mrr10: z.number().min(0).max(1),
  queries: z.number().int(),
});

const SystemReportSchema = z.object({ metrics: MetricsSchema, indexBuildMs: z.number(), indexBuildCpuMs: z.number(), query: LatencySchema });

/** `npm run bench:beir -- --json`. */
export const BeirReportSchema = z.object({
  dataset: z.string(),
  split: z.string(),
  documents: z.number().int(),
  queries: z.number().int(),
  sentences: z.number().int(),
  /** One-minute load average when the run started (other processes slow wall-clock figures). */
  loadAverage: z.number(),
  dealdesk: SystemReportSchema,
  defaultMiniSearch: SystemReportSchema,
});

export { LatencySchema };
