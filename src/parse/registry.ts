import type { SourceFormat } from '../model/doc-tree.ts';
import { parseDocx } from './docx/index.ts';
import { parseHtml } from './html/index.ts';
import { parseMarkdown } from './markdown/index.ts';
import type { Parser } from './parser.ts';
import { parsePdf } from './pdf/index.ts';
import { parseText } from './text/index.ts';

export const PARSERS: Readonly<Record<SourceFormat, Parser>> = {
  pdf: parsePdf,
  docx: parseDocx,
  markdown: parseMarkdown,
  html: parseHtml,
  text: parseText,
};
