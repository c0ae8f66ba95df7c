import { resolve } from 'node:path';
import { z } from 'zod';
import { DealdeskError } from '../../src/errors.js';
import { Secret } from './secret.js';

/** Discord ids are snowflakes: 17 to 20 digits. */
const SNOWFLAKE = /^\d{17,20}$/;
const RATE_LIMIT = /^(\d+)\s*\/\s*(\d+)\s*(ms|s|m|h)?$/i;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** A `.env` line like `DISCORD_GUILD_ID=` means "not set", not "set to the empty string". */
const blankIsUnset = (value: unknown): unknown => (typeof value === 'string' ? (value.trim() === '' ? undefined : value.trim()) : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());

const snowflake = (what: string) => z.string().regex(SNOWFLAKE, { error: `must be a ${what} id (17–20 digits; Developer Mode → right-click → Copy ID)` });

// Every variable the adapter reads, with the sentence a user sees when it is wrong. The token's
// own value never appears in a message.
const DiscordEnvSchema = z.object({
  DISCORD_TOKEN: z.preprocess(
    blankIsUnset,
    z
      .string({ error: 'is required: the bot token from the Discord Developer Portal (your application → Bot → Reset Token)' })
      .transform((token) => token.replace(/^Bot\s+/i, ''))
      .refine((token) => /^[\w.-]+$/.test(token), { error: 'is not a bot token (it should hold only letters, digits, "-", "_" and "."; copy it again from Bot → Reset Token)' }),
  ),
  DISCORD_APPLICATION_ID: optional(snowflake('application')),
  DISCORD_GUILD_ID: optional(snowflake('server (guild)')),
  DISCORD_API_URL: optional(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' })
      .refine((url) => !/\/v\d+\/?$/.test(url), { error: 'must not end with the API version (write https://discord.com/api, not …/api/v10)' })
      .transform((url) => url.replace(/\/+$/, '')),
  ),
  DISCORD_ALLOWED_CHANNELS: optional(
    z
      .string()
      .transform((list) => list.split(/[\s,]+/).filter((id) => id !== ''))
      .superRefine((ids, ctx) => {
        for (const id of ids.filter((id) => !SNOWFLAKE.test(id))) ctx.addIssue({ code: 'custom', message: `holds "${id}", which is not a channel id (17–20 digits, comma-separated)` });
      }),
  ),
  DISCORD_FEEDBACK: optional(z.enum(['on', 'off'], { error: 'must be "on" or "off"' })),
  DISCORD_RATE_LIMIT: optional(
    z.string().transform((value, ctx) => {
      if (value.toLowerCase() === 'off') return null;
      const match = RATE_LIMIT.exec(value);
      const limit = Number(match?.[1]);
      const windowMs = Number(match?.[2]) * UNIT_MS[(match?.[3]?.toLowerCase() ?? 's') as keyof typeof UNIT_MS];
      if (!match || limit < 1 || windowMs < 1000) {
        ctx.addIssue({ code: 'custom', message: `must be QUESTIONS/WINDOW such as "5/30s" or "20/10m" (at least 1 question per 1s), or "off"; got "${value}"` });
        return z.NEVER;
      }
      return { limit, windowMs };
    }),
  ),
  DISCORD_SHARDS: optional(
    z.string().transform((value, ctx) => {
      if (value.toLowerCase() === 'auto') return 'auto' as const;
      if (/^\d+$/.test(value) && Number(value) >= 1) return Number(value);
      ctx.addIssue({ code: 'custom', message: `must be "auto" or a whole number of shards (1 or more); got "${value}"` });
      return z.NEVER;
    }),
  ),
  DEALDESK_DATA_DIR: optional(z.string()),
});

/** The Discord adapter's settings, parsed once at start-up. */
export interface DiscordConfig {
  token: Secret;
  applicationId: string | undefined;
  guildId: string | undefined;
  /** REST base URL for discord.js `rest.api`; undefined means Discord's own. */
  apiUrl: string | undefined;
  /** Guild channels (and their threads) the bot answers in; undefined means every channel. DMs are always answered. */
  allowedChannels: ReadonlySet<string> | undefined;
  /** Show 👍/👎 buttons and save votes. */
  feedback: boolean;
  /** Folder for feedback JSON lines. */
  dataDir: string;
  /** Questions per user per window; null turns the limit off. */
  rateLimit: { limit: number; windowMs: number } | null;
  /** ShardingManager shard count; undefined means one process, one connection. */
  shards: 'auto' | number | undefined;
}

/** Default per-user question budget: 5 questions per 30 seconds. */
export const DEFAULT_RATE_LIMIT = { limit: 5, windowMs: 30_000 } as const;
export const DEFAULT_DATA_DIR = 'data';

/**
 * Validates the Discord variables and lists every problem in one DealdeskError
 * (`CONFIG_INVALID`). `register` additionally needs DISCORD_APPLICATION_ID.
 *
 * @example parseDiscordEnv({ DISCORD_TOKEN: 'abc.def' }, 'serve').rateLimit // { limit: 5, windowMs: 30000 }
 */
export function parseDiscordEnv(env: NodeJS.ProcessEnv, purpose: 'serve' | 'register'): DiscordConfig {
  const parsed = DiscordEnvSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')} ${issue.message}`);
  if (purpose === 'register' && blankIsUnset(env['DISCORD_APPLICATION_ID']) === undefined) {
    problems.push('DISCORD_APPLICATION_ID is required to register commands: copy the Application ID from the Developer Portal (General Information).');
  }
  if (!parsed.success || problems.length > 0) {
    throw new DealdeskError('CONFIG_INVALID', `Discord settings are invalid (${purpose === 'register' ? 'npm run discord:register' : 'npm start'}); fix these variables, e.g. in .env:`, problems);
  }
  const data = parsed.data;
  return {
    token: new Secret(data.DISCORD_TOKEN),
    applicationId: data.DISCORD_APPLICATION_ID,
    guildId: data.DISCORD_GUILD_ID,
    apiUrl: data.DISCORD_API_URL,
    allowedChannels: data.DISCORD_ALLOWED_CHANNELS && data.DISCORD_ALLOWED_CHANNELS.length > 0 ? new Set(data.DISCORD_ALLOWED_CHANNELS) : undefined,
    feedback: data.DISCORD_FEEDBACK !== 'off',
    dataDir: resolve(data.DEALDESK_DATA_DIR ?? DEFAULT_DATA_DIR),
    rateLimit: data.DISCORD_RATE_LIMIT === undefined ? { ...DEFAULT_RATE_LIMIT } : data.DISCORD_RATE_LIMIT,
    shards: data.DISCORD_SHARDS,
  };
}
