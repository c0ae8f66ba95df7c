import { describe, expect, it } from 'vitest';
import { COMMANDS, commandsFor, validateCommands } from '../../../adapters/discord/commands.js';

describe('slash command definitions', () => {
  it('defines /ask (question ≤ 300, required; private boolean), /sources, /about and /dealdesk', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(['ask', 'sources', 'about', 'dealdesk']);
    expect(COMMANDS[0]?.options).toEqual([
      expect.objectContaining({ type: 3, name: 'question', required: true, max_length: 300 }),
      expect.objectContaining({ type: 5, name: 'private', required: false }),
    ]);
  });

  it('/dealdesk reload is for Manage Server only (1 << 5 = "32"), in servers only', () => {
    expect(COMMANDS.find((c) => c.name === 'dealdesk')).toMatchObject({
      default_member_permissions: '32',
      dm_permission: false,
      contexts: [0],
      options: [{ type: 1, name: 'reload' }],
    });
  });

  it('leaves global-only fields out of guild registrations', () => {
    expect(commandsFor('global').every((c) => 'contexts' in c && 'integration_types' in c)).toBe(true);
    expect(commandsFor('guild').some((c) => 'contexts' in c || 'integration_types' in c || 'dm_permission' in c)).toBe(false);
    expect(commandsFor('guild')).toContainEqual(expect.objectContaining({ name: 'dealdesk', default_member_permissions: '32' }));
  });

  it('rejects a definition Discord would refuse, naming it', () => {
    const base = { type: 1 as const, description: 'x' };
    expect(() => validateCommands([{ ...base, name: 'Ask' }])).toThrow('Discord command "/Ask" is invalid: name');
    expect(() => validateCommands([{ ...base, name: 'ask', description: 'x'.repeat(101) }])).toThrow('description');
    expect(() => validateCommands([{ ...base, name: 'a' }, { ...base, name: 'a' }])).toThrow('defined twice');
    expect(() =>
      validateCommands([{ ...base, name: 'a', options: [{ type: 5, name: 'b', description: 'b' }, { type: 3, name: 'c', description: 'c', required: true }] }]),
    ).toThrow('required options must come before optional ones');
    const sub = { type: 1 as const, name: 'reload', description: 'r' };
    expect(() => validateCommands([{ ...base, name: 'a', options: [sub, { type: 5, name: 'b', description: 'b' }] }])).toThrow('a command has either subcommands or options, not both');
    expect(() => validateCommands([{ ...base, name: 'a', default_member_permissions: 'ManageGuild' }])).toThrow('default_member_permissions must be a permission bit set as a decimal string');
  });
});
