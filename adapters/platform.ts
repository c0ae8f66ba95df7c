import type { Logger } from 'pino';
import type { AnswerEngine, ReloadResult } from '../src/answer/engine-host.js';

/** A platform adapter that is serving (Discord gateway connection, Slack app). */
export interface RunningPlatform {
  readonly name: string;
  /** Stops serving: closes connections, finishes in-flight work. Idempotent. */
  stop(): Promise<void>;
  /**
   * For a platform served by processes with their own indexes (Discord shards): asks each of
   * them to reload. Their results are in their own log lines.
   */
  reload?(trigger: string): void;
}

/** What every adapter's `start` receives: the environment (validated by the adapter with zod), the engine, a logger. */
export interface PlatformContext {
  env: NodeJS.ProcessEnv;
  /** Always answers from the current index (it is swapped on reload). */
  engine: AnswerEngine;
  log: Logger;
  /** Rebuilds the index from the knowledge folder (admin commands); never throws for bad files. */
  reload: (trigger: string) => Promise<ReloadResult>;
}

export type StartPlatform = (context: PlatformContext) => Promise<RunningPlatform>;
