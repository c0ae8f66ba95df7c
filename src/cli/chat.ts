import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { CLAIM_STATUS_MEANING } from '../answer/claim-label.js';
import type { Engine } from '../answer/engine.js';
import { isFollowUp } from '../answer/follow-up.js';
import { ANSI, formatAnswer, PLAIN, sourceLine } from './format-text.js';

const HELP = `Ask anything about the documents. A short follow-up ("what about Crimea?") uses your previous question as context.
Commands: /sources  /about  /help  /quit`;

/** The interactive terminal chat (`npm start` with no platform tokens, or `dealdesk chat`). */
export async function runChat(engine: Engine, input: Readable, output: Writable & { isTTY?: boolean }): Promise<number> {
  const style = output.isTTY ? ANSI : PLAIN;
  const rl = createInterface({ input, output, terminal: output.isTTY === true, prompt: 'you> ' });
  output.write(`dealdesk — sourced answers from ${engine.documents.length} document(s), ${engine.size} sentences.\n${HELP}\n\n`);
  rl.prompt();
  let previous: string | undefined;
  for await (const line of rl) {
    const text = line.trim();
    if (text === '/quit' || text === '/exit') break;
    if (text === '/help') output.write(`${HELP}\n`);
    else if (text === '/sources') for (const d of engine.documents) output.write(`• ${sourceLine(d)}\n`);
    else if (text === '/about') {
      for (const [status, meaning] of Object.entries(CLAIM_STATUS_MEANING)) output.write(`• ${status}: ${meaning}\n`);
    } else if (text !== '') {
      const result = engine.ask(text, previous && isFollowUp(text) ? { previous } : {});
      output.write(`\n${formatAnswer(result, style)}\n\n`);
      if (result.status === 'answered' && !(previous && isFollowUp(text))) previous = text;
    }
    rl.prompt();
  }
  rl.close();
  return 0;
}
