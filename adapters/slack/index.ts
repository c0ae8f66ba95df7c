import { DealdeskError } from '../../src/errors.js';
import type { StartPlatform } from '../platform.js';

/** Placeholder until the Slack adapter lands (issue "Slack app"). */
export const startSlack: StartPlatform = async () => {
  throw new DealdeskError('CONFIG_INVALID', 'The Slack adapter is not built yet; unset SLACK_BOT_TOKEN.');
};
