/** Where an event happened: a guild channel or thread (with its parent), or a DM (no guild). */
export interface Place {
  guildId: string | null;
  channelId: string | null;
  parentId?: string | null;
}

/**
 * DISCORD_ALLOWED_CHANNELS: in a guild, answer only in the listed channels and their threads.
 * DMs are always answered; no list means every channel.
 *
 * @example channelAllowed(new Set(['1']), { guildId: 'g', channelId: 't', parentId: '1' }) // true
 */
export function channelAllowed(allowed: ReadonlySet<string> | undefined, place: Place): boolean {
  if (allowed === undefined || place.guildId === null) return true;
  return (place.channelId !== null && allowed.has(place.channelId)) || (place.parentId != null && allowed.has(place.parentId));
}
