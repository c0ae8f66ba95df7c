import { DealdeskError } from '../../src/errors.js';
import type { StartPlatform } from '../platform.js';

/** Placeholder until the Discord adapter lands (issue "Discord bot"). */
export const startDiscord: StartPlatform = async () => {
  throw new DealdeskError('CONFIG_INVALID', 'The Discord adapter is not built yet; unset DISCORD_TOKEN.');
};
