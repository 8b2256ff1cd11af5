import type { Block } from '../../model/doc-tree.ts';
import { finding, type Finding, type Location } from '../../model/finding.ts';
import { collapseWhitespace, joinParagraphs } from '../../text/whitespace.ts';
import type { DocumentIndex } from './document-index.ts';
import { readInline, type FieldState, type InlineContext, type InlineText, type RevisionCounts } from './inline-reader.ts';
import { location } from './location.ts';
import type { Numbering } from './numbering.ts';
import type { NumberingReference, Styles } from './styles.ts';
import { readTable, type CellContent } from './table-reader.ts';
import { firstChild, intAttr, type XmlElement, type XmlNode } from './xml-tree.ts';

type ListBlock = Extract<Block, { kind: 'list' }>;

/** A paragraph ready to read: its properties, and its inline content (merged, see below). */
interface ParagraphItem {
  readonly kind: 'paragraph';
  /** The `w:p` the content starts in (for positions). */
  readonly first: XmlElement;
  readonly pPr: XmlElement | undefined;
  readonly inline: XmlNode[];
}
type BlockItem = ParagraphItem | { readonly kind: 'table'; readonly tbl: XmlElement } | { readonly kind: 'altChunk'; readonly el: XmlElement };

/** Block-level content in reading order, looking through content controls, custom XML and markup-compatibility choices. */
function flattenBlockLevel(nodes: readonly XmlNode[], out: XmlElement[] = []): XmlElement[] {
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    switch (node.name) {
      case 'w:p':
      case 'w:tbl':
      case 'w:altChunk':
        out.push(node);
        break;
      case 'w:sdt': {
        const content = firstChild(node, 'w:sdtContent');
        if (content) flattenBlockLevel(content.children, out);
        break;
      }
      case 'w:customXml':
        flattenBlockLevel(node.children, out);
        break;
      case 'mc:AlternateContent': {
        const branch = firstChild(node, 'mc:Choice') ?? firstChild(node, 'mc:Fallback');
        if (branch) flattenBlockLevel(branch.children, out);
        break;
      }
      default:
        // bookmarks, w:sectPr (the last section's properties), range marks: no content.
        break;
    }
  }
  return out;
}

function isMarkDeleted(pPr: XmlElement | undefined): boolean {
  const markProps = firstChild(pPr, 'w:rPr');
  return firstChild(markProps, 'w:del') !== undefined || firstChild(markProps, 'w:moveFrom') !== undefined;
}

/**
 * A paragraph whose mark was deleted with tracked changes joins the paragraph after it in the
 * accepted document (17.13.5.15), taking that paragraph's properties. Its content is carried
 * forward here; mammoth's body reader does the same.
 */
function blockItems(nodes: readonly XmlNode[], revisions: RevisionCounts): BlockItem[] {
  const items: BlockItem[] = [];
  let carried: XmlNode[] = [];
  let carriedFrom: XmlElement | undefined;
  const flushCarried = (): void => {
    if (carriedFrom !== undefined) items.push({ kind: 'paragraph', first: carriedFrom, pPr: undefined, inline: carried });
    carried = [];
    carriedFrom = undefined;
  };
  for (const el of flattenBlockLevel(nodes)) {
    if (el.name === 'w:p') {
      const pPr = firstChild(el, 'w:pPr');
      const own = el.children.filter((c) => c !== pPr);
      if (isMarkDeleted(pPr)) {
        revisions.deleted++;
        carried.push(...own);
        carriedFrom ??= el;
        continue;
      }
      items.push({ kind: 'paragraph', first: carriedFrom ?? el, pPr, inline: [...carried, ...own] });
      carried = [];
      carriedFrom = undefined;
    } else {
      flushCarried();
      items.push(el.name === 'w:tbl' ? { kind: 'table', tbl: el } : { kind: 'altChunk', el });
    }
  }
  flushCarried();
  return items;
}

export interface BodyReaderOptions {
  readonly styles: Styles;
  readonly numbering: Numbering;
  readonly index: DocumentIndex;
}

/**
 * Turns the body of `word/document.xml` into blocks: paragraphs, headings, lists, tables and page
 * breaks, in document order. Table cells are read with the same paragraph reader, so fields,
 * hyperlinks and revisions behave the same inside and outside tables.
 */
export class BodyReader {
  readonly blocks: Block[] = [];
  readonly findings: Finding[] = [];
  readonly revisions: RevisionCounts = { inserted: 0, deleted: 0 };
  private tables = 0;
  private openList: { block: ListBlock; numId: string } | undefined;
  private readonly fields: FieldState;
  private readonly inline: InlineContext;

  constructor(private readonly options: BodyReaderOptions) {
    this.fields = { ignored: options.index.ignoredFieldChars, stack: [] };
    this.inline = { styles: options.styles, fields: this.fields, revisions: this.revisions };
  }

  read(body: XmlElement | undefined): Block[] {
    if (body) this.readBlocks(body.children);
    while (this.blocks[this.blocks.length - 1]?.kind === 'page-break') this.blocks.pop();
    return this.blocks;
  }

  private ordinal(p: XmlElement): number | undefined {
    return this.options.index.paragraphOrdinal.get(p);
  }

  private push(block: Block): void {
    if (block.kind !== 'list') this.openList = undefined;
    this.blocks.push(block);
  }

  private pageBreak(p: XmlElement): void {
    // Consecutive breaks (an empty page) say nothing more than one.
    if (this.blocks.length === 0 || this.blocks[this.blocks.length - 1]?.kind === 'page-break') return;
    this.push({ kind: 'page-break', position: location({ block: this.blocks.length, paragraph: this.ordinal(p) }) });
  }

  private readBlocks(nodes: readonly XmlNode[]): void {
    for (const item of blockItems(nodes, this.revisions)) {
      if (item.kind === 'paragraph') this.paragraph(item);
      else if (item.kind === 'table') this.table(item.tbl);
      else this.altChunk(item.el);
    }
  }

  private altChunk(el: XmlElement): void {
    this.findings.push(
      finding(
        'docx/alt-chunk-ignored',
        'warning',
        `The document embeds another file (w:altChunk ${el.attrs['r:id'] ?? ''}) that Word merges in when it opens it; its content was not read. Open and re-save the file in Word to include it.`,
        location({ block: this.blocks.length }),
      ),
    );
  }

  /** Direct numbering (`w:numPr`) or the paragraph style's; `numId` 0 switches numbering off. */
  private numberingOf(pPr: XmlElement | undefined, pStyle: string | undefined): NumberingReference | undefined {
    const numPr = firstChild(pPr, 'w:numPr');
    const fromStyle = this.options.styles.styleNumbering(pStyle);
    const numId = firstChild(numPr, 'w:numId')?.attrs['w:val'] ?? fromStyle?.numId;
    if (numId === undefined || !this.options.numbering.isList(numId)) return undefined;
    return { numId, ilvl: intAttr(firstChild(numPr, 'w:ilvl')) ?? fromStyle?.ilvl ?? 0 };
  }

  private readParagraph(item: ParagraphItem): { text: InlineText; pStyle: string | undefined; numbering: NumberingReference | undefined; label: string } {
    const pStyle = firstChild(item.pPr, 'w:pStyle')?.attrs['w:val'];
    const text = readInline(item.inline, pStyle, this.inline);
    const numbering = this.numberingOf(item.pPr, pStyle);
    const label = numbering ? this.options.numbering.nextLabel(numbering.numId, numbering.ilvl) : '';
    return { text, pStyle, numbering, label };
  }

  private paragraph(item: ParagraphItem): void {
    const { styles } = this.options;
    const { text, pStyle, numbering, label } = this.readParagraph(item);
    const position = (): Location => location({ block: this.blocks.length, paragraph: this.ordinal(item.first) });
    const bold = text.letters > 0 && text.letters === text.boldLetters;
    const heading = styles.headingLevel(item.pPr, pStyle);

    // 17.3.1.23 pageBreakBefore: the paragraph starts a new page.
    if (styles.paragraphFlag('w:pageBreakBefore', item.pPr, pStyle)) this.pageBreak(item.first);

    text.segments.forEach((segment, i) => {
      if (i > 0) this.pageBreak(item.first); // w:br w:type="page" (17.3.3.1)
      const lines = segment.map(collapseWhitespace).filter((l) => l.length > 0);
      if (lines.length === 0) return;
      const joined = joinParagraphs(lines);
      if (heading !== undefined) {
        this.push({ kind: 'heading', level: heading, text: label ? `${label} ${joined}` : joined, position: position() });
      } else if (numbering !== undefined) {
        this.listItem(numbering, joined, position());
      } else {
        const block: Block = { kind: 'paragraph', text: joined, position: position() };
        if (bold) block.bold = true;
        if (lines.length > 1) block.lines = lines;
        this.push(block);
      }
    });

    for (const box of text.textBoxes) this.readBlocks(box.children);

    // A section break ends the paragraph that carries it; every type but `continuous` starts the
    // next section on a new page, and nextPage is the default (w:type, 17.6 section properties).
    const sectPr = firstChild(item.pPr, 'w:sectPr');
    if (sectPr !== undefined && (firstChild(sectPr, 'w:type')?.attrs['w:val'] ?? 'nextPage') !== 'continuous') this.pageBreak(item.first);
  }

  /**
   * List paragraphs become list blocks; consecutive items of one list (same `numId`) share a block.
   * Ordered = the first item's level shows a number. Items keep their own text: no bullet glyph,
   * no number (the block says `ordered`).
   */
  private listItem(numbering: NumberingReference, text: string, position: Location): void {
    const open = this.openList;
    if (open !== undefined && open.numId === numbering.numId && this.blocks[this.blocks.length - 1] === open.block) {
      open.block.items.push(text);
      return;
    }
    const block: ListBlock = { kind: 'list', ordered: this.options.numbering.isOrdered(numbering.numId, numbering.ilvl), items: [text], position };
    this.push(block);
    this.openList = { block, numId: numbering.numId };
  }

  /**
   * Whether the table's style formats its first row, and how. `w:tblLook` switches the
   * conditional formats on; `w:firstRow` or bit 0x0020 of the legacy `w:val`. Word writes it on
   * every table, and its default look (04A0) includes the first row.
   */
  private firstRowStyle(tbl: XmlElement): { bold: boolean; header: boolean } | undefined {
    const tblPr = firstChild(tbl, 'w:tblPr');
    const look = firstChild(tblPr, 'w:tblLook');
    const flag = look?.attrs['w:firstRow'];
    const legacy = look?.attrs['w:val'];
    const on = look === undefined || (flag !== undefined ? ['1', 'true', 'on'].includes(flag) : legacy !== undefined && (Number.parseInt(legacy, 16) & 0x20) !== 0);
    if (!on) return undefined;
    return this.options.styles.tableFirstRow(firstChild(tblPr, 'w:tblStyle')?.attrs['w:val']);
  }

  private table(tbl: XmlElement): void {
    const blockIndex = this.blocks.length;
    const tableIndex = this.tables++;
    const firstRow = this.firstRowStyle(tbl);
    const read = readTable(tbl, {
      block: blockIndex,
      table: tableIndex,
      readCell: (tc, where) => this.readCell(tc, where),
      findings: this.findings,
      revisions: this.revisions,
      ...(firstRow ? { firstRow } : {}),
    });
    const block: Block = {
      kind: 'table',
      rows: read.rows,
      position: location({ block: blockIndex, table: tableIndex, paragraph: read.firstParagraph }),
    };
    if (read.columns > 0) block.columns = read.columns;
    this.push(block);
  }

  /**
   * The content of one cell as paragraph strings: one per `w:p`, list item and forced line break
   * (a `w:br` splits, as `<br>` does for HTML cells, so "Статусу: …" lines stay apart). Ordered list
   * items keep their visible number ("1.", "а)") because a cell has no list structure to carry
   * it, and auto-numbered "№" columns would otherwise be empty. Nested tables are flattened into
   * the cell's paragraphs, cell by cell, so their text is kept.
   */
  private readCell(tc: XmlElement, where: Location): CellContent {
    const out: CellContent = { paragraphs: [], letters: 0, boldLetters: 0, firstParagraph: undefined };
    this.readCellBlocks(tc.children, out, where);
    return out;
  }

  private readCellBlocks(nodes: readonly XmlNode[], out: CellContent, where: Location): void {
    for (const item of blockItems(nodes, this.revisions)) {
      if (item.kind === 'altChunk') {
        this.altChunk(item.el);
      } else if (item.kind === 'paragraph') {
        out.firstParagraph ??= this.ordinal(item.first);
        const { text, label } = this.readParagraph(item);
        out.letters += text.letters;
        out.boldLetters += text.boldLetters;
        // Word does not break pages inside a table cell; a page break there reads as a line break.
        const lines = text.segments.flat().map(collapseWhitespace).filter((l) => l.length > 0);
        if (label) {
          if (lines.length > 0) lines[0] = `${label} ${lines[0]}`;
          else lines.push(label); // an auto-numbered "№" cell: the number is all it shows
        }
        out.paragraphs.push(...lines);
        for (const box of text.textBoxes) this.readCellBlocks(box.children, out, where);
      } else {
        const nested = readTable(item.tbl, {
          block: undefined,
          table: undefined,
          readCell: (tc, nestedWhere) => {
            const content = this.readCell(tc, nestedWhere);
            out.letters += content.letters;
            out.boldLetters += content.boldLetters;
            return content;
          },
          findings: this.findings,
          revisions: this.revisions,
        });
        out.firstParagraph ??= nested.firstParagraph;
        for (const row of nested.rows) for (const cell of row.cells) out.paragraphs.push(...cell.paragraphs);
        this.findings.push(
          finding(
            'docx/nested-table',
            'info',
            `A table nested inside a cell (${nested.rows.length} rows) was flattened into the cell's paragraphs, cell by cell.`,
            where,
          ),
        );
      }
    }
  }
}
