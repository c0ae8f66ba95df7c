/**
 * Slack mrkdwn that cannot be hijacked: every piece of outside text (questions, quotes, titles,
 * labels) goes through `escapeMrkdwn`, so `<!channel>`, `<!here>`, `<@U…>` and `<!subteam^…>`
 * arrive as visible text, never as live mentions. Only this module writes mrkdwn syntax.
 */

/**
 * Escapes the three characters Slack gives meaning to in mrkdwn and in the `text` fallback.
 *
 * @example escapeMrkdwn('<!channel> & co') // '&lt;!channel&gt; &amp; co'
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Slack escapes the same three characters in the text it sends (messages, slash commands), so
 * a user's "US & NATO" arrives as "US &amp; NATO". Undone before the engine searches, and
 * escaped again, once, on the way out.
 *
 * @example unescapeSlackText('US &amp; NATO &lt;3') // 'US & NATO <3'
 */
export function unescapeSlackText(text: string): string {
  // One pass, so "&amp;lt;" becomes "&lt;" and not "<".
  return text.replace(/&(lt|gt|amp);/g, (_, name: string) => (name === 'lt' ? '<' : name === 'gt' ? '>' : '&'));
}

const ELLIPSIS = '…';

/**
 * Writes mrkdwn within a length budget. Outside text is escaped and, when the budget runs out,
 * cut at a whole character (never inside an `&amp;` or a surrogate pair) with "…", closing any
 * open bold. Once full, further writes are ignored, so callers need not count.
 *
 * @example
 * const w = new MrkdwnWriter(3000);
 * w.raw('> ').text('Witkoff said ').bold('Article 5');
 * w.toString() // '> Witkoff said *Article 5*'
 */
export class MrkdwnWriter {
  private out = '';
  private full = false;

  constructor(private readonly max: number) {
    if (max < 8) throw new RangeError(`MrkdwnWriter: max must be at least 8 (got ${max})`);
  }

  /** True once the budget ran out and "…" was written. */
  get truncated(): boolean {
    return this.full;
  }

  /** Our own mrkdwn syntax, written whole or not at all. */
  raw(syntax: string): this {
    if (this.full) return this;
    if (this.out.length + syntax.length + ELLIPSIS.length > this.max) return this.stop('');
    this.out += syntax;
    return this;
  }

  /** Outside text, escaped; newlines become spaces (a line break would end a block quote). */
  text(outside: string): this {
    return this.write(outside, '');
  }

  /** Outside text in bold. Whitespace at its edges stays outside the asterisks, which Slack needs. */
  bold(outside: string): this {
    const match = /^(\s*)(.*?)(\s*)$/s.exec(outside);
    const [lead, core, trail] = [match?.[1] ?? '', match?.[2] ?? outside, match?.[3] ?? ''];
    this.text(lead);
    if (core !== '' && !this.full) {
      // Room for both asterisks and the ellipsis, so a cut inside the bold can still close it.
      if (this.out.length + 2 + ELLIPSIS.length > this.max) return this.stop('');
      this.out += '*';
      this.write(core, '*');
      if (!this.full) this.out += '*';
    }
    return this.text(trail);
  }

  /** A link `<url|label>` when `url` is http(s), otherwise the label alone. Written whole, or as a cut label. */
  link(url: string | undefined, label: string): this {
    const href = safeHref(url);
    const shown = escapeMrkdwn(oneLine(label));
    const whole = href === undefined ? undefined : shown === '' ? `<${href}>` : `<${href}|${shown}>`;
    if (whole !== undefined && this.out.length + whole.length + ELLIPSIS.length <= this.max) {
      this.out += whole;
      return this;
    }
    return this.text(label);
  }

  toString(): string {
    return this.out;
  }

  /** Appends escaped text until the budget (less what `closing` still needs) runs out. */
  private write(outside: string, closing: string): this {
    if (this.full) return this;
    const escaped = escapeMrkdwn(oneLine(outside));
    if (this.out.length + escaped.length + closing.length + ELLIPSIS.length <= this.max) {
      this.out += escaped;
      return this;
    }
    for (const char of oneLine(outside)) {
      const piece = escapeMrkdwn(char);
      if (this.out.length + piece.length + closing.length + ELLIPSIS.length > this.max) break;
      this.out += piece;
    }
    return this.stop(closing);
  }

  private stop(closing: string): this {
    this.out += ELLIPSIS;
    this.full = true;
    // The caller (bold) appends the closing syntax only when not full; do it here instead.
    this.out += closing;
    return this;
  }
}

/** Plain text for the `text` fallback: escaped, one line, cut to `max` characters. */
export function fallbackText(parts: readonly string[], max: number): string {
  const w = new MrkdwnWriter(max);
  parts.forEach((part, i) => {
    if (i > 0) w.raw(' ');
    w.text(part);
  });
  // Slack rejects an empty fallback; callers always have words, but keep the guarantee here.
  return w.toString() || ' ';
}

function oneLine(text: string): string {
  return text.replace(/\r\n?|\n|\u2028|\u2029/g, ' ');
}

/** An http(s) URL fit for `<url|label>`: & < > escaped, no `|` or spaces left in it. */
function safeHref(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    // Slack wants & < > escaped inside links too; | would end the URL early.
    return escapeMrkdwn(parsed.href).replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/ /g, '%20');
  } catch {
    return undefined;
  }
}
