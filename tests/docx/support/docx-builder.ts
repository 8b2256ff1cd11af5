import { writeZip, type ZipInput } from './zip-writer.ts';

/**
 * Writes small DOCX packages the way Word lays them out ([Content_Types].xml, _rels/.rels,
 * word/document.xml, word/_rels/document.xml.rels, styles, numbering, core properties), from
 * WordprocessingML body markup. Helpers below keep the fixtures readable.
 */
const NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
].join(' ');

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface DocxParts {
  /** Inner markup of `w:body`. */
  body: string;
  /** Inner markup of `w:styles` (after the default `w:docDefaults`). */
  styles?: string;
  /** Default run language in styles.xml docDefaults. */
  defaultLanguage?: string;
  /** Inner markup of `w:numbering`. */
  numbering?: string;
  core?: { title?: string; language?: string };
  /** Override the whole document.xml (for hostile inputs). */
  documentXml?: string;
  /** Leave these part names out of the archive. */
  omit?: string[];
  /** Extra archive entries (media, junk, bombs). */
  extra?: ZipInput[];
  /** Per-entry overrides by name (e.g. lying sizes). */
  entryOptions?: Record<string, Partial<ZipInput>>;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function buildDocx(parts: DocxParts): Uint8Array {
  const hasNumbering = parts.numbering !== undefined;
  const contentTypes =
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="bin" ContentType="application/octet-stream"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
    (hasNumbering ? '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' : '') +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '</Types>';
  const packageRels =
    XML_DECL +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '</Relationships>';
  const documentRels =
    XML_DECL +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
    (hasNumbering ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' : '') +
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/report" TargetMode="External"/>' +
    '</Relationships>';
  const document = parts.documentXml ?? `${XML_DECL}<w:document ${NS}><w:body>${parts.body}<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body></w:document>`;
  const styles =
    `${XML_DECL}<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="${parts.defaultLanguage ?? 'en-US'}"/></w:rPr></w:rPrDefault></w:docDefaults>` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
    (parts.styles ?? '') +
    '</w:styles>';
  const numbering = hasNumbering ? `${XML_DECL}<w:numbering ${NS}>${parts.numbering}</w:numbering>` : '';
  const core =
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">' +
    (parts.core?.title !== undefined ? `<dc:title>${escapeXml(parts.core.title)}</dc:title>` : '') +
    (parts.core?.language !== undefined ? `<dc:language>${escapeXml(parts.core.language)}</dc:language>` : '') +
    '</cp:coreProperties>';

  const entries: ZipInput[] = [
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: packageRels },
    { name: 'word/document.xml', data: document },
    { name: 'word/_rels/document.xml.rels', data: documentRels },
    { name: 'word/styles.xml', data: styles },
    ...(hasNumbering ? [{ name: 'word/numbering.xml', data: numbering }] : []),
    { name: 'docProps/core.xml', data: core },
    ...(parts.extra ?? []),
  ];
  const omit = new Set(parts.omit ?? []);
  return writeZip(entries.filter((e) => !omit.has(e.name)).map((e) => ({ ...e, ...parts.entryOptions?.[e.name] })));
}

// --- WordprocessingML helpers -------------------------------------------------------------

/** A run; `text` may contain `\n` for `w:br` line breaks. */
export function run(text: string, rPr = ''): string {
  const pieces = text.split('\n').map((t) => `<w:t xml:space="preserve">${escapeXml(t)}</w:t>`);
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${pieces.join('<w:br/>')}</w:r>`;
}

export function bold(text: string): string {
  return run(text, '<w:b/>');
}

export function para(content: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content}</w:p>`;
}

/** A paragraph of plain text. */
export function text(value: string, pPr = ''): string {
  return para(run(value), pPr);
}

export function cell(content: string, tcPr = ''): string {
  return `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${content || '<w:p/>'}</w:tc>`;
}

export function row(cells: string[], trPr = ''): string {
  return `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells.join('')}</w:tr>`;
}

export function table(gridWidths: number[], rows: string[]): string {
  const grid = gridWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

export const HEADER_ROW = '<w:tblHeader/>';
export const V_RESTART = '<w:vMerge w:val="restart"/>';
export const V_CONTINUE = '<w:vMerge/>';
export const span = (n: number): string => `<w:gridSpan w:val="${n}"/>`;
export const PAGE_BREAK = para('<w:r><w:br w:type="page"/></w:r>');
export const numPr = (numId: number, ilvl = 0): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

/** One abstract numbering definition + instance, one level per entry of `levels`. */
export function listDefinition(numId: number, levels: { format: string; text: string; start?: number }[]): string {
  const lvls = levels
    .map((l, i) => `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.format}"/><w:lvlText w:val="${escapeXml(l.text)}"/></w:lvl>`)
    .join('');
  return `<w:abstractNum w:abstractNumId="${numId}">${lvls}</w:abstractNum>`;
}
export function listInstance(numId: number, abstractId = numId, overrides = ''): string {
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
}
