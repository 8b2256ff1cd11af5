import type { AnyNode, Element } from 'domhandler';
import type { Block } from '../../model/doc-tree.ts';
import { collapseWhitespace, joinParagraphs } from '../../text/whitespace.ts';
import { readCellContent } from './cell-content.ts';
import { readHtmlTable, type LocateNode } from './html-table-reader.ts';

const CONTAINERS = new Set(['html', 'body', 'div', 'section', 'article', 'main', 'header', 'footer', 'center', 'form', 'span', 'font']);
const SKIP = new Set(['head', 'script', 'style', 'template', 'nav', 'title', 'meta', 'link', 'noscript']);

function pageBreakStyle(el: Element): 'before' | 'after' | null {
  const style = (el.attribs['style'] ?? '').toLowerCase();
  if (/page-break-before:\s*always|break-before:\s*page/.test(style)) return 'before';
  if (/page-break-after:\s*always|break-after:\s*page/.test(style)) return 'after';
  return null;
}

/**
 * Turns HTML nodes into blocks. Used for HTML documents and for raw HTML embedded in Markdown, so a
 * table reads the same whichever wrapper it came in. `state` numbers tables across calls.
 */
export function readHtmlBlocks(nodes: readonly AnyNode[], locate: LocateNode, state: { tables: number }): Block[] {
  const blocks: Block[] = [];
  let inline: AnyNode[] = [];

  const flushInline = (): void => {
    if (inline.length === 0) return;
    const first = inline[0];
    const content = readCellContent(inline);
    inline = [];
    const text = joinParagraphs(content.paragraphs);
    if (text.length === 0 || first === undefined) return;
    blocks.push(paragraphBlock(text, content.paragraphs, content.bold, locate(first)));
  };

  const visit = (node: AnyNode): void => {
    if (node.type === 'text') {
      inline.push(node);
      return;
    }
    if (node.type !== 'tag') return;
    const el = node;
    const tag = el.name.toLowerCase();
    if (SKIP.has(tag)) return;
    const pageBreak = pageBreakStyle(el);
    if (pageBreak === 'before') {
      flushInline();
      blocks.push({ kind: 'page-break', position: locate(el) });
    }
    if (tag === 'table') {
      flushInline();
      blocks.push(readHtmlTable(el, state.tables++, locate));
    } else if (/^h[1-6]$/.test(tag)) {
      flushInline();
      const content = readCellContent(el.children);
      const text = joinParagraphs(content.paragraphs);
      if (text) blocks.push({ kind: 'heading', level: Number(tag.slice(1)), text, position: locate(el) });
    } else if (tag === 'p' || tag === 'blockquote' || tag === 'pre') {
      flushInline();
      const content = readCellContent(el.children);
      const text = joinParagraphs(content.paragraphs);
      if (text) blocks.push(paragraphBlock(text, content.paragraphs, content.bold, locate(el)));
    } else if (tag === 'ul' || tag === 'ol') {
      flushInline();
      const items = el.children
        .filter((c): c is Element => c.type === 'tag' && c.name.toLowerCase() === 'li')
        .map((li) => joinParagraphs(readCellContent(li.children).paragraphs))
        .filter((t) => t.length > 0);
      if (items.length > 0) blocks.push({ kind: 'list', ordered: tag === 'ol', items, position: locate(el) });
    } else if (tag === 'hr') {
      flushInline();
      if (/page/i.test(el.attribs['class'] ?? '')) blocks.push({ kind: 'page-break', position: locate(el) });
    } else if (CONTAINERS.has(tag) && el.children.some((c) => c.type === 'tag' && !isInline(c))) {
      flushInline();
      for (const child of el.children) visit(child);
      flushInline();
    } else {
      inline.push(el);
    }
    if (pageBreak === 'after') {
      flushInline();
      blocks.push({ kind: 'page-break', position: locate(el) });
    }
  };

  for (const node of nodes) visit(node);
  flushInline();
  return blocks;
}

const INLINE = new Set(['b', 'strong', 'i', 'em', 'u', 'a', 'span', 'font', 'sup', 'sub', 'br', 'small', 'big', 'code', 'mark', 's', 'del', 'ins']);
function isInline(node: Element): boolean {
  return INLINE.has(node.name.toLowerCase());
}

function paragraphBlock(text: string, lines: string[], bold: boolean, position: Block['position']): Block {
  const block: Block = { kind: 'paragraph', text: collapseWhitespace(text), position };
  if (bold) block.bold = true;
  if (lines.length > 1) block.lines = lines;
  return block;
}
