import { inspect } from 'node:util';

/**
 * A value that must never be printed: `String()`, `JSON.stringify`, pino and `util.inspect`
 * all show `[redacted]`. Only `reveal()` gives the value, at the one place that needs it.
 *
 * @example new Secret('abc').toString() // '[redacted]'
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The secret itself; call it only where the value leaves for the platform (login, REST). */
  reveal(): string {
    return this.#value;
  }

  /** Removes every occurrence of the secret from `text` (error messages from libraries). */
  scrub(text: string): string {
    return this.#value === '' ? text : text.split(this.#value).join('[redacted]');
  }

  toString(): string {
    return '[redacted]';
  }

  toJSON(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return '[redacted]';
  }
}
