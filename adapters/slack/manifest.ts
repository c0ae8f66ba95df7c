#!/usr/bin/env node
/**
 * `npm run slack:manifest`: prints adapters/slack/manifest.yaml, ready to paste into "Create
 * New App → From a manifest". With SLACK_REQUEST_URL set, prints the HTTP-mode variant: Socket
 * Mode off and every request URL (events, interactivity, /ask, /dealdesk) set to it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { DealdeskError } from '../../src/errors.js';
import { ASK_COMMAND } from './handlers/ask-command.js';
import { DEALDESK_COMMAND } from './handlers/dealdesk-command.js';
import { EVENTS_PATH } from './paths.js';

const SlashCommandSchema = z.object({ command: z.string(), description: z.string().min(1), should_escape: z.boolean(), url: z.url().optional() });

/** The parts of the manifest this adapter relies on; a manifest edit that drops one fails here (and in the tests). */
export const ManifestSchema = z.object({
  display_information: z.object({ name: z.string().min(1).max(35) }),
  features: z.object({
    app_home: z.object({ messages_tab_enabled: z.literal(true), messages_tab_read_only_enabled: z.literal(false) }),
    bot_user: z.object({ display_name: z.string().min(1) }),
    // Exactly the commands the app registers, in this order.
    slash_commands: z.tuple([SlashCommandSchema.extend({ command: z.literal(ASK_COMMAND) }), SlashCommandSchema.extend({ command: z.literal(DEALDESK_COMMAND) })]),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.url().optional(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.literal(true), request_url: z.url().optional() }),
    socket_mode_enabled: z.boolean(),
  }),
});

/** Where manifest.yaml is: beside this module in the source tree, or three levels up from dist/adapters/slack/. */
export function manifestPath(): string {
  const candidates = [new URL('./manifest.yaml', import.meta.url), new URL('../../../adapters/slack/manifest.yaml', import.meta.url)].map((u) => fileURLToPath(u));
  const found = candidates.find((p) => existsSync(p));
  if (found === undefined) throw new DealdeskError('CONFIG_INVALID', `manifest.yaml not found (looked in ${candidates.join(' and ')}); run from a checkout of the repository.`);
  return found;
}

/**
 * The manifest text, comments kept. With a request URL: HTTP mode (Socket Mode off, URLs
 * filled in). A URL with no path gets Bolt's `/slack/events`. Slack requires https.
 *
 * @example renderManifest(yamlText, 'https://dealdesk.example.org') // '…request_url: https://dealdesk.example.org/slack/events…'
 */
export function renderManifest(yamlText: string, requestUrl: string | undefined): string {
  const doc = parseDocument(yamlText);
  const manifest = ManifestSchema.parse(doc.toJS());
  // Socket Mode: the file exactly as written (a YAML round trip would re-wrap its long lines).
  if (requestUrl === undefined || requestUrl.trim() === '') return yamlText;
  const url = eventsUrl(requestUrl.trim());
  doc.setIn(['settings', 'socket_mode_enabled'], false);
  doc.setIn(['settings', 'event_subscriptions', 'request_url'], url);
  doc.setIn(['settings', 'interactivity', 'request_url'], url);
  manifest.features.slash_commands.forEach((_, i) => doc.setIn(['features', 'slash_commands', i, 'url'], url));
  const rendered = doc.toString();
  ManifestSchema.parse(parseDocument(rendered).toJS());
  return rendered;
}

function eventsUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DealdeskError('CONFIG_INVALID', 'SLACK_REQUEST_URL must be an https URL such as https://dealdesk.example.org/slack/events.');
  }
  if (url.protocol !== 'https:') throw new DealdeskError('CONFIG_INVALID', 'SLACK_REQUEST_URL must use https (Slack only sends requests to https URLs).');
  if (url.pathname === '/' || url.pathname === '') url.pathname = EVENTS_PATH;
  return url.href;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  try {
    process.stdout.write(renderManifest(readFileSync(manifestPath(), 'utf8'), process.env['SLACK_REQUEST_URL']));
  } catch (error) {
    process.stderr.write(`dealdesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
