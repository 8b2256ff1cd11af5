import type { List, PhrasingContent, Root, RootContent, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Block, DocCell, DocRow, TableBlock } from '../../model/doc-tree.ts';
import type { Location } from '../../model/finding.ts';
import { collapseWhitespace, joinParagraphs } from '../../text/whitespace.ts';
import { htmlToBlocks } from '../html/index.ts';
import { readCellContent } from '../html/cell-content.ts';
import { fragmentNodes, loadHtml } from '../html/index.ts';

const processor = unified().use(remarkParse).use(remarkGfm);

export interface MarkdownState {
  tables: number;
}

function at(node: { position?: { start: { line: number } } | undefined }, lineOffset: number): Location {
  return node.position ? { line: node.position.start.line + lineOffset } : {};
}

interface InlineText {
  lines: string[];
  bold: boolean;
}

/**
 * Flattens phrasing content to text lines. Hard breaks and `<br>` start a new line; inline HTML is
 * read for its text, so `<b>` and `<p>` inside a pipe-table cell (common in exports) keep their words.
 */
function inlineText(nodes: readonly PhrasingContent[]): InlineText {
  const lines: string[] = [];
  let current = '';
  let letters = 0;
  let boldLetters = 0;
  const count = (text: string, bold: boolean): void => {
    const n = (text.match(/\p{L}|\p{N}/gu) ?? []).length;
    letters += n;
    if (bold) boldLetters += n;
  };
  const flush = (): void => {
    const t = collapseWhitespace(current);
    if (t) lines.push(t);
    current = '';
  };
  const walk = (node: PhrasingContent, bold: boolean): void => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        current += node.value;
        count(node.value, bold);
        return;
      case 'break':
        flush();
        return;
      case 'html': {
        if (/^<br\s*\/?>$/i.test(node.value.trim())) {
          flush();
          return;
        }
        const $ = loadHtml(`<body>${node.value}</body>`);
        const text = $('body').text();
        current += text;
        count(text, bold);
        return;
      }
      case 'strong':
        node.children.forEach((c) => walk(c, true));
        return;
      case 'emphasis':
      case 'delete':
      case 'link':
      case 'linkReference':
        node.children.forEach((c) => walk(c, bold));
        return;
      case 'image':
      case 'imageReference':
        current += node.alt ?? '';
        return;
      default:
        return;
    }
  };
  nodes.forEach((n) => walk(n, false));
  flush();
  return { lines, bold: letters > 0 && boldLetters === letters };
}

/** Splits a pipe-table source line on unescaped pipes (GFM §4.10), dropping the outer pipes. */
function splitPipeRow(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && line[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '|') {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  if (/^\s*$/.test(cells[0] ?? 'x')) cells.shift();
  if (/^\s*$/.test(cells.at(-1) ?? 'x')) cells.pop();
  return cells;
}

function plainCell(raw: string, rowIndex: number, colIndex: number, tableIndex: number, line: Location): DocCell {
  const tree = processor.parse(raw.trim()) as Root;
  const first = tree.children[0];
  const inline = first && first.type === 'paragraph' ? inlineText(first.children) : { lines: [], bold: false };
  const cell: DocCell = {
    text: joinParagraphs(inline.lines),
    paragraphs: inline.lines,
    rowSpan: 1,
    colSpan: 1,
    position: { ...line, table: tableIndex, row: rowIndex, col: colIndex },
  };
  if (inline.bold) cell.bold = true;
  return cell;
}

function readPipeTable(node: Table, tableIndex: number, lineOffset: number, source: string): TableBlock {
  const rows: DocRow[] = node.children.map((tr, rowIndex) => {
    // GFM drops cells beyond the header's count; degraded exports (OCR, page-split tables) put real
    // content there, so such rows are re-read from their source line.
    const start = tr.position?.start.offset;
    const end = tr.position?.end.offset;
    const rawCells = start !== undefined && end !== undefined ? splitPipeRow(source.slice(start, end)) : [];
    if (rawCells.length > tr.children.length) {
      const cells = rawCells.map((raw, colIndex) => plainCell(raw, rowIndex, colIndex, tableIndex, at(tr, lineOffset)));
      if (rowIndex === 0) cells.forEach((c) => (c.header = true));
      const row: DocRow = { cells, position: { ...at(tr, lineOffset), table: tableIndex, row: rowIndex } };
      if (rowIndex === 0) row.header = true;
      return row;
    }
    const cells: DocCell[] = tr.children.map((td, colIndex) => {
      const raw = td.children;
      const htmlInside = raw.some((c) => c.type === 'html' && !/^<br\s*\/?>$/i.test(c.value.trim()));
      let paragraphs: string[];
      let bold: boolean;
      if (htmlInside) {
        // A cell like `<p><b>…</b></p>` is HTML split into inline pieces by the Markdown parser:
        // rebuild the source slice and read it as HTML so paragraph structure survives.
        const html = raw.map((c) => ('value' in c ? c.value : '')).join('');
        const content = readCellContent(fragmentNodes(html));
        paragraphs = content.paragraphs;
        bold = content.bold;
      } else {
        const inline = inlineText(raw);
        paragraphs = inline.lines;
        bold = inline.bold;
      }
      const cell: DocCell = {
        text: joinParagraphs(paragraphs),
        paragraphs,
        rowSpan: 1,
        colSpan: 1,
        position: { ...at(td, lineOffset), table: tableIndex, row: rowIndex, col: colIndex },
      };
      if (bold) cell.bold = true;
      if (rowIndex === 0) cell.header = true;
      return cell;
    });
    const row: DocRow = { cells, position: { ...at(tr, lineOffset), table: tableIndex, row: rowIndex } };
    // GFM makes the first row the header by syntax; whether it really is one is for src/tables/.
    if (rowIndex === 0) row.header = true;
    return row;
  });
  return { kind: 'table', rows, position: { ...at(node, lineOffset), table: tableIndex } };
}

function listItems(list: List): string[] {
  return list.children
    .map((item) => {
      const parts: string[] = [];
      for (const child of item.children) {
        if (child.type === 'paragraph' || child.type === 'heading') parts.push(...inlineText(child.children).lines);
        else if (child.type === 'list') parts.push(...listItems(child));
      }
      return joinParagraphs(parts);
    })
    .filter((t) => t.length > 0);
}

/**
 * Markdown (GFM) to blocks: pipe tables natively, raw HTML blocks (pandoc writes tables with spans
 * that way) through the HTML reader, thematic breaks as page breaks (exports use them so).
 */
export function readMarkdownBlocks(markdown: string, lineOffset: number, state: MarkdownState): Block[] {
  const tree = processor.parse(markdown) as Root;
  const blocks: Block[] = [];
  const visit = (node: RootContent): void => {
    switch (node.type) {
      case 'heading': {
        const text = joinParagraphs(inlineText(node.children).lines);
        if (text) blocks.push({ kind: 'heading', level: node.depth, text, position: at(node, lineOffset) });
        return;
      }
      case 'paragraph': {
        const inline = inlineText(node.children);
        const text = joinParagraphs(inline.lines);
        if (!text) return;
        const block: Block = { kind: 'paragraph', text, position: at(node, lineOffset) };
        if (inline.bold) block.bold = true;
        if (inline.lines.length > 1) block.lines = inline.lines;
        blocks.push(block);
        return;
      }
      case 'list': {
        const items = listItems(node);
        if (items.length) blocks.push({ kind: 'list', ordered: node.ordered ?? false, items, position: at(node, lineOffset) });
        return;
      }
      case 'table':
        blocks.push(readPipeTable(node, state.tables++, lineOffset, markdown));
        return;
      case 'html': {
        const startLine = (node.position?.start.line ?? 1) - 1 + lineOffset;
        blocks.push(...htmlToBlocks(node.value, startLine, state));
        return;
      }
      case 'thematicBreak':
        blocks.push({ kind: 'page-break', position: at(node, lineOffset) });
        return;
      case 'blockquote':
        node.children.forEach(visit);
        return;
      case 'code':
        if (node.value.trim()) blocks.push({ kind: 'paragraph', text: collapseWhitespace(node.value), position: at(node, lineOffset) });
        return;
      default:
        return;
    }
  };
  tree.children.forEach(visit);
  return blocks;
}
