import type { DocTree } from '../../model/doc-tree.ts';
import { decodeText } from '../../sniff/decode-text.ts';
import type { Parser } from '../parser.ts';
import { readMarkdownBlocks } from './markdown-reader.ts';

/** Markdown via unified + remark-parse + remark-gfm. */
export const parseMarkdown: Parser = async ({ bytes }) => {
  const { text } = decodeText(bytes);
  const doc: DocTree = { format: 'markdown', metadata: {}, blocks: readMarkdownBlocks(text, 0, { tables: 0 }), findings: [] };
  return { ok: true, doc };
};
