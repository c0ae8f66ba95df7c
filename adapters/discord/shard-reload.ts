import { z } from 'zod';

/**
 * `/dealdesk reload` on one shard must reload every shard: each shard process holds its own
 * index. The shard that got the command sends this over its IPC channel; the ShardingManager
 * (shard.ts) passes it on to the other shards, which reload without passing it on again.
 */
export const ReloadRequestSchema = z.object({ dealdesk: z.literal('reload'), trigger: z.string().max(200) });
export type ReloadRequest = z.infer<typeof ReloadRequestSchema>;

/** The IPC message asking the other shards to reload. */
export function reloadRequest(trigger: string): ReloadRequest {
  return { dealdesk: 'reload', trigger: trigger.slice(0, 200) };
}

/** A reload request, or undefined for any other IPC message (discord.js's own, for one). */
export function readReloadRequest(message: unknown): ReloadRequest | undefined {
  const parsed = ReloadRequestSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}
