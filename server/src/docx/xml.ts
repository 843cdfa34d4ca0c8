// Small helpers over @xmldom/xmldom's DOM for WordprocessingML: elements by local name (the w: prefix is not
// assumed, so Strict OOXML and unusual prefixes read the same), attributes by local name.
import { DOMParser } from '@xmldom/xmldom';

/** The DOM element type of @xmldom/xmldom, without depending on the DOM lib typings. */
export interface El {
  nodeType: number;
  localName: string | null;
  namespaceURI: string | null;
  firstChild: El | null;
  nextSibling: El | null;
  nodeValue: string | null;
  attributes: { length: number; item(i: number): { localName: string | null; name: string; value: string } | null };
  documentElement?: El | null;
}

const ELEMENT = 1;

export class XmlError extends Error {}

/** Parses an XML part; throws XmlError on malformed XML. */
export function parseXml(text: string, part: string): El {
  let fatal: string | undefined;
  let doc: El;
  try {
    doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level === 'fatalError' && !fatal) fatal = message;
      },
    }).parseFromString(text, 'text/xml') as unknown as El;
  } catch (e) {
    throw new XmlError(`${part}: ${fatal ?? (e as Error).message}`);
  }
  const root = doc.documentElement;
  if (fatal || !root) throw new XmlError(`${part}: ${fatal ?? 'no root element'}`);
  return root;
}

/** Element children (text and comments skipped). */
export function* children(el: El): Generator<El> {
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT) yield c;
}

export function child(el: El | undefined, name: string): El | undefined {
  if (!el) return undefined;
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT && c.localName === name) return c;
  return undefined;
}

/** The value of the attribute with this local name (w:val, r:id …), whatever its prefix. */
export function attr(el: El | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const a = el.attributes;
  for (let i = 0; i < a.length; i++) {
    const x = a.item(i)!;
    if ((x.localName ?? x.name) === name) return x.value;
  }
  return undefined;
}

/** `w:val` of a child element, e.g. val(pPr, 'pStyle'). */
export function val(el: El | undefined, name: string): string | undefined {
  return attr(child(el, name), 'val');
}

export function intVal(el: El | undefined, name: string): number | undefined {
  const v = val(el, name);
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A toggle property (w:b, w:vanish, w:del-like flags): present and not switched off with val="0"/"false"/"off".
 */
export function isOn(el: El | undefined, name: string): boolean {
  const c = child(el, name);
  if (!c) return false;
  const v = attr(c, 'val');
  return v === undefined || !(v === '0' || v === 'false' || v === 'off');
}

/** Concatenated text of the element's text nodes (for w:t, w:instrText). */
export function textOf(el: El): string {
  let out = '';
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 || c.nodeType === 4) out += c.nodeValue ?? '';
  return out;
}

/** First descendant element with this local name (depth-first), or undefined. */
export function descendant(el: El, name: string): El | undefined {
  for (const c of children(el)) {
    if (c.localName === name) return c;
    const d = descendant(c, name);
    if (d) return d;
  }
  return undefined;
}
