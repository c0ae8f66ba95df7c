import { resolve } from 'node:path';
import { z } from 'zod';
import { DealdeskError } from '../errors.js';

export const DEFAULT_DATA_DIR = 'data';

const blankAsUnset = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const GapEnvSchema = z.object({
  DEALDESK_DATA_DIR: z.preprocess(blankAsUnset, z.string().trim().optional()),
  DEALDESK_LOG_USERS: z.preprocess(
    (v) => (typeof blankAsUnset(v) === 'string' ? String(v).trim().toLowerCase() : undefined),
    z.enum(['on', 'off'], { error: 'must be "on" or "off"' }).optional(),
  ),
});

/** Where recorded questions and feedback live, and whether user ids may be stored. */
export interface GapSettings {
  dataDir: string;
  logUsers: boolean;
}

/**
 * Reads the data folder (`--data DIR`, else `DEALDESK_DATA_DIR`, else `./data`) and the
 * `DEALDESK_LOG_USERS` switch (default off: user ids are personal data, kept only by choice).
 * Throws one CONFIG_INVALID error naming each bad variable.
 *
 * @example gapSettings(undefined, { DEALDESK_LOG_USERS: 'on' }) // { dataDir: '/cwd/data', logUsers: true }
 */
export function gapSettings(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): GapSettings {
  const parsed = GapEnvSchema.safeParse({ DEALDESK_DATA_DIR: env['DEALDESK_DATA_DIR'], DEALDESK_LOG_USERS: env['DEALDESK_LOG_USERS'] });
  if (!parsed.success) {
    throw new DealdeskError(
      'CONFIG_INVALID',
      'Environment variables for the coverage-gap log are invalid:',
      parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message} (got "${String(env[String(issue.path[0])])}"). Fix it in .env or unset it.`),
    );
  }
  return {
    dataDir: resolve(flag ?? parsed.data.DEALDESK_DATA_DIR ?? DEFAULT_DATA_DIR),
    logUsers: parsed.data.DEALDESK_LOG_USERS === 'on',
  };
}
