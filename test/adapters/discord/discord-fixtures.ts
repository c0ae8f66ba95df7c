/**
 * Gateway and REST payloads in Discord's documented shapes (API v10), for the fake Discord:
 * the bot's application and user, one guild with a text channel, a second channel and a
 * thread, people, messages and interactions. Factories take overrides.
 */

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A fresh, valid snowflake (timestamp-based, unique within the process). */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (BigInt(process.pid & 0x3ff) << 12n) | increment).toString();
}

export const APP_ID = '1000000000000000001';
export const BOT_ID = '1000000000000000002';
export const GUILD_ID = '1100000000000000001';
export const CHANNEL_ID = '1200000000000000001';
export const OTHER_CHANNEL_ID = '1200000000000000002';
export const THREAD_ID = '1200000000000000003';

export interface User {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

export const BOT_USER: User = { id: BOT_ID, username: 'dealdesk', discriminator: '0', global_name: null, avatar: null, bot: true };

let people = 0;
/** A new person (each test uses its own, so per-user rate limits never interfere). */
export function person(name = `person${++people}`): User {
  return { id: snowflake(), username: name, discriminator: '0', global_name: name, avatar: null };
}

/** Where an event happens: a guild channel or thread, or a person's DM channel. */
export interface Place {
  guildId?: string;
  channel: { id: string; type: number; parent_id?: string; recipients?: User[] };
}

export const inChannel = (id = CHANNEL_ID): Place => ({ guildId: GUILD_ID, channel: { id, type: 0 } });
export const inThread = (): Place => ({ guildId: GUILD_ID, channel: { id: THREAD_ID, type: 11, parent_id: CHANNEL_ID } });
export const inDm = (user: User, id = snowflake()): Place => ({ channel: { id, type: 1, recipients: [user] } });

/** GUILD_CREATE: the guild with its channels, thread and the bot as a member. */
export function guildCreate(guildId = GUILD_ID): Record<string, unknown> {
  const joinedAt = new Date().toISOString();
  const channel = (id: string, name: string, position: number) => ({ id, type: 0, guild_id: guildId, name, position, permission_overwrites: [], parent_id: null, nsfw: false, topic: null, last_message_id: null, rate_limit_per_user: 0 });
  return {
    id: guildId,
    name: 'Test server',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: '1400000000000000001',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id: guildId, name: '@everyone', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: '2248473465835073', managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [{ user: BOT_USER, roles: [], joined_at: joinedAt, deaf: false, mute: false, flags: 0 }],
    channels: guildId === GUILD_ID ? [channel(CHANNEL_ID, 'general', 0), channel(OTHER_CHANNEL_ID, 'off-topic', 1)] : [],
    threads:
      guildId === GUILD_ID
        ? [
            {
              id: THREAD_ID,
              type: 11,
              guild_id: guildId,
              parent_id: CHANNEL_ID,
              owner_id: '1400000000000000001',
              name: 'deal talk',
              last_message_id: null,
              rate_limit_per_user: 0,
              message_count: 0,
              member_count: 2,
              thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: joinedAt, locked: false },
            },
          ]
        : [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    stickers: [],
  };
}

/** A message object (MESSAGE_CREATE payload, or a REST response). */
export function messagePayload(options: {
  channelId: string;
  guildId?: string | undefined;
  author: User;
  content?: string;
  mentions?: User[];
  embeds?: unknown[];
  components?: unknown[];
  flags?: number;
  reference?: { messageId: string; channelId: string; guildId?: string | undefined };
  id?: string;
  /** MESSAGE_CREATE carries the channel's type (discord.js needs it to build an uncached DM channel). */
  channelType?: number;
}): Record<string, unknown> {
  return {
    id: options.id ?? snowflake(),
    channel_id: options.channelId,
    channel_type: options.channelType ?? (options.guildId === undefined ? 1 : options.channelId === THREAD_ID ? 11 : 0),
    ...(options.guildId !== undefined && { guild_id: options.guildId, member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } }),
    author: options.author,
    content: options.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: options.mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: options.embeds ?? [],
    components: options.components ?? [],
    pinned: false,
    type: options.reference ? 19 : 0,
    flags: options.flags ?? 0,
    ...(options.reference && {
      message_reference: { type: 0, message_id: options.reference.messageId, channel_id: options.reference.channelId, ...(options.reference.guildId !== undefined && { guild_id: options.reference.guildId }) },
    }),
  };
}

/** An ordinary member's permissions in the test guild: no Manage Server (1 << 5), no Administrator (1 << 3). */
export const MEMBER_PERMISSIONS = '2248473465835073';
/** Manage Server only: enough for `/dealdesk`. */
export const MANAGE_GUILD = '32';

/** The parts of INTERACTION_CREATE common to commands and buttons. */
function interactionBase(user: User, place: Place, permissions = MEMBER_PERMISSIONS): Record<string, unknown> {
  const inGuild = place.guildId !== undefined;
  return {
    id: snowflake(),
    application_id: APP_ID,
    token: `interaction-token-${snowflake()}`,
    version: 1,
    channel: place.channel,
    channel_id: place.channel.id,
    ...(inGuild
      ? { guild_id: place.guildId, guild_locale: 'en-US', member: { user, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions } }
      : { user }),
    locale: 'en-GB',
    app_permissions: '2248473465835073',
    entitlements: [],
    authorizing_integration_owners: inGuild ? { '0': place.guildId } : { '0': GUILD_ID },
    context: inGuild ? 0 : 1,
    attachment_size_limit: 8388608,
  };
}

/**
 * A slash command; `options` are name → value (strings are type 3, booleans type 5), inside
 * `extra.subcommand` when given. `extra.permissions` is the member's permission bit set in a guild.
 */
export function commandInteraction(
  name: string,
  options: Record<string, string | boolean>,
  user: User,
  place: Place = inChannel(),
  extra: { subcommand?: string; permissions?: string } = {},
): Record<string, unknown> {
  const values = Object.entries(options).map(([key, value]) => ({ name: key, type: typeof value === 'boolean' ? 5 : 3, value }));
  return {
    ...interactionBase(user, place, extra.permissions),
    type: 2,
    data: {
      id: snowflake(),
      name,
      type: 1,
      options: extra.subcommand === undefined ? values : [{ name: extra.subcommand, type: 1, options: values }],
    },
  };
}

/** A click on a button of `message`. */
export function buttonInteraction(customId: string, message: Record<string, unknown>, user: User, place: Place = inChannel()): Record<string, unknown> {
  return { ...interactionBase(user, place), type: 3, data: { custom_id: customId, component_type: 2 }, message };
}
