import type { Logger } from 'pino';
import type { Engine } from '../src/answer/engine.js';

/** A platform adapter that is serving (Discord gateway connection, Slack app). */
export interface RunningPlatform {
  readonly name: string;
  /** Stops serving: closes connections, finishes in-flight work. Idempotent. */
  stop(): Promise<void>;
}

/** What every adapter's `start` receives: the environment (validated by the adapter with zod), the engine, a logger. */
export interface PlatformContext {
  env: NodeJS.ProcessEnv;
  engine: Engine;
  log: Logger;
}

export type StartPlatform = (context: PlatformContext) => Promise<RunningPlatform>;
