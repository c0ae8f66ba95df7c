import { createRequire } from 'node:module';

/** yaml loads lazily (~45 ms): a start-up from a snapshot never parses YAML. */
export function parseYaml(text: string): unknown {
  const yaml = createRequire(import.meta.url)('yaml') as { parse: (text: string) => unknown };
  return yaml.parse(text);
}
