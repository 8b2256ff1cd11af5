import { SaxesParser, type SaxesTagNS } from 'saxes';
import { DocxFailure } from './docx-failure.ts';

/**
 * A small element tree built from saxes events. Names are normalized to a fixed prefix per
 * namespace URI (`w:p`, `r:id`, `mc:AlternateContent`…), so documents that bind other prefixes,
 * and Strict OOXML (ISO/IEC 29500 Strict, purl.oclc.org namespaces), read the same as Word's own
 * Transitional output.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const PREFIX_BY_URI: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'pr',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};

/** Elements whose whitespace is content: run text, field codes, math text, core properties. */
const TEXT_ELEMENTS = /^(w:t|w:delText|w:instrText|w:delInstrText|m:t|dc:.*|dcterms:.*|cp:.*)$/;

function qualified(uri: string, prefix: string, local: string): string {
  const known = PREFIX_BY_URI[uri];
  if (known !== undefined) return `${known}:${local}`;
  return prefix ? `${prefix}:${local}` : local;
}

/**
 * Decodes an XML part. OPC allows only UTF-8 and UTF-16 (ECMA-376 Part 2, 8.1.4 [M1.17]); the BOM
 * decides, UTF-8 otherwise.
 */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes); // strips a UTF-8 BOM itself
}

/**
 * Parses one XML part into a tree. A document type declaration is refused outright: OPC forbids
 * DTDs in package XML and tells consumers to treat one as an error (ECMA-376 Part 2, 8.1.4
 * [M1.18]), and refusing it is also what keeps external entities (XXE) and entity-expansion bombs
 * out. saxes itself never fetches or expands DTD-declared entities; this check makes the refusal
 * explicit instead of relying on an "undefined entity" parse error later.
 */
export function parseXml(xml: string, partName: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];

  parser.on('doctype', () => {
    throw new DocxFailure(
      'docx/xxe-rejected',
      `${partName} declares a DTD (<!DOCTYPE …>). Office documents never contain one, and it can be used for XML external-entity or entity-expansion attacks, so the file was refused.`,
    );
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attrs[qualified(attr.uri, attr.prefix, attr.local)] = attr.value;
    }
    const element: XmlElement = { name: qualified(tag.uri, tag.prefix, tag.local), attrs, children: [] };
    stack[stack.length - 1]?.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (text: string): void => {
    const parent = stack[stack.length - 1];
    if (parent === undefined || parent === root) return;
    // Indentation between elements (pretty-printed parts) is never content; text elements keep
    // every space, since " " alone in a w:t separates two words.
    if (!TEXT_ELEMENTS.test(parent.name) && text.trim() === '') return;
    const last = parent.children[parent.children.length - 1];
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + text;
    else parent.children.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof DocxFailure) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DocxFailure('docx/corrupt', `${partName} is not well-formed XML (${reason}).`);
  }
  const documentElement = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (documentElement === undefined) throw new DocxFailure('docx/corrupt', `${partName} has no root element.`);
  return documentElement;
}

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return node !== undefined && typeof node !== 'string';
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child !== 'string' && (name === undefined || child.name === name)) out.push(child);
  }
  return out;
}

export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (element === undefined) return undefined;
  for (const child of element.children) {
    if (typeof child !== 'string' && child.name === name) return child;
  }
  return undefined;
}

/** Follows a path of child names: `path(tcPr, 'w:vMerge')`. */
export function path(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = element;
  for (const name of names) current = firstChild(current, name);
  return current;
}

/** All text below an element, in document order. */
export function textContent(element: XmlElement): string {
  let out = '';
  for (const child of element.children) out += typeof child === 'string' ? child : textContent(child);
  return out;
}

/**
 * An ST_OnOff property (`<w:b/>`, `<w:tblHeader w:val="0"/>`): present means on unless `w:val`
 * says false/0/off (the ST_OnOff simple type). Absent gives `undefined`.
 */
export function onOff(element: XmlElement | undefined): boolean | undefined {
  if (element === undefined) return undefined;
  const val = element.attrs['w:val'];
  return !(val === 'false' || val === '0' || val === 'off');
}

export function intAttr(element: XmlElement | undefined, name = 'w:val'): number | undefined {
  const raw = element?.attrs[name];
  if (raw === undefined) return undefined;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) ? n : undefined;
}
