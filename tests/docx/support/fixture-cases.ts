import {
  bold, buildDocx, cell, HEADER_ROW, listDefinition, listInstance, numPr, PAGE_BREAK, para, row, run, span, table, text,
  V_CONTINUE, V_RESTART,
} from './docx-builder.ts';

/**
 * The hand-made DOCX inputs under `fixtures/docx/`, one per quirk, named for what they test.
 * `npx tsx tests/docx/make-fixtures.ts` writes them; a test checks the committed files still match.
 */

const vmerge = (): Uint8Array =>
  buildDocx({
    body:
      text('vMerge') +
      table([2000, 3000, 2000], [
        row([cell(text('Goal')), cell(text('Measure')), cell(text('Status'))], HEADER_ROW),
        row([cell(text('Goal A'), V_RESTART), cell(text('M1')), cell(text('done'))]),
        row([cell('', V_CONTINUE), cell(text('M2')), cell(text('in progress'), V_RESTART)]),
        // A covered cell that still holds text: Word hides it, the reader keeps it.
        row([cell('', V_CONTINUE), cell(text('M3')), cell(text('stray note'), V_CONTINUE)]),
        row([cell(text('Goal B')), cell(text('M4')), cell(text('not done'))]),
        // `continue` under a cell that opened no merge: read as a new merged cell.
        row([cell(text('orphan'), V_CONTINUE), cell(text('M5')), cell(text('done'))]),
      ]),
  });

const gridspan = (): Uint8Array =>
  buildDocx({
    body: table([600, 2000, 2000, 2000], [
      // Two-level header: "Indicator" spans Baseline + Target; No and Result span both header rows.
      row([cell(text('No'), V_RESTART), cell(text('Indicator'), span(2)), cell(text('Result'), V_RESTART)], HEADER_ROW),
      row([cell('', V_CONTINUE), cell(text('Baseline')), cell(text('Target')), cell('', V_CONTINUE)], HEADER_ROW),
      row([cell(para(bold('Goal 1. Full-width group row')), span(4))]),
      row([cell(text('1')), cell(text('a')), cell(text('b')), cell(text('c'))]),
      // gridBefore: the row starts one grid column in.
      row([cell(text('x')), cell(text('y')), cell(text('z'))], '<w:gridBefore w:val="1"/>'),
      // gridAfter: the row ends one grid column early.
      row([cell(text('p')), cell(text('q')), cell(text('r'))], '<w:gridAfter w:val="1"/>'),
      // Legacy horizontal merge (w:hMerge), as old converters write it.
      row([cell(text('wide'), '<w:hMerge w:val="restart"/>'), cell('', '<w:hMerge/>'), cell(text('s')), cell(text('t'))]),
      // A tblHeader row below body rows is not a header row (17.4.49).
      row([cell(text('2')), cell(text('d')), cell(text('e')), cell(text('f'))], HEADER_ROW),
    ]),
  });

const nestedTable = (): Uint8Array =>
  buildDocx({
    body: table([3000, 5000], [
      row([cell(text('Measure')), cell(text('Indicators'))], HEADER_ROW),
      row([
        cell(text('1. Train staff')),
        cell(
          text('Before the table') +
            table([2500, 2500], [
              row([cell(text('Indicator')), cell(text('Value'))]),
              row([cell(text('People trained')), cell(text('1 346'))]),
            ]) +
            text('After the table'),
        ),
      ]),
    ]),
  });

const trackedChange = (): Uint8Array => {
  const rev = 'w:id="1" w:author="Editor" w:date="2024-04-01T10:00:00Z"';
  return buildDocx({
    body:
      // Deleted and inserted run content: the accepted text is "Budget: 2 000 сом".
      para(run('Budget: ') + `<w:del ${rev}><w:r><w:delText>1 000</w:delText></w:r></w:del>` + `<w:ins ${rev}>${run('2 000')}</w:ins>` + run(' сом')) +
      // A move: the source is dropped, the destination kept.
      para(`<w:moveTo ${rev}>${run('Moved here. ')}</w:moveTo>` + run('Stays.') + `<w:moveFrom ${rev}>${run(' Moved here.')}</w:moveFrom>`) +
      // A deleted paragraph mark joins this paragraph with the next one (17.13.5.15).
      para(run('First half, '), `<w:rPr><w:del ${rev}/></w:rPr>`) +
      para(run('second half.')) +
      // A complex field: instruction hidden, result kept.
      para(
        run('Link: ') +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/" \\l "part" </w:instrText></w:r>' +
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
          run('example.org#part') +
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      ) +
      // A simple field and a hyperlink keep their display text; hidden text is not shown.
      para(run('Page ') + `<w:fldSimple w:instr=" PAGE ">${run('3')}</w:fldSimple>` + run(', see ') + `<w:hyperlink r:id="rId3">${run('the report')}</w:hyperlink>` + run(' secret', '<w:vanish/>')) +
      // A nested field inside a field's result.
      para(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF 1 = 1 "</w:instrText></w:r>' +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
          run('never shown') +
          '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText>"</w:instrText></w:r>' +
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
          run('Result of IF') +
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      ) +
      // A table with a deleted row and an inserted row.
      table([3000, 3000], [
        row([cell(text('Measure')), cell(text('Status'))], HEADER_ROW),
        row([cell(text('Old measure')), cell(text('dropped'))], `<w:del ${rev}/>`),
        row([cell(text('New measure')), cell(para(`<w:ins ${rev}>${run('done')}</w:ins>`))], `<w:ins ${rev}/>`),
      ]) +
      // A field that is never closed must not hide what follows (17.16: ignored).
      para(run('Tail ') + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' + run('still read.')),
  });
};

const splitTableRepeatedHeader = (): Uint8Array => {
  const header = row([cell(para(bold('Goal'))), cell(para(bold('Measure'))), cell(para(bold('Activity')))], HEADER_ROW);
  return buildDocx({
    body:
      table([2000, 2000, 4000], [
        header,
        row([cell(text('Goal 1'), V_RESTART), cell(text('Measure 1'), V_RESTART), cell(text('Activity 1'))]),
        row([cell('', V_CONTINUE), cell('', V_CONTINUE), cell(text('Activity 2'))]),
      ]) +
      PAGE_BREAK +
      // Word's "Split Table" repeats the header and restarts the merges with empty cells.
      table([2000, 2000, 4000], [
        header,
        row([cell('', V_RESTART), cell('', V_RESTART), cell(text('Activity 3'))]),
        row([cell('', V_CONTINUE), cell('', V_CONTINUE), cell(text('Activity 4'))]),
      ]),
  });
};

const bodyBlocks = (): Uint8Array =>
  buildDocx({
    core: { title: 'Annual report 2024', language: 'ky-KG' },
    defaultLanguage: 'ky-KG',
    styles:
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="My Section"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="NumberedHeading"><w:name w:val="heading 3"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>',
    numbering:
      listDefinition(1, [{ format: 'bullet', text: '' }]) +
      listDefinition(2, [{ format: 'decimal', text: '%1.' }, { format: 'lowerLetter', text: '%2)' }]) +
      listDefinition(3, [{ format: 'decimal', text: '%1.' }]) +
      listInstance(1) + listInstance(2) + listInstance(3),
    body:
      para(bold('REPORT\nON THE ACTION PLAN\n2024'), '<w:jc w:val="center"/>') +
      text('Introduction', '<w:pStyle w:val="Heading1"/>') +
      text('A custom outline-level style', '<w:pStyle w:val="Custom"/>') +
      text('Numbered heading', '<w:pStyle w:val="NumberedHeading"/>') +
      para(bold('Status: ') + run('done')) +
      text('First bullet', numPr(1)) +
      text('Second bullet', numPr(1)) +
      text('Ordered one', numPr(2)) +
      text('Nested a', numPr(2, 1)) +
      text('Ordered two', numPr(2)) +
      para('') +
      para(run('Before the break') + '<w:r><w:br w:type="page"/></w:r>' + run('after the break')) +
      text('Starts on a new page', '<w:pageBreakBefore/>') +
      text('Ends a section', '<w:sectPr><w:type w:val="nextPage"/></w:sectPr>') +
      text('Next section (continuous)', '<w:sectPr><w:type w:val="continuous"/></w:sectPr>') +
      text('Last paragraph'),
  });

const cellLists = (): Uint8Array =>
  buildDocx({
    numbering:
      listDefinition(1, [{ format: 'none', text: '' }]) +
      listDefinition(2, [{ format: 'decimal', text: '%1.' }]) +
      listDefinition(3, [{ format: 'bullet', text: '' }]) +
      listInstance(1) + listInstance(2) + listInstance(3),
    body: table([600, 6000], [
      row([cell(text('№')), cell(text('Information'))], HEADER_ROW),
      // An auto-numbered "№" column: the number exists only in numbering.xml.
      row([cell(text('', numPr(2))), cell(text('Expected result: fewer risks\nStatus: done') + text('- item one', numPr(1)) + text('- item two', numPr(1)))]),
      row([cell(text('', numPr(2))), cell(text('Bulleted', numPr(3)) + text('Plain'))]),
    ]),
  });

// --- bad inputs -------------------------------------------------------------------------------

/** 8 MiB of zeros deflate to about 8 KB: a 1000:1 ratio that only a bomb has. */
const zipBomb = (): Uint8Array =>
  buildDocx({ body: text('A small document with a large surprise.'), extra: [{ name: 'word/media/padding.bin', data: new Uint8Array(8 * 1024 * 1024) }] });

/** The header declares 2 000 bytes for word/document.xml; the data inflates to about 4 MiB. */
const zipBombLyingHeader = (): Uint8Array =>
  buildDocx({ body: para(run(' '.repeat(4 * 1024 * 1024))), entryOptions: { 'word/document.xml': { declaredSize: 2000 } } });

/** A valid package cut in half, as an interrupted download leaves it. */
const corruptZip = (): Uint8Array => {
  const whole = buildDocx({ body: text('Truncated.') });
  return whole.subarray(0, Math.floor(whole.length / 2));
};

const missingMainPart = (): Uint8Array => buildDocx({ body: text('Nowhere.'), omit: ['word/document.xml'] });

const xxe = (): Uint8Array =>
  buildDocx({
    body: '',
    documentXml:
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>',
  });

/** A minimal compound file ([MS-CFB]): header, one FAT sector, one directory sector. */
function compoundFile(streams: string[]): Uint8Array {
  const out = Buffer.alloc(512 * 3, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x003e, 24); // minor version
  out.writeUInt16LE(0x0003, 26); // major version 3: 512-byte sectors
  out.writeUInt16LE(0xfffe, 28); // byte order
  out.writeUInt16LE(9, 30); // sector shift
  out.writeUInt16LE(6, 32); // mini sector shift
  out.writeUInt32LE(1, 44); // FAT sectors
  out.writeUInt32LE(1, 48); // first directory sector
  out.writeUInt32LE(4096, 56); // mini stream cutoff
  out.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  out.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  out.writeUInt32LE(0, 76); // DIFAT[0] = sector 0
  for (let i = 80; i < 512; i += 4) out.writeUInt32LE(0xffffffff, i);
  // FAT (sector 0): itself, then the directory chain.
  out.writeUInt32LE(0xfffffffd, 512);
  out.writeUInt32LE(0xfffffffe, 516);
  for (let i = 520; i < 1024; i += 4) out.writeUInt32LE(0xffffffff, i);
  // Directory (sector 1): root + one entry per stream, chained as right siblings.
  const names = ['Root Entry', ...streams];
  names.forEach((name, i) => {
    const at = 1024 + i * 128;
    Buffer.from(`${name}\0`, 'utf16le').copy(out, at);
    out.writeUInt16LE((name.length + 1) * 2, at + 64);
    out.writeUInt8(i === 0 ? 5 : 2, at + 66); // root storage / stream
    out.writeUInt8(1, at + 67); // black
    out.writeUInt32LE(0xffffffff, at + 68); // left sibling
    out.writeUInt32LE(i > 0 && i < names.length - 1 ? i + 1 : 0xffffffff, at + 72); // right sibling
    out.writeUInt32LE(i === 0 && names.length > 1 ? 1 : 0xffffffff, at + 76); // child
    out.writeUInt32LE(0xfffffffe, at + 116); // start sector: none
  });
  return new Uint8Array(out);
}

const ole2Doc = (): Uint8Array => compoundFile(['WordDocument', '1Table']);
const encryptedDocx = (): Uint8Array => compoundFile(['EncryptionInfo', 'EncryptedPackage']);

/** Not a ZIP at all: a text file renamed to .docx. */
const notAZip = (): Uint8Array => new TextEncoder().encode('This is a plain text file that someone renamed to report.docx.\n');

export interface FixtureCase {
  file: string;
  build: () => Uint8Array;
  /** For bad inputs: the failure code the parser must give. */
  failure?: string;
}

export const FIXTURE_CASES: readonly FixtureCase[] = [
  { file: 'vmerge.docx', build: vmerge },
  { file: 'gridspan.docx', build: gridspan },
  { file: 'nested-table.docx', build: nestedTable },
  { file: 'tracked-change.docx', build: trackedChange },
  { file: 'split-table-repeated-header.docx', build: splitTableRepeatedHeader },
  { file: 'body-blocks.docx', build: bodyBlocks },
  { file: 'cell-lists.docx', build: cellLists },
  { file: 'zip-bomb.docx', build: zipBomb, failure: 'docx/zip-bomb' },
  { file: 'zip-bomb-lying-header.docx', build: zipBombLyingHeader, failure: 'docx/zip-bomb' },
  { file: 'corrupt-zip.docx', build: corruptZip, failure: 'docx/corrupt' },
  { file: 'not-a-zip.docx', build: notAZip, failure: 'docx/corrupt' },
  { file: 'missing-main-part.docx', build: missingMainPart, failure: 'docx/missing-main-part' },
  { file: 'ole2-binary.doc', build: ole2Doc, failure: 'docx/unsupported-doc' },
  { file: 'encrypted.docx', build: encryptedDocx, failure: 'docx/encrypted' },
  { file: 'xxe-attempt.docx', build: xxe, failure: 'docx/xxe-rejected' },
];
