import type { SourceFormat } from '../model/doc-tree.ts';
import type { Parser } from './parser.ts';

/**
 * Each parser is loaded the first time a document of its format arrives: pdf.js, remark, cheerio
 * and the DOCX reader cost start-up time and memory that a batch of other formats never needs.
 */
const LOADERS: Readonly<Record<SourceFormat, () => Promise<Parser>>> = {
  pdf: async () => (await import('./pdf/index.ts')).parsePdf,
  docx: async () => (await import('./docx/index.ts')).parseDocx,
  markdown: async () => (await import('./markdown/index.ts')).parseMarkdown,
  html: async () => (await import('./html/index.ts')).parseHtml,
  text: async () => (await import('./text/index.ts')).parseText,
};

export function loadParser(format: SourceFormat): Promise<Parser> {
  return LOADERS[format]();
}
