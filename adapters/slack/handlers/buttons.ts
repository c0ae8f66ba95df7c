import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { ACTION_IDS, parseFeedbackValue } from '../button-values.js';
import type { SlackDeps } from '../deps.js';
import { guarded } from '../error-boundary.js';
import { formatContext, formatMoreSources, MAX_SIMILAR, notice } from '../format-blocks.js';
import type { SlackMessage } from '../limits.js';
import { requestIdOf } from '../middleware.js';
import { WORDING } from '../wording.js';

/**
 * The answer's buttons. Each carries its state in its value (a citation key, or a key and the
 * question), so any instance can serve any click. Replies go only to the person who clicked,
 * in the same thread, and leave the answer itself untouched.
 */
export function registerButtons(app: App, deps: SlackDeps): void {
  onButton(app, deps, ACTION_IDS.moreSources, async (value) => {
    const citation = deps.engine.citation(value);
    if (!citation) return { outcome: 'citation_gone', message: notice(WORDING.citationGone) };
    const similar = deps.engine.similar(value, MAX_SIMILAR);
    return { outcome: `more_sources:${similar.length}`, message: formatMoreSources(citation, similar) };
  });

  onButton(app, deps, ACTION_IDS.showContext, async (value) => {
    const citation = deps.engine.citation(value);
    const context = deps.engine.context(value);
    if (!citation || !context) return { outcome: 'citation_gone', message: notice(WORDING.citationGone) };
    return { outcome: 'context', message: formatContext(citation, context) };
  });

  for (const [actionId, vote] of [
    [ACTION_IDS.feedbackUp, 'up'],
    [ACTION_IDS.feedbackDown, 'down'],
  ] as const) {
    onButton(app, deps, actionId, async (value, body) => {
      if (!deps.config.feedback) return { outcome: 'feedback_off', message: notice(WORDING.feedbackOff) };
      const parsed = parseFeedbackValue(value);
      if (!parsed) return { outcome: 'feedback_invalid', message: notice(WORDING.citationGone) };
      await deps.feedback.record({
        at: new Date().toISOString(),
        platform: 'slack',
        vote,
        key: parsed.key,
        question: parsed.question,
        team: body.team?.id,
        user: body.user.id,
        channel: body.channel?.id,
      });
      return { outcome: `feedback_${vote}`, message: notice(WORDING.feedbackThanks) };
    });
  }
}

type ButtonWork = (value: string, body: BlockAction<ButtonAction>) => Promise<{ outcome: string; message: SlackMessage }>;

function onButton(app: App, deps: SlackDeps, actionId: string, work: ButtonWork): void {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, respond, context }) => {
    await ack();
    const privately = (message: SlackMessage): ReturnType<RespondFn> =>
      respond({ response_type: 'ephemeral', replace_original: false, ...threadOf(body), ...message });
    await guarded(
      deps,
      { kind: 'action', requestId: requestIdOf(context), user: body.user.id, channel: body.channel?.id },
      async () => {
        const { outcome, message } = await work(action.value ?? '', body);
        await privately(message);
        return `${actionId}: ${outcome}`;
      },
      (text) => privately(notice(text)),
    );
  });
}

/** The thread of the message whose button was clicked, so the reply lands beside it. */
function threadOf(body: BlockAction<ButtonAction>): { thread_ts?: string } {
  const fromMessage: unknown = body.message?.['thread_ts'];
  const fromContainer: unknown = body.container?.['thread_ts'];
  const ts = typeof fromMessage === 'string' ? fromMessage : typeof fromContainer === 'string' ? fromContainer : undefined;
  return ts !== undefined ? { thread_ts: ts } : {};
}
