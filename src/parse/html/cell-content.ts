import type { AnyNode, Element } from 'domhandler';
import { collapseWhitespace } from '../../text/whitespace.ts';

export interface CellContent {
  paragraphs: string[];
  bold: boolean;
}

const BLOCK_TAGS = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'tr', 'dd', 'dt', 'section', 'article',
]);
const BOLD_TAGS = new Set(['b', 'strong', 'th']);
const SKIP_TAGS = new Set(['script', 'style', 'template', 'head', 'colgroup', 'col']);

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/**
 * Reads the content of a table cell (or any fragment) as paragraphs. Block elements and `<br>`
 * start a new paragraph, so lists and multi-paragraph cells keep their structure; inline markup is
 * dropped. `bold` is true when every letter sits inside b/strong, which is how reports mark group
 * rows and goal titles.
 */
export function readCellContent(nodes: readonly AnyNode[]): CellContent {
  const paragraphs: string[] = [];
  let current = '';
  let letters = 0;
  let boldLetters = 0;

  const flush = (): void => {
    const text = collapseWhitespace(current);
    if (text.length > 0) paragraphs.push(text);
    current = '';
  };

  const walk = (node: AnyNode, bold: boolean): void => {
    if (node.type === 'text') {
      current += node.data;
      const n = (node.data.match(/\p{L}|\p{N}/gu) ?? []).length;
      letters += n;
      if (bold) boldLetters += n;
      return;
    }
    if (!isElement(node)) return;
    const tag = node.name.toLowerCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    const childBold = bold || BOLD_TAGS.has(tag) || /font-weight:\s*(bold|[6-9]00)/i.test(node.attribs['style'] ?? '');
    for (const child of node.children) walk(child, childBold);
    if (block) flush();
  };

  for (const node of nodes) walk(node, false);
  flush();
  return { paragraphs, bold: letters > 0 && boldLetters === letters };
}
