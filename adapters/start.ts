#!/usr/bin/env node
/**
 * `npm start`: serves Discord when DISCORD_TOKEN is set and Slack when SLACK_BOT_TOKEN is set
 * (both in one process when both are). With no platform token it is the embedded default: an
 * interactive terminal chat, or — when stdin is not a terminal — a note on what to configure.
 * Platform libraries load only when their platform is served.
 */
import { existsSync } from 'node:fs';
import { Engine } from '../src/answer/engine.js';
import { EngineHost, type AnswerEngine, type ReloadResult } from '../src/answer/engine-host.js';
import { useServingHeap } from '../src/answer/serving-heap.js';
import { runChat } from '../src/cli/chat.js';
import { DealdeskError } from '../src/errors.js';
import { resolveKnowledgeDir } from '../src/knowledge/resolve-knowledge-dir.js';
import { defaultCacheDir } from '../src/search/snapshot.js';
import { createLogger } from './logger.js';
import type { Logger } from 'pino';
import type { RunningPlatform, StartPlatform } from './platform.js';

const CONFIGURE = `dealdesk: no platform token is set, and stdin is not a terminal, so there is nothing to serve.
  - Discord: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (see README "Discord").
  - Slack:   set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP) (see README "Slack").
  - Terminal: run "npm start" in a terminal for an interactive chat, or "npm run ask -- \\"question\\"".
Variables may also be put in a .env file (see .env.example).`;

interface Platform {
  name: string;
  /** Validates the platform's environment (throws a DealdeskError listing every problem). */
  checkEnv: (env: NodeJS.ProcessEnv) => Promise<void>;
  load: () => Promise<StartPlatform>;
  /** Does it answer from this process's index? (Sharded Discord answers from each shard's own.) */
  answersHere: (env: NodeJS.ProcessEnv) => boolean;
}

/** The platforms `env` asks for, in start order. Platform libraries load only here. */
function requestedPlatforms(env: NodeJS.ProcessEnv): Platform[] {
  const platforms: Platform[] = [];
  if (nonEmpty(env['DISCORD_TOKEN'])) {
    platforms.push({
      name: 'discord',
      checkEnv: async (e) => void (await import('./discord/env.js')).parseDiscordEnv(e, 'serve'),
      load: async () => (await import('./discord/index.js')).startDiscord,
      answersHere: (e) => !nonEmpty(e['DISCORD_SHARDS']),
    });
  }
  if (nonEmpty(env['SLACK_BOT_TOKEN'])) {
    platforms.push({
      name: 'slack',
      checkEnv: async (e) => void (await import('./slack/env.js')).parseSlackEnv(e),
      load: async () => (await import('./slack/index.js')).startSlack,
      answersHere: () => true,
    });
  }
  return platforms;
}

/**
 * The engine given to platforms when this process has no index (only sharded Discord, which
 * never reads it): any use is a bug, and says so.
 */
const NO_INDEX = new Proxy({} as AnswerEngine, {
  get(_target, property) {
    if (typeof property === 'symbol' || property === 'then') return undefined;
    throw new Error(`dealdesk: this process has no index (the Discord shards have their own), yet "${property}" was read from it; this is a bug.`);
  },
});

/**
 * Does serving `env` need an index in this process? Not when the only platform is sharded
 * Discord: each shard process opens its own, and one more here would only cost memory.
 */
export function needsIndexHere(env: NodeJS.ProcessEnv): boolean {
  return requestedPlatforms(env).some((p) => p.answersHere(env));
}

export interface Servers {
  running: RunningPlatform[];
  /** The index this process answers from; undefined when every platform answers elsewhere (shards). */
  engine: AnswerEngine | undefined;
  reload: (trigger: string) => Promise<ReloadResult>;
  stop(): Promise<void>;
}

/**
 * Starts every platform `env` configures, sharing one engine. Tests call this with an
 * environment that points the real clients at loopback fakes. A platform that fails to start
 * stops the ones already started and rethrows (a DealdeskError for bad configuration).
 */
export async function startServers(env: NodeJS.ProcessEnv, options: { log?: Logger; engine?: AnswerEngine } = {}): Promise<Servers> {
  const log = options.log ?? createLogger();
  const platforms = requestedPlatforms(env);
  // Configuration first: a bad variable is reported before seconds of indexing.
  for (const platform of platforms) await platform.checkEnv(env);
  const host =
    options.engine || !needsIndexHere(env)
      ? undefined
      : EngineHost.open({
        knowledgeDir: resolveKnowledgeDir(undefined, env),
        cacheDir: defaultCacheDir(env),
        watch: env['DEALDESK_WATCH'] !== 'off',
        log: (m) => log.info(m),
        onReload: (result, trigger) =>
          result.ok ? log.info({ trigger, ...result }, 'knowledge reloaded') : log.error({ trigger, problems: result.problems }, 'knowledge reload failed; the previous index keeps serving'),
      });
  const engine: AnswerEngine | undefined = options.engine ?? host;
  const running: RunningPlatform[] = [];
  // A reload (SIGHUP, an admin command) reaches this process's index and every shard's.
  const reload = (trigger: string): Promise<ReloadResult> => {
    for (const platform of running) platform.reload?.(trigger);
    if (host) return host.reload(trigger);
    const message = engine ? 'this engine cannot reload' : 'this process has no index of its own; the reload was passed on to the Discord shards';
    return Promise.resolve({ ok: false, problems: [], message });
  };
  if (engine) log.info({ documents: engine.documents.length, sentences: engine.size }, 'knowledge loaded');
  else log.info('each Discord shard process loads the knowledge; this one only manages them');
  const stop = async (): Promise<void> => {
    host?.close();
    await Promise.allSettled(running.map((p) => p.stop()));
  };
  try {
    for (const platform of platforms) running.push(await (await platform.load())({ env, engine: engine ?? NO_INDEX, log, reload }));
  } catch (error) {
    await stop();
    throw error;
  }
  return { running, engine, reload, stop };
}

/** `npm start`: serve the configured platforms until SIGTERM/SIGINT, or chat in the terminal. */
export async function start(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (requestedPlatforms(env).length === 0) {
    if (!process.stdin.isTTY) {
      process.stdout.write(`${CONFIGURE}\n`);
      return 0;
    }
    const engine = Engine.open({ knowledgeDir: resolveKnowledgeDir(undefined, env), cacheDir: defaultCacheDir(env), log: (m) => process.stderr.write(`${m}\n`) });
    return runChat(engine, process.stdin, process.stdout);
  }
  const log = createLogger();
  const servers = await startServers(env, { log });
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string): void => {
      log.info({ signal }, 'shutting down');
      void servers.stop().then(() => resolve());
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
    // SIGHUP: re-read the knowledge folder (the result is logged by the host).
    process.on('SIGHUP', () => void servers.reload('SIGHUP'));
  });
  return 0;
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  useServingHeap();
  start().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Configuration errors are one clear message; anything else is a bug worth a stack.
      const message = error instanceof DealdeskError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`dealdesk: ${message}\n`);
      process.exit(1);
    },
  );
}
