import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';

/** Discord's rule for command and option names (lower case; developer docs "Application Command Naming"). */
const NAME = /^[-_'\p{Ll}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const DESCRIPTION = z.string().min(1).max(100);

const ValueOptionSchema = z.object({
  type: z.union([z.literal(ApplicationCommandOptionType.String), z.literal(ApplicationCommandOptionType.Boolean)]),
  name: z.string().regex(NAME),
  description: DESCRIPTION,
  required: z.boolean().optional(),
  max_length: z.number().int().min(1).max(6000).optional(),
});

/** A subcommand (`/dealdesk reload`): its own options, never nested subcommands. */
const SubcommandSchema = z.strictObject({
  type: z.literal(ApplicationCommandOptionType.Subcommand),
  name: z.string().regex(NAME),
  description: DESCRIPTION,
  options: z.array(ValueOptionSchema).max(25).optional(),
});

const OptionSchema = z.union([ValueOptionSchema, SubcommandSchema]);

/** Requiredness is ordered: Discord refuses a required option after an optional one. */
const requiredFirst = (options: readonly { required?: boolean | undefined }[]): boolean =>
  options.every((o, i, all) => !o.required || all.slice(0, i).every((p) => p.required));

/** What Discord accepts for a slash command, for the fields this bot uses. */
export const CommandSchema = z
  .object({
    type: z.literal(ApplicationCommandType.ChatInput),
    name: z.string().regex(NAME),
    description: DESCRIPTION,
    options: z.array(OptionSchema).max(25).optional(),
    contexts: z.array(z.enum(InteractionContextType)).optional(),
    integration_types: z.array(z.enum(ApplicationIntegrationType)).optional(),
    /** A permission bit set as a decimal string: who may see and use the command by default (server admins can change it). */
    default_member_permissions: z.string().regex(/^\d+$/, { error: 'must be a permission bit set as a decimal string, e.g. "32"' }).nullable().optional(),
    dm_permission: z.boolean().optional(),
  })
  .refine((c) => requiredFirst((c.options ?? []).filter((o) => o.type !== ApplicationCommandOptionType.Subcommand)), {
    error: 'required options must come before optional ones',
  })
  .refine((c) => (c.options ?? []).every((o) => o.type !== ApplicationCommandOptionType.Subcommand || requiredFirst(o.options ?? [])), {
    error: 'required options of a subcommand must come before optional ones',
  })
  .refine((c) => new Set((c.options ?? []).map((o) => o.type === ApplicationCommandOptionType.Subcommand)).size <= 1, {
    error: 'a command has either subcommands or options, not both',
  });

/** Manage Server (1 << 5): who may use `/dealdesk`, the operators' command. */
export const ADMIN_PERMISSION = PermissionFlagsBits.ManageGuild;

/** The most characters `/ask` accepts (Discord enforces it in the client). */
export const ASK_MAX_LENGTH = 300;

/**
 * Every slash command, in one place. Registered by `npm run discord:register`; the handlers
 * switch on these names.
 */
const DEFINITIONS: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  {
    type: ApplicationCommandType.ChatInput,
    name: 'ask',
    description: 'Ask about the documents; the answer quotes its source and says who claims it',
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options: [
      { type: ApplicationCommandOptionType.String, name: 'question', description: 'Your question, e.g. "What did Witkoff say about Article 5?"', required: true, max_length: ASK_MAX_LENGTH },
      { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Only you see the answer', required: false },
    ],
  },
  {
    type: ApplicationCommandType.ChatInput,
    name: 'sources',
    description: 'List the documents I answer from: title, publisher, date and link',
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  },
  {
    type: ApplicationCommandType.ChatInput,
    name: 'about',
    description: 'What this bot is, and what each claim label means',
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  },
  {
    // Operators only: hidden from members without Manage Server (Discord enforces it, server
    // admins may change it under Integrations), and checked again when it runs.
    type: ApplicationCommandType.ChatInput,
    name: 'dealdesk',
    description: 'Operate the bot (Manage Server only)',
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    default_member_permissions: String(ADMIN_PERMISSION),
    dm_permission: false,
    options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'reload', description: 'Re-read the knowledge folder now; the current documents keep answering if it fails' }],
  },
];

/** Checks command definitions against CommandSchema and unique names; throws naming the bad command. */
export function validateCommands<T extends RESTPostAPIChatInputApplicationCommandsJSONBody>(definitions: readonly T[]): readonly T[] {
  const names = new Set<string>();
  for (const definition of definitions) {
    const result = CommandSchema.safeParse(definition);
    if (!result.success) throw new Error(`Discord command "/${definition.name}" is invalid: ${result.error.issues.map((i) => `${i.path.join('.') || 'command'} ${i.message}`).join('; ')}`);
    if (names.has(definition.name)) throw new Error(`Discord command "/${definition.name}" is defined twice`);
    names.add(definition.name);
  }
  return definitions;
}

/** The validated slash commands. */
export const COMMANDS = validateCommands(DEFINITIONS);

/**
 * The registration body for a scope: guild commands take no `contexts`, `integration_types` or
 * `dm_permission` (a guild command exists only in its guild).
 */
export function commandsFor(scope: 'guild' | 'global'): object[] {
  return COMMANDS.map((c) => (scope === 'global' ? c : (({ contexts: _c, integration_types: _i, dm_permission: _d, ...rest }) => rest)(c)));
}
