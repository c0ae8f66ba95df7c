import type { APIActionRowComponent, APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';

// Discord's numbers, typed by discord.js's enums but not loading discord.js at run time, so the
// formatters (and their tests) stay light.
const ACTION_ROW = 1 as ComponentType.ActionRow;
const BUTTON = 2 as ComponentType.Button;
const SECONDARY = 2 as ButtonStyle.Secondary;

/**
 * What a button does, decoded from its `custom_id`. The id carries all the state (the
 * passage's 12-hex key), so buttons keep working after a restart and on any shard.
 */
export type ButtonAction = { kind: 'more'; key: string } | { kind: 'context'; key: string } | { kind: 'feedback'; vote: 'up' | 'down'; key: string };

const KEY = '[0-9a-f]{6,40}';
const PATTERNS: [RegExp, (m: RegExpExecArray) => ButtonAction | undefined][] = [
  [new RegExp(`^dd:more:(${KEY})$`), (m) => (m[1] ? { kind: 'more', key: m[1] } : undefined)],
  [new RegExp(`^dd:ctx:(${KEY})$`), (m) => (m[1] ? { kind: 'context', key: m[1] } : undefined)],
  [new RegExp(`^dd:fb:(up|down):(${KEY})$`), (m) => (m[2] && (m[1] === 'up' || m[1] === 'down') ? { kind: 'feedback', vote: m[1], key: m[2] } : undefined)],
];

/**
 * The `custom_id` of a button (at most 100 characters: the prefix is short and keys are hex).
 *
 * @example encodeButton({ kind: 'feedback', vote: 'up', key: '7b76657a69b8' }) // 'dd:fb:up:7b76657a69b8'
 */
export function encodeButton(action: ButtonAction): string {
  switch (action.kind) {
    case 'more':
      return `dd:more:${action.key}`;
    case 'context':
      return `dd:ctx:${action.key}`;
    case 'feedback':
      return `dd:fb:${action.vote}:${action.key}`;
  }
}

/** Decodes a `custom_id`; undefined for ids this bot did not make. */
export function decodeButton(customId: string): ButtonAction | undefined {
  for (const [pattern, read] of PATTERNS) {
    const match = pattern.exec(customId);
    if (match) return read(match);
  }
  return undefined;
}

/** The buttons under an answer: "More sources", "Show context", and 👍/👎 unless feedback is off. */
export function answerButtons(key: string, options: { feedback: boolean }): APIActionRowComponent<APIButtonComponent>[] {
  const button = (action: ButtonAction, label: string, emoji?: string): APIButtonComponent => ({
    type: BUTTON,
    style: SECONDARY,
    custom_id: encodeButton(action),
    ...(emoji === undefined ? { label } : { emoji: { name: emoji } }),
  });
  const components = [button({ kind: 'more', key }, 'More sources'), button({ kind: 'context', key }, 'Show context')];
  if (options.feedback) components.push(button({ kind: 'feedback', vote: 'up', key }, 'Helpful', '👍'), button({ kind: 'feedback', vote: 'down', key }, 'Not helpful', '👎'));
  return [{ type: ACTION_ROW, components }];
}
