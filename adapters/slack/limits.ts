import { z } from 'zod';

/**
 * Slack's documented Block Kit limits, as numbers and as zod schemas. The formatters stay
 * within them by construction; the tests parse every message they build with these schemas,
 * for any input (fast-check), so a formatter change that breaks a limit fails a test, not Slack.
 */
export const SLACK_LIMITS = {
  /** Characters of a section block's text. */
  sectionText: 3000,
  /** Characters of one context element's text. */
  contextText: 3000,
  /** Elements in one context block. */
  contextElements: 10,
  /** Blocks in one message. */
  blocks: 50,
  /** Characters of a button's label. */
  buttonText: 75,
  /** Characters of a button's value (our state: a citation key, or a key and the question). */
  buttonValue: 2000,
  /** Characters of an action_id or block_id. */
  id: 255,
  /** Elements in an actions block. */
  actionElements: 25,
  /**
   * Characters of the top-level `text` fallback. Slack truncates at 40,000 but advises about
   * 4,000 for readable notifications; we keep it short.
   */
  fallbackText: 3000,
} as const;

// No optional fields: with exactOptionalPropertyTypes, `x?: T | undefined` would not fit Bolt's block types.
const MrkdwnSchema = z.strictObject({ type: z.literal('mrkdwn'), text: z.string().min(1) });

export const SectionBlockSchema = z.strictObject({
  type: z.literal('section'),
  text: MrkdwnSchema.extend({ text: z.string().min(1).max(SLACK_LIMITS.sectionText) }),
});

export const ContextBlockSchema = z.strictObject({
  type: z.literal('context'),
  elements: z.array(MrkdwnSchema.extend({ text: z.string().min(1).max(SLACK_LIMITS.contextText) })).min(1).max(SLACK_LIMITS.contextElements),
});

export const ButtonSchema = z.strictObject({
  type: z.literal('button'),
  text: z.strictObject({ type: z.literal('plain_text'), text: z.string().min(1).max(SLACK_LIMITS.buttonText), emoji: z.literal(true) }),
  action_id: z.string().min(1).max(SLACK_LIMITS.id),
  value: z.string().min(1).max(SLACK_LIMITS.buttonValue),
});

export const ActionsBlockSchema = z.strictObject({
  type: z.literal('actions'),
  elements: z.array(ButtonSchema).min(1).max(SLACK_LIMITS.actionElements),
});

export const DividerBlockSchema = z.strictObject({ type: z.literal('divider') });

export const BlockSchema = z.discriminatedUnion('type', [SectionBlockSchema, ContextBlockSchema, ActionsBlockSchema, DividerBlockSchema]);

/** A message as this adapter sends it: blocks and the plain `text` fallback for notifications and screen readers. */
export const SlackMessageSchema = z.strictObject({
  text: z.string().min(1).max(SLACK_LIMITS.fallbackText),
  blocks: z.array(BlockSchema).max(SLACK_LIMITS.blocks),
});

export type SectionBlock = z.infer<typeof SectionBlockSchema>;
export type ContextBlock = z.infer<typeof ContextBlockSchema>;
export type Button = z.infer<typeof ButtonSchema>;
export type ActionsBlock = z.infer<typeof ActionsBlockSchema>;
export type SlackBlock = z.infer<typeof BlockSchema>;
export type SlackMessage = z.infer<typeof SlackMessageSchema>;
