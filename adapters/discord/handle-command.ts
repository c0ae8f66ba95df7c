import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { BotDeps } from './deps.js';
import { logQuestion } from './log-question.js';
import { formatAnswer } from './format-answer.js';
import { formatAbout, formatSources, notice } from './format-reference.js';
import { handleDealdesk } from './handle-reload.js';
import { WORDING } from './wording.js';

/**
 * `/ask`, `/sources`, `/about`, `/dealdesk`. `/ask` is deferred first: the engine call is usually fast, but
 * Discord drops an interaction not acknowledged within 3 s, and a large knowledge base or a busy
 * process could pass that.
 */
export async function handleCommand(interaction: ChatInputCommandInteraction, deps: BotDeps, requestId: string): Promise<void> {
  switch (interaction.commandName) {
    case 'ask':
      return handleAsk(interaction, deps, requestId);
    case 'sources':
      await interaction.reply({ ...formatSources(deps.engine.documents), flags: MessageFlags.Ephemeral });
      return;
    case 'about':
      await interaction.reply({ ...formatAbout(deps.engine.documents.length), flags: MessageFlags.Ephemeral });
      return;
    case 'dealdesk':
      return handleDealdesk(interaction, deps, requestId);
    default:
      // A command registered by an older version of the bot.
      await interaction.reply({ ...notice(WORDING.unknownAction), flags: MessageFlags.Ephemeral });
  }
}

async function handleAsk(interaction: ChatInputCommandInteraction, deps: BotDeps, requestId: string): Promise<void> {
  const question = interaction.options.getString('question', true);
  const isPrivate = interaction.options.getBoolean('private') ?? false;
  const decision = deps.limiter.take(interaction.user.id);
  if (!decision.ok) {
    await interaction.reply({ ...notice(WORDING.rateLimited(decision.retryAfterMs)), flags: MessageFlags.Ephemeral });
    deps.log.info({ requestId, command: 'ask', user: interaction.user.id }, 'discord rate limit reached');
    return;
  }
  await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
  const started = performance.now();
  const result = deps.engine.ask(question);
  await interaction.editReply(formatAnswer(result, { feedback: deps.config.feedback }));
  await logQuestion(deps, result, interaction.user.id, requestId);
  deps.log.info(
    { requestId, command: 'ask', status: result.status, ...(result.status === 'no_answer' && { reason: result.reason }), private: isPrivate, ms: Math.round(performance.now() - started) },
    'discord question answered',
  );
}
