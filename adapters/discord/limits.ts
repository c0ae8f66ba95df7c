import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js';
import { z } from 'zod';

/** Discord's message limits (developer docs: "Embed Limits", "Create Message", "Button"). */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of every title, description, field name and value, footer and author name in a message. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
} as const;

const L = DISCORD_LIMITS;

export const EmbedSchema = z.object({
  title: z.string().min(1).max(L.embedTitle).optional(),
  description: z.string().min(1).max(L.embedDescription).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  color: z.number().int().min(0).max(0xffffff).optional(),
  author: z.object({ name: z.string().min(1).max(L.authorName) }).optional(),
  fields: z
    .array(z.object({ name: z.string().min(1).max(L.fieldName), value: z.string().min(1).max(L.fieldValue), inline: z.boolean().optional() }))
    .max(L.fields)
    .optional(),
  footer: z.object({ text: z.string().min(1).max(L.footerText) }).optional(),
});

export const ButtonSchema = z.object({
  type: z.literal(2),
  style: z.number().int().min(1).max(4),
  custom_id: z.string().min(1).max(L.customId),
  label: z.string().min(1).max(L.buttonLabel).optional(),
  emoji: z.object({ name: z.string() }).optional(),
});

export const ActionRowSchema = z.object({ type: z.literal(1), components: z.array(ButtonSchema).min(1).max(L.buttonsPerRow) });

/** Every message the bot sends, in the shape discord.js takes, checked against Discord's limits. */
export const OutgoingMessageSchema = z
  .object({
    content: z.string().min(1).max(L.content).optional(),
    embeds: z.array(EmbedSchema).max(L.embeds).optional(),
    components: z.array(ActionRowSchema).max(L.actionRows).optional(),
    // No @everyone, @here, role or user pings, ever: the one allowed value is "nobody".
    allowedMentions: z.object({ parse: z.array(z.never()).length(0), repliedUser: z.literal(false) }),
  })
  .refine((m) => m.content !== undefined || (m.embeds?.length ?? 0) > 0, { error: 'a message needs content or an embed' })
  .refine((m) => embedCharacters(m.embeds ?? []) <= L.embedTotal, { error: `embeds exceed ${L.embedTotal} characters in total` });

/** A message as this adapter builds it (discord.js accepts it for reply, editReply, followUp and send). */
export interface OutgoingMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: { parse: []; repliedUser: false };
}

/** Mentions allowed in every message: none. */
export const NO_MENTIONS: OutgoingMessage['allowedMentions'] = { parse: [], repliedUser: false };

/** Characters that count towards the 6,000 limit. */
export function embedCharacters(embeds: readonly z.input<typeof EmbedSchema>[]): number {
  return embeds.reduce(
    (sum, e) =>
      sum + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.author?.name.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}

/**
 * Checks a built message against the limits and returns it. The formatters fit by construction,
 * so a failure here is a bug: it throws, and the error boundary apologises and logs it.
 */
export function checked<T extends OutgoingMessage>(message: T): T {
  OutgoingMessageSchema.parse(message);
  return message;
}

/**
 * `embed` with `fields` added in order while it stays within 25 fields and 6,000 characters;
 * stops at the first field that does not fit, so what is shown is always the most important
 * part. Each field must already fit the name and value limits (the formatters' budgets).
 *
 * @example withFieldsWithin({ description: 'answer' }, [disputed, moreCitation]).fields?.length // 2
 */
export function withFieldsWithin(embed: APIEmbed, fields: readonly APIEmbedField[]): APIEmbed {
  const kept = [...(embed.fields ?? [])];
  let total = embedCharacters([embed]);
  for (const field of fields) {
    const size = field.name.length + field.value.length;
    if (kept.length >= L.fields || total + size > L.embedTotal) break;
    kept.push(field);
    total += size;
  }
  return kept.length > 0 ? { ...embed, fields: kept } : embed;
}
