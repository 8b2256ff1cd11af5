import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { DocTree } from '../../model/doc-tree.ts';
import { decodeText } from '../../sniff/decode-text.ts';
import { collapseWhitespace } from '../../text/whitespace.ts';
import type { Parser } from '../parser.ts';
import { readHtmlBlocks } from './html-reader.ts';
import { createLocator } from './source-locator.ts';

/** Parses HTML with cheerio's spec-compliant parser (parse5), keeping source lines for positions. */
export function loadHtml(html: string): cheerio.CheerioAPI {
  return cheerio.load(html, { sourceCodeLocationInfo: true });
}

/** The nodes to read: the body's children, or the root's for a fragment without one. */
function bodyNodes($: cheerio.CheerioAPI): AnyNode[] {
  const body = $('body').get(0);
  return body ? body.children : ($.root().get(0)?.children ?? []);
}

/** The nodes of an HTML fragment (a cell's inline markup, raw HTML inside Markdown). */
export function fragmentNodes(html: string): AnyNode[] {
  return bodyNodes(loadHtml(`<body>${html}</body>`));
}

/** Blocks of an HTML fragment or document body; shared with the Markdown and text parsers. */
export function htmlToBlocks(html: string, lineOffset: number, state: { tables: number }): ReturnType<typeof readHtmlBlocks> {
  return readHtmlBlocks(bodyNodes(loadHtml(html)), createLocator(lineOffset), state);
}

/** Parses an HTML document (also Word/LibreOffice "save as HTML" exports) into a DocTree. */
export const parseHtml: Parser = async ({ bytes }) => {
  const { text } = decodeText(bytes);
  const $ = loadHtml(text);
  const nodes = bodyNodes($);
  const blocks = readHtmlBlocks(nodes, createLocator(), { tables: 0 });
  const doc: DocTree = { format: 'html', metadata: {}, blocks, findings: [] };
  const title = collapseWhitespace($('title').first().text());
  const lang = $('html').attr('lang');
  if (title) doc.metadata.title = title;
  if (lang) doc.metadata.declaredLanguage = lang;
  return { ok: true, doc };
};
