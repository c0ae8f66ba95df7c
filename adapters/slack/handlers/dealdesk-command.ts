import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { guarded } from '../error-boundary.js';
import { notice } from '../format-blocks.js';
import { formatReload } from '../format-reload.js';
import type { SlackMessage } from '../limits.js';
import { requestIdOf } from '../middleware.js';
import { WORDING } from '../wording.js';

/** The operators' slash command, as in manifest.yaml. */
export const DEALDESK_COMMAND = '/dealdesk';

/**
 * `/dealdesk reload`: rebuilds the index from the knowledge folder and swaps it in; a bad file
 * leaves the previous index serving and is listed in the reply. Only users in SLACK_ADMIN_USERS
 * may run it (Slack has no per-command permissions, so the check is here); anyone else gets a
 * refusal and nothing is rebuilt. Acknowledged at once, since a rebuild may take seconds; every
 * reply is ephemeral, seen only by whoever ran the command.
 */
export function registerDealdeskCommand(app: App, deps: SlackDeps): void {
  app.command(DEALDESK_COMMAND, async ({ command, ack, respond, context }) => {
    await ack();
    const subcommand = command.text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    const meta = { kind: 'command', command: DEALDESK_COMMAND, requestId: requestIdOf(context), user: command.user_id, channel: command.channel_id } as const;
    const privately = (message: SlackMessage): Promise<unknown> => respond({ response_type: 'ephemeral', ...message });
    await guarded(
      deps,
      meta,
      async () => {
        if (subcommand !== 'reload') {
          await privately(notice(WORDING.dealdeskUsage));
          return 'usage';
        }
        if (!deps.config.adminUsers.includes(command.user_id)) {
          deps.log.warn({ requestId: meta.requestId, user: command.user_id }, 'slack: reload refused; the user is not in SLACK_ADMIN_USERS');
          await privately(notice(WORDING.reloadRefused));
          return 'reload_refused';
        }
        const result = await deps.reload(`slack ${DEALDESK_COMMAND} reload by user ${command.user_id}`);
        if (result.ok) deps.log.info({ requestId: meta.requestId, user: command.user_id, ...result }, 'slack: reload done');
        else deps.log.warn({ requestId: meta.requestId, user: command.user_id, ok: false, problems: result.problems, message: result.message }, 'slack: reload failed; the previous index keeps serving');
        await privately(formatReload(result));
        return result.ok ? 'reloaded' : 'reload_failed';
      },
      (text) => privately(notice(text)),
    );
  });
}
