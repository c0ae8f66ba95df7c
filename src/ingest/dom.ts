import { parseHTML } from 'linkedom';

/*
 * The few DOM members ingest uses, typed here because the project compiles without the DOM
 * library (it runs on Node, and `lib: ["dom"]` would let browser globals type-check in code
 * that has no browser). linkedom implements all of them.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  readonly nodeType: number;
  /** Upper-case tag name for elements (`P`, `H2`), `#text` for text. */
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/**
 * Parses an HTML page into a document that Readability can read (and will modify).
 *
 * @example parseHtmlDocument('<title>A</title><p>B</p>').title // 'A'
 */
export function parseHtmlDocument(html: string): DomDocument {
  // linkedom types its result as a browser Window, which this project does not compile against.
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  return document;
}
