import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { manifestPath, ManifestSchema, renderManifest } from '../../../adapters/slack/manifest.js';
import { ACTION_IDS } from '../../../adapters/slack/button-values.js';
import { ASK_COMMAND } from '../../../adapters/slack/handlers/ask-command.js';
import { DEALDESK_COMMAND } from '../../../adapters/slack/handlers/dealdesk-command.js';
import { DealdeskError } from '../../../src/errors.js';

const text = readFileSync(manifestPath(), 'utf8');

describe('manifest.yaml', () => {
  it('declares what the app handles: /ask, /dealdesk, app_mention and message.im, interactivity, Socket Mode on', () => {
    const manifest = ManifestSchema.parse(parse(text));
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([ASK_COMMAND, DEALDESK_COMMAND]);
    // Slack shows the usage hint beside the command; the schema does not keep it, so read the raw YAML.
    expect((parse(text) as { features: { slash_commands: unknown[] } }).features.slash_commands[1]).toMatchObject({ command: '/dealdesk', usage_hint: 'reload', should_escape: false });
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(Object.values(ACTION_IDS).length).toBe(4);
  });

  it('asks only for the scopes the handlers use', () => {
    const manifest = ManifestSchema.parse(parse(text));
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history']);
  });

  it('refuses a manifest that drops a command the app registers', () => {
    const withoutDealdesk = parse(text) as { features: { slash_commands: unknown[] } };
    withoutDealdesk.features.slash_commands.pop();
    expect(ManifestSchema.safeParse(withoutDealdesk).success).toBe(false);
  });
});

describe('renderManifest', () => {
  it('prints the manifest unchanged, comments and all, without SLACK_REQUEST_URL', () => {
    expect(renderManifest(text, undefined)).toBe(text);
    expect(renderManifest(text, ' ')).toBe(text);
  });

  it('fills in every request URL and turns Socket Mode off for HTTP mode', () => {
    const rendered = renderManifest(text, 'https://dealdesk.example.org');
    const manifest = ManifestSchema.parse(parse(rendered));
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.event_subscriptions.request_url).toBe('https://dealdesk.example.org/slack/events');
    expect(manifest.settings.interactivity.request_url).toBe('https://dealdesk.example.org/slack/events');
    expect(manifest.features.slash_commands.map((c) => c.url)).toEqual(['https://dealdesk.example.org/slack/events', 'https://dealdesk.example.org/slack/events']);
    expect(rendered).toContain('# Slack app manifest for dealdesk.');
    expect(parse(renderManifest(text, 'https://lb.example.org/custom/path')).settings.interactivity.request_url).toBe('https://lb.example.org/custom/path');
  });

  it('refuses a URL Slack would not call', () => {
    expect(() => renderManifest(text, 'http://dealdesk.example.org')).toThrow(new DealdeskError('CONFIG_INVALID', 'SLACK_REQUEST_URL must use https (Slack only sends requests to https URLs).'));
    expect(() => renderManifest(text, 'not a url')).toThrow(/SLACK_REQUEST_URL must be an https URL/);
  });

  it('runs as a script (npm run slack:manifest runs its compiled copy)', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'adapters/slack/manifest.ts'], { env: { ...process.env, SLACK_REQUEST_URL: 'https://x.example.org' }, encoding: 'utf8' });
    expect(parse(out).settings.socket_mode_enabled).toBe(false);
  });
});
