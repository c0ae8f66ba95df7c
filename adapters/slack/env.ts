import { z } from 'zod';
import { DealdeskError } from '../../src/errors.js';
import { gapSettings, type GapSettings } from '../../src/gaps/data-dir.js';

/** Slack's tokens and signing secret, kept off every enumerable property so no logger or `JSON.stringify` sees them. */
export interface SlackSecrets {
  readonly botToken: string;
  readonly appToken: string | undefined;
  readonly signingSecret: string | undefined;
  /** Every secret value that is set, for redacting log text. */
  readonly all: readonly string[];
}

/** How the Slack adapter runs, parsed once from the environment. Holds no secret values. */
export interface SlackConfig {
  /** `socket` when SLACK_APP_TOKEN is set, otherwise `http`. */
  mode: 'socket' | 'http';
  /** HTTP mode's port (PORT, default 3000; 0 picks a free one). */
  port: number;
  /** Web API base with a trailing slash (SLACK_API_URL), or undefined for Slack's own. */
  apiUrl: string | undefined;
  /** Who sees a /ask answer (SLACK_ASK_VISIBILITY). */
  askVisibility: 'in_channel' | 'ephemeral';
  /** Show 👍/👎 and record feedback (SLACK_FEEDBACK, default on). */
  feedback: boolean;
  /** Folder for feedback and the question log (DEALDESK_DATA_DIR, default ./data). */
  dataDir: string;
  /** Keep user ids in the question log (DEALDESK_LOG_USERS=on; default off). */
  logUsers: boolean;
  /** Slack user ids that may run `/dealdesk reload` (SLACK_ADMIN_USERS; empty: nobody). */
  adminUsers: readonly string[];
  /** Questions per user per minute (SLACK_RATE_LIMIT_PER_MINUTE, default 10; 0 turns the limit off). */
  ratePerMinute: number;
  /** Socket Mode ping timeout, which is also the first reconnect delay (SLACK_SOCKET_PING_TIMEOUT_MS, default 5000). */
  socketPingTimeoutMs: number;
  secrets: SlackSecrets;
}

/** A Slack user id as Slack sends it in `user_id`: U or W, then upper-case letters and digits. */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

const optional = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const trimmed = z.preprocess(optional, z.string().trim().optional());

// Messages never quote the value: a malformed variable may be a real secret pasted into the wrong place.
const EnvSchema = z
  .object({
    SLACK_BOT_TOKEN: z.preprocess(
      optional,
      z.string({ error: 'SLACK_BOT_TOKEN is missing: set it to the Bot User OAuth Token (xoxb-…) from "OAuth & Permissions".' }).trim()
        .startsWith('xoxb-', 'SLACK_BOT_TOKEN must be a bot token starting with "xoxb-" (copy it from "OAuth & Permissions").'),
    ),
    SLACK_APP_TOKEN: trimmed.refine((v) => v === undefined || v.startsWith('xapp-'), {
      error: 'SLACK_APP_TOKEN must be an app-level token starting with "xapp-" (Basic Information → App-Level Tokens, scope connections:write); unset it to use HTTP mode.',
    }),
    SLACK_SIGNING_SECRET: trimmed,
    PORT: z.preprocess(
      optional,
      z.coerce.number({ error: 'PORT must be a whole number from 0 to 65535.' }).int('PORT must be a whole number from 0 to 65535.')
        .min(0, 'PORT must be a whole number from 0 to 65535.').max(65535, 'PORT must be a whole number from 0 to 65535.').default(3000),
    ),
    SLACK_API_URL: z.preprocess(optional, z.url({ protocol: /^https?$/, error: 'SLACK_API_URL must be an http(s) URL such as https://slack.com/api/ (or unset).' }).optional()),
    SLACK_ASK_VISIBILITY: z.preprocess(
      (v) => (typeof v === 'string' ? optional(v.trim().toLowerCase()) : v),
      z.enum(['in_channel', 'ephemeral'], { error: 'SLACK_ASK_VISIBILITY must be "in_channel" (everyone sees /ask answers) or "ephemeral" (only the asker does).' }).default('in_channel'),
    ),
    SLACK_FEEDBACK: z.preprocess(
      (v) => (typeof v === 'string' ? optional(v.trim().toLowerCase()) : v),
      z.enum(['on', 'off'], { error: 'SLACK_FEEDBACK must be "on" or "off".' }).default('on'),
    ),
    SLACK_ADMIN_USERS: z.preprocess(
      (v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter((id) => id !== '') : v),
      z.array(z.string()).optional().superRefine((ids, ctx) => {
        // Positions, not values: the rule for every message here (see the note above).
        const bad = (ids ?? []).flatMap((id, i) => (SLACK_USER_ID.test(id) ? [] : [i + 1]));
        if (bad.length === 0) return;
        ctx.addIssue({
          code: 'custom',
          message: `SLACK_ADMIN_USERS must list Slack user ids (like U012AB3CD: a profile's "⋮ → Copy member ID"), separated by commas or spaces; ${bad.length === 1 ? 'entry' : 'entries'} ${listed(bad)} ${bad.length === 1 ? 'is not one' : 'are not'}.`,
        });
      }),
    ),
    SLACK_RATE_LIMIT_PER_MINUTE: z.preprocess(
      optional,
      z.coerce.number({ error: 'SLACK_RATE_LIMIT_PER_MINUTE must be a whole number (questions per user per minute; 0 turns the limit off).' })
        .int('SLACK_RATE_LIMIT_PER_MINUTE must be a whole number (questions per user per minute; 0 turns the limit off).')
        .min(0, 'SLACK_RATE_LIMIT_PER_MINUTE must be 0 or more (0 turns the limit off).').default(10),
    ),
    SLACK_SOCKET_PING_TIMEOUT_MS: z.preprocess(
      optional,
      z.coerce.number({ error: 'SLACK_SOCKET_PING_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000.' }).int('SLACK_SOCKET_PING_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000.')
        .min(100, 'SLACK_SOCKET_PING_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000.').max(60_000, 'SLACK_SOCKET_PING_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000.').default(5000),
    ),
  });

function listed(items: readonly number[]): string {
  return items.length === 1 ? String(items[0]) : `${items.slice(0, -1).join(', ')} and ${String(items.at(-1))}`;
}

// A cross-variable rule, checked beside the schema (not as a refinement) so it is reported even when other variables are wrong too.
function modeProblem(env: NodeJS.ProcessEnv): string | undefined {
  const set = (name: string): boolean => (env[name] ?? '').trim() !== '';
  if (set('SLACK_APP_TOKEN') || set('SLACK_SIGNING_SECRET')) return undefined;
  return 'Set SLACK_APP_TOKEN (xapp-…) to run in Socket Mode, or SLACK_SIGNING_SECRET ("Basic Information → Signing Secret") to run in HTTP mode.';
}

/**
 * Reads the Slack settings from the environment, once, at start-up. Throws one DealdeskError
 * (code CONFIG_INVALID) listing every missing or malformed variable; no message contains a value.
 *
 * @example
 * const config = parseSlackEnv({ SLACK_BOT_TOKEN: 'xoxb-…', SLACK_SIGNING_SECRET: '…' });
 * config.mode // 'http'
 */
export function parseSlackEnv(env: NodeJS.ProcessEnv): SlackConfig {
  const parsed = EnvSchema.safeParse(env);
  const gaps = questionLogSettings(env);
  const problems = [...new Set([...(parsed.error?.issues.map((issue) => issue.message) ?? []), ...gaps.problems, modeProblem(env)])].filter((p) => p !== undefined);
  if (!parsed.success || gaps.settings === undefined || problems.length > 0) {
    throw new DealdeskError('CONFIG_INVALID', 'The Slack settings are invalid (see adapters/slack/README.md, "Environment"):', problems);
  }
  const e = parsed.data;
  return {
    mode: e.SLACK_APP_TOKEN !== undefined ? 'socket' : 'http',
    port: e.PORT,
    apiUrl: e.SLACK_API_URL === undefined ? undefined : e.SLACK_API_URL.replace(/\/*$/, '/'),
    askVisibility: e.SLACK_ASK_VISIBILITY,
    feedback: e.SLACK_FEEDBACK === 'on',
    dataDir: gaps.settings.dataDir,
    logUsers: gaps.settings.logUsers,
    adminUsers: Object.freeze([...new Set(e.SLACK_ADMIN_USERS ?? [])]),
    ratePerMinute: e.SLACK_RATE_LIMIT_PER_MINUTE,
    socketPingTimeoutMs: e.SLACK_SOCKET_PING_TIMEOUT_MS,
    secrets: hiddenSecrets(e.SLACK_BOT_TOKEN, e.SLACK_APP_TOKEN, e.SLACK_SIGNING_SECRET),
  };
}

/** DEALDESK_DATA_DIR and DEALDESK_LOG_USERS, read as the core reads them; their problems join the one list. */
function questionLogSettings(env: NodeJS.ProcessEnv): { settings: GapSettings | undefined; problems: readonly string[] } {
  try {
    return { settings: gapSettings(undefined, env), problems: [] };
  } catch (error) {
    if (error instanceof DealdeskError) return { settings: undefined, problems: error.problems };
    throw error;
  }
}

function hiddenSecrets(botToken: string, appToken: string | undefined, signingSecret: string | undefined): SlackSecrets {
  const all = [botToken, appToken, signingSecret].filter((s): s is string => s !== undefined);
  const secrets = Object.create(null) as SlackSecrets;
  // Non-enumerable, and toJSON/inspect say "[redacted]", so logging the config can never print a secret.
  Object.defineProperties(secrets, {
    botToken: { value: botToken },
    appToken: { value: appToken },
    signingSecret: { value: signingSecret },
    all: { value: Object.freeze(all) },
    toJSON: { value: () => '[redacted]' },
    [Symbol.for('nodejs.util.inspect.custom')]: { value: () => '[redacted]' },
  });
  return secrets;
}
