import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { guarded } from '../error-boundary.js';
import { notice } from '../format-blocks.js';
import { requestIdOf } from '../middleware.js';
import { unescapeSlackText } from '../mrkdwn.js';
import { logQuestion } from '../question-log.js';
import { WORDING } from '../wording.js';

/** The slash command, as in manifest.yaml. */
export const ASK_COMMAND = '/ask';

/**
 * `/ask <question>`: acknowledged at once (Slack allows 3 s), answered through `respond()`.
 * Answers go to the channel or only to the asker (SLACK_ASK_VISIBILITY); declines, rate-limit
 * notices and apologies are always only for the asker. Each answered or declined question then
 * goes to the question log.
 */
export function registerAskCommand(app: App, deps: SlackDeps): void {
  app.command(ASK_COMMAND, async ({ command, ack, respond, context }) => {
    await ack();
    const meta = { kind: 'command', command: ASK_COMMAND, requestId: requestIdOf(context), user: command.user_id, channel: command.channel_id } as const;
    const privately = (text: string): Promise<unknown> => respond({ response_type: 'ephemeral', ...notice(text) });
    await guarded(
      deps,
      meta,
      async () => {
        const allowed = deps.limiter.take(`${command.team_id}:${command.user_id}`);
        if (!allowed.ok) {
          await privately(WORDING.rateLimited(Math.ceil(allowed.retryAfterMs / 1000)));
          return 'rate_limited';
        }
        const { result, message } = deps.answer(unescapeSlackText(command.text));
        const responseType = result.status === 'answered' ? deps.config.askVisibility : 'ephemeral';
        await respond({ response_type: responseType, ...message });
        await logQuestion(deps, meta.requestId, result, command.user_id);
        return result.status;
      },
      privately,
    );
  });
}
