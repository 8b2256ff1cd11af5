import { z } from 'zod';
import { Finding, Location } from './finding.ts';

/** The formats reportmill reads. Decided from bytes by `src/sniff/`, never from the extension alone. */
export const SourceFormat = z.enum(['pdf', 'docx', 'markdown', 'html', 'text']);
export type SourceFormat = z.infer<typeof SourceFormat>;

/** ISO 639-3 code, or `und` when there is too little text to tell. */
export const LanguageCode = z.string().regex(/^[a-z]{3}$/);

/** Text read by OCR from a page image: how sure the engine was (mean word confidence, 0–1). */
export const OcrProvenance = z
  .object({ confidence: z.number().min(0).max(1) })
  .meta({ id: 'OcrProvenance', description: 'Present when the text was read by OCR from a scanned page.' });
export type OcrProvenance = z.infer<typeof OcrProvenance>;

/**
 * One cell as the parser saw it, before any table normalization. `paragraphs` keeps the cell's
 * internal structure (paragraphs, list items, forced line breaks) that `text` flattens.
 * A cell covered by a span is NOT emitted; the spanning cell carries rowSpan/colSpan.
 */
export const DocCell = z.object({
  text: z.string(),
  paragraphs: z.array(z.string()),
  rowSpan: z.number().int().min(1).default(1),
  colSpan: z.number().int().min(1).default(1),
  /** The whole cell is bold or a heading cell (`th`): a hint for header and group-row detection. */
  bold: z.boolean().optional(),
  /** `th` in HTML, `w:tblHeader` row in DOCX: the source itself says this is header. */
  header: z.boolean().optional(),
  /** Explicit grid column where the format knows it (DOCX w:gridBefore, PDF geometry). */
  col: z.number().int().min(0).optional(),
  position: Location,
  language: LanguageCode.optional(),
  ocr: OcrProvenance.optional(),
  /**
   * The cell's first line goes on from the last line of the cell above it, cut by a page break:
   * that line had no room left for this one's first word (PDF geometry), so the text wrapped
   * there and the cell's first paragraph is the rest of the last paragraph above.
   */
  continuesAbove: z.boolean().optional(),
  /**
   * With `continuesAbove`: the page cut fell inside a word (a word broken for want of room at the
   * page foot), so the cell's first line joins the last line above without a space.
   */
  cutInWord: z.boolean().optional(),
});
export type DocCell = z.infer<typeof DocCell>;

export const DocRow = z.object({
  cells: z.array(DocCell),
  /** The source marks the row as header (thead, w:tblHeader, repeated PDF header band). */
  header: z.boolean().optional(),
  /** 1-based page the row starts on, when the format has pages. */
  page: z.number().int().min(1).optional(),
  /**
   * The parser knows this row continues the previous one (a PDF row cut by a page break, a text
   * row after a `--` page marker). Undefined means "don't know": the stitcher then decides.
   */
  continuesPrevious: z.boolean().optional(),
  /** A page break (or `--` marker, or blank gap in a text export) falls right before this row. */
  pageBreakBefore: z.boolean().optional(),
  position: Location,
});
export type DocRow = z.infer<typeof DocRow>;

const blockBase = {
  position: Location,
  language: LanguageCode.optional(),
  ocr: OcrProvenance.optional(),
};

export const HeadingBlock = z.object({
  kind: z.literal('heading'),
  level: z.number().int().min(1).max(6),
  text: z.string(),
  ...blockBase,
});
export const ParagraphBlock = z.object({
  kind: z.literal('paragraph'),
  text: z.string(),
  /** Whole paragraph bold/centred: title-like. Reports often style the title instead of using headings. */
  bold: z.boolean().optional(),
  /** Forced line breaks inside the paragraph kept as separate lines (titles are often built this way). */
  lines: z.array(z.string()).optional(),
  ...blockBase,
});
export const ListBlock = z.object({
  kind: z.literal('list'),
  ordered: z.boolean(),
  items: z.array(z.string()),
  ...blockBase,
});
export const TableBlock = z.object({
  kind: z.literal('table'),
  rows: z.array(DocRow),
  /** The table continues a table before it (DOCX split table, PDF page), when the parser knows. */
  continuesPrevious: z.boolean().optional(),
  /** Column count of the source grid where known (DOCX w:tblGrid, HTML colgroup). */
  columns: z.number().int().min(1).optional(),
  ...blockBase,
});
export const PageBreakBlock = z.object({
  kind: z.literal('page-break'),
  ...blockBase,
});

export const Block = z.discriminatedUnion('kind', [HeadingBlock, ParagraphBlock, ListBlock, TableBlock, PageBreakBlock]);
export type Block = z.infer<typeof Block>;
export type TableBlock = z.infer<typeof TableBlock>;
export type ParagraphBlock = z.infer<typeof ParagraphBlock>;

/**
 * What every parser returns: the document as an ordered list of blocks with source positions.
 * All later stages (language, tables, extraction) work on this and never see the format again.
 */
export const DocTree = z.object({
  format: SourceFormat,
  pages: z.number().int().min(0).optional(),
  metadata: z
    .object({
      title: z.string().optional(),
      /** Language the source declares (DOCX w:lang / dc:language, HTML lang): evidence, not truth. */
      declaredLanguage: z.string().optional(),
      author: z.string().optional(),
      created: z.string().optional(),
    })
    .default({}),
  blocks: z.array(Block),
  findings: z.array(Finding).default([]),
});
export type DocTree = z.infer<typeof DocTree>;
